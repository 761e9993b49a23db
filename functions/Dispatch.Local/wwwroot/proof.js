// The printable service-hours proof (服务时长证明): the member's own proof by number, A4 when printed.
import { initI18n, onLangChange, t, lang, locale } from './i18n.js';
import { api, tokenFromUrl, param, withToken } from './api.js';
import { clear, errorText, fmtHours, say, message, requireToken } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
const number = param('n');
let proof = null;

initI18n();
onLangChange(render);

if (requireToken(token, $('main'), { session: true })) {
  $('back').href = withToken('member.html', token);
  $('print').addEventListener('click', () => window.print());
  if (!number) clear($('page-status')).append(message('error', t('proof.missing')));
  else load();
}

async function load() {
  try {
    proof = await api(`/api/members/me/proofs/${encodeURIComponent(number)}`, { token });
    clear($('page-status'));
    render();
  } catch (e) {
    say($('page-status'), 'error', errorText(e));
  }
}

/** "2026年11月23日 10:00" / "23 November 2026, 10:00" in China time. */
function fmtIssued(iso) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}

function render() {
  if (!proof) return;
  const zh = lang() === 'zh';
  const community = zh ? proof.communityNameZh : (proof.communityNameEn || proof.communityNameZh);
  const grid = zh ? proof.gridNameZh : (proof.gridNameEn || proof.gridNameZh);
  const place = grid ? (zh ? `${community}${grid}` : `${grid}, ${community}`) : community;
  $('proof-number').textContent = proof.number;
  $('proof-body').textContent = t('proof.body', { name: proof.memberName, place, year: proof.year, hours: fmtHours(proof.hours), services: proof.services });
  $('proof-end').textContent = t('proof.end');
  $('proof-source').textContent = proof.fromAssessment ? t('proof.fromAssessment', { year: proof.year }) : '';
  $('proof-issuer').textContent = t('proof.issuer', { community });
  $('proof-issued').textContent = fmtIssued(proof.issuedAt);
  $('proof-issued').setAttribute('datetime', proof.issuedAt);
  $('proof-link').textContent = proof.verifyUrl;
  $('proof-link').href = proof.verifyUrl;
  // As an image, never as markup: the page inserts no HTML it did not write.
  $('proof-qr').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(proof.verifyQrSvg)}`;
  $('proof-qr').hidden = false;
  $('proof').hidden = false;
}
