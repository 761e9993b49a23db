// 通知方式: a person's notification channels on their own page (member inbox, organizer desk) — an email address, SMS
// to their registered mobile, and push on this phone. The page's link (or session) says whose they are.
import { t, lang, onLangChange } from './i18n.js';
import { api } from './api.js';
import { h, add, clear, errorText, say, busy } from './ui.js';
import { canPush, subscribePush, unsubscribePush, currentPush } from './push.js';

/**
 * Renders the choices into section (kept hidden when the link may not choose, e.g. an offer link).
 * @param {HTMLElement} section
 * @param {{path:string, pushPath:string, token:string}} opts
 */
export async function mountChannels(section, { path, pushPath, token }) {
  let view;
  try {
    view = await api(path, { token });
  } catch {
    section.hidden = true;
    return;
  }
  let pushKey = null;
  try { pushKey = canPush() ? (await api('/api/push/key')).publicKey : null; } catch { pushKey = null; }
  let pushHere = false; // this phone has a subscription: offer to turn it off instead
  try { pushHere = !!pushKey && !!(await currentPush()); } catch { pushHere = false; }
  section.hidden = false;
  onLangChange(render);
  render();

  function render() {
    const typed = section.querySelector('#ch-email')?.value;
    clear(section);
    const email = h('input', { type: 'email', id: 'ch-email', maxlength: '254', autocomplete: 'email', 'aria-describedby': 'ch-email-error' });
    email.value = typed ?? view.email ?? '';
    const sms = h('input', { type: 'checkbox', id: 'ch-sms' });
    sms.checked = !!view.sms;
    const status = h('div', { id: 'ch-status', 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', id: 'ch-save', class: 'primary' }, t('channels.save'));
    const form = h('form', { id: 'channels-form', novalidate: '' },
      h('div', { class: 'field' }, h('label', { for: 'ch-email' }, t('channels.email')), email, h('p', { class: 'field-error', id: 'ch-email-error' })),
      h('label', { class: 'check' }, sms, h('span', null, t('channels.sms'))),
      save, status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(status);
      clear(section.querySelector('#ch-email-error'));
      try {
        view = await busy(save, () => api(path, { method: 'PUT', body: { email: email.value.trim() || null, sms: sms.checked, language: lang() }, token }));
        say(status, 'ok', t('channels.saved'));
      } catch (err) {
        if (err.errors?.email) add(section.querySelector('#ch-email-error'), err.errors.email.join(' '));
        else say(status, 'error', errorText(err));
      }
    });
    add(section, h('h2', { id: 'channels-title' }, t('channels.title')), h('p', { class: 'muted' }, t('channels.intro')), form);
    if (pushKey) {
      const button = pushHere
        ? h('button', { type: 'button', id: 'ch-push-off' }, t('channels.pushOff'))
        : h('button', { type: 'button', id: 'ch-push' }, t('channels.push'));
      const pushStatus = h('div', { id: 'ch-push-status', 'aria-live': 'polite' }, view.pushDevices ? t('channels.pushDevices', { n: view.pushDevices }) : '');
      button.addEventListener('click', async () => {
        try {
          if (pushHere) {
            await busy(button, () => unsubscribePush(pushPath, token));
            view = await api(path, { token });
            pushHere = false;
            render();
            say(section.querySelector('#ch-push-status'), 'ok', t('channels.pushOffDone'));
          } else {
            view = await busy(button, () => subscribePush(pushKey, pushPath, token));
            pushHere = true;
            render();
            say(section.querySelector('#ch-push-status'), 'ok', t('channels.pushOn'));
          }
        } catch (err) {
          say(pushStatus, 'error', err?.message === 'permission' ? t('channels.pushDenied') : errorText(err));
        }
      });
      add(section, h('div', { class: 'push-choice' }, button, pushStatus));
    }
  }
}
