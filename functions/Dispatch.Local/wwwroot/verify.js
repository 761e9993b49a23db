// Public verification of a service-hours proof: valid (who, where, year, hours, issued) or unknown.
import { initI18n, onLangChange, t, lang, locale } from './i18n.js';
import { api, param } from './api.js';
import { h, add, clear, errorText, fmtHours, facts, say } from './ui.js';

const $ = (id) => document.getElementById(id);
let shown = null; // {number, view} or {number, unknown: true}

initI18n();
onLangChange(render);

$('number').value = param('n');
$('form').addEventListener('submit', (e) => { e.preventDefault(); check($('number').value.trim()); });
if (param('n')) check(param('n').trim());

async function check(number) {
  if (!number) return;
  const url = new URL(location.href);
  url.searchParams.set('n', number);
  history.replaceState(null, '', url);
  try {
    shown = { number, view: await api(`/api/proofs/${encodeURIComponent(number)}`) };
  } catch (e) {
    shown = e.status === 404 ? { number, unknown: true } : null;
    if (!shown) say($('result'), 'error', errorText(e));
  }
  render();
}

function render() {
  if (!shown) return;
  const box = clear($('result'));
  if (shown.unknown) {
    add(box, h('div', { class: 'card verdict verdict-unknown', role: 'status' },
      h('h2', null, t('verify.unknown')), h('p', null, t('verify.unknownText', { n: shown.number }))));
    return;
  }
  const v = shown.view;
  add(box, h('div', { class: 'card verdict verdict-valid', role: 'status' },
    h('h2', null, `✓ ${t('verify.valid')}`),
    h('p', null, t('verify.validText')),
    facts([
      [t('proof.number'), v.number],
      [t('verify.name'), v.memberName],
      [t('verify.community'), lang() === 'zh' ? v.communityNameZh : (v.communityNameEn || v.communityNameZh)],
      [t('verify.year'), String(v.year)],
      [t('verify.hours'), t('common.hours', { h: fmtHours(v.hours) })],
      [t('verify.issuedAt'), fmtIssued(v.issuedAt)],
    ])));
}

/** "2026年11月23日 10:00" / "23 November 2026, 10:00" in China time. */
function fmtIssued(iso) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}
