// The community's registration link (在职党员报到) on the organizer page: the address and its QR code to print, so a
// community outside the demo can hand it out. Other modules read the organizer's community from it.
import { onLangChange, t } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { clear, fmtDate, errorText, say } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();

/** The link view ({communityId, url, expiresAt, qrSvg}), or null when it could not be loaded. */
// A link, or the session (organizer.js, which runs first, adds "sign out" then).
export const registrationLink = token || document.getElementById('sign-out') ? api('/api/organizer/registration-link', { token }).catch((err) => {
  say($('registration-link-status'), 'error', errorText(err));
  return null;
}) : Promise.resolve(null);

registrationLink.then((link) => {
  if (!link) return;
  const img = $('registration-qr');
  // As an image, never as markup: the page inserts no HTML it did not write.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`;
  img.hidden = false;
  const a = $('registration-url');
  a.href = link.url;
  a.textContent = link.url;
  a.hidden = false;
  render(link);
  onLangChange(() => render(link));
  $('registration-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      say($('registration-link-status'), 'ok', t('org.registerLinkCopied'));
    } catch {
      // No clipboard (an insecure origin): the link is on the page to select by hand.
    }
  });
  $('registration-print').addEventListener('click', () => printQr(link));
});

function render(link) {
  $('registration-qr').alt = t('org.registerLinkQr');
  $('registration-expires').textContent = t('org.registerLinkExpires', { date: fmtDate(String(link.expiresAt).slice(0, 10)) });
}

/** A print of the code and the address alone, for a poster. */
function printQr(link) {
  const w = window.open('', '_blank');
  if (!w) return;
  const doc = w.document;
  clear(doc.body);
  const title = doc.createElement('h1');
  title.textContent = t('org.registerLink');
  const img = doc.createElement('img');
  img.src = $('registration-qr').src;
  img.style.width = '60vmin';
  const url = doc.createElement('p');
  url.textContent = link.url;
  doc.body.append(title, img, url);
  img.onload = () => w.print();
}
