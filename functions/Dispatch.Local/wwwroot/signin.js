// Sign-in (登录): phone → one-time code → (a role, when the phone has several) → the person's home page.
import { initI18n, onLangChange, t } from './i18n.js';
import { post, param } from './api.js';
import { h, clear, errorText, say, busy } from './ui.js';
import { wireSendCode, phone } from './phone-code.js';
import { passkeysSupported, signInWithPasskey } from './passkey.js';

const $ = (id) => document.getElementById(id);
let choices = null; // the roles a 409 offered: [{role, communityId, name}]

initI18n();
onLangChange(renderChoices);

wireSendCode();

if (passkeysSupported()) {
  $('passkey-signin').hidden = false;
  $('passkey-signin').addEventListener('click', async (e) => {
    try {
      const session = await busy(e.currentTarget, signInWithPasskey);
      location.assign(next() || session.home);
    } catch (err) {
      say($('status'), 'error', err?.status ? errorText(err) : t('passkey.failed'));
    }
  });
}

$('code-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const chosen = document.querySelector('input[name="choice"]:checked');
  const body = { phone: phone(), code: $('code').value.trim() };
  if (chosen) Object.assign(body, JSON.parse(chosen.value));
  try {
    const session = await busy($('verify'), () => post('/api/signin/verify', body));
    say($('status'), 'ok', t('signin.done'));
    location.assign(next() || session.home);
  } catch (err) {
    if (err.status === 409 && Array.isArray(err.problem.choices)) {
      choices = err.problem.choices;
      renderChoices();
      say($('status'), 'info', t('signin.choose'));
      return;
    }
    say($('status'), 'error', errorText(err));
  }
});

function renderChoices() {
  if (!choices) return;
  const list = clear($('choice-list'));
  choices.forEach((c, i) => {
    const id = `choice-${i}`;
    list.append(h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'choice', id, value: JSON.stringify({ role: c.role, communityId: c.communityId }), checked: i === 0 }),
      h('label', { for: id }, `${t(`signin.role.${c.role}`)} · ${c.name}${c.communityId ? ` · ${c.communityId}` : ''}`)));
  });
  $('choices').hidden = false;
}

/** Where to go back to: only a page of this site (a path, never another origin). */
function next() {
  const value = param('next');
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '';
}
