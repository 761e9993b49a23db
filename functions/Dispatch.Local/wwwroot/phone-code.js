// The first step signin.html and find.html share: a phone number → a one-time code by text, then the code form.
import { t } from './i18n.js';
import { post } from './api.js';
import { errorText, say, busy } from './ui.js';

const $ = (id) => document.getElementById(id);

/** The phone as typed. */
export const phone = () => $('phone').value.trim();

/** Wires #phone-form: asks for a code, then shows #code-form and says how long the code lasts in #status. */
export function wireSendCode() {
  $('phone-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const sent = await busy($('send'), () => post('/api/signin/code', { phone: phone() }));
      $('code-form').hidden = false;
      say($('status'), 'info', t('signin.sent', { m: Math.round((sent?.expiresInSeconds || 300) / 60) }));
      $('code').focus();
    } catch (err) {
      say($('status'), 'error', errorText(err));
    }
  });
}
