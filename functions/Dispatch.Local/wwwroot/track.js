// The resident's tracking page: status in words, the member once accepted, a timeline, cancel / confirm / not done,
// and an optional photo (shrunk and stripped of metadata in the browser before it is sent).
import { initI18n, onLangChange, t } from './i18n.js';
import { api, post, orderPath, param, tokenFromUrl, ApiError } from './api.js';
import { shrink, upload, photoUrl } from './photo.js';
import { h, add, clear, fmtTime, fmtHours, errorText, say, statusBadge, facts, busy, requireToken, loadPlaces, where } from './ui.js';
import { timelineText } from './timeline-text.js';

const POLL_MS = 5000;
const TERMINAL = new Set(['Confirmed', 'Cancelled']);
const $ = (id) => document.getElementById(id);

const orderId = param('o');
const token = tokenFromUrl();
let order = null;
let places = null;
let lastJson = '';
let actionsKey = '';
let timer = 0;
// What the resident is doing in the action area; kept across polls so typing and stars are not lost.
const ui = { cancelOpen: false, disputeOpen: false, rating: 0 };

initI18n();
onLangChange(() => { actionsKey = ''; render(true); });

if (requireToken(token && orderId, $('main'))) {
  loadPlaces().then((p) => { places = p; if (order) render(true); });
  refresh();
  document.addEventListener('visibilitychange', () => { if (!document.hidden && order && !TERMINAL.has(order.status)) refresh(); });
}

async function refresh() {
  clearTimeout(timer);
  try {
    const view = await api(orderPath(orderId), { token });
    order = view;
    clear($('load-status'));
    render(false);
  } catch (e) {
    say($('load-status'), 'error', errorText(e));
    if (e.status === 401 || e.status === 403 || e.status === 404) return; // the link will not get better
  }
  if (!order || !TERMINAL.has(order.status)) timer = setTimeout(refresh, POLL_MS);
}

function render(force) {
  if (!order) return;
  const json = JSON.stringify(order);
  if (!force && json === lastJson) return;
  lastJson = json;
  renderStatus();
  renderMember();
  renderActions();
  renderDetails();
  renderPhoto();
  renderTimeline();
}

function renderPhoto() {
  const o = order;
  const open = !TERMINAL.has(o.status);
  const box = clear($('photo'));
  box.className = o.hasPhoto || open ? 'card' : '';
  if (!o.hasPhoto && !open) return;
  const figure = h('figure', { class: 'order-photo' });
  add(box, h('h2', null, t('track.photo')), figure);
  if (o.hasPhoto) {
    photoUrl(orderId, token)
      .then((url) => { if (url && figure.isConnected) figure.replaceChildren(h('img', { id: 'photo-img', src: url, alt: t('track.photoAlt') })); })
      .catch((e) => say($('photo-status'), 'error', errorText(e)));
  }
  if (!open) return;
  const input = h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/*', id: 'photo-file', class: 'visually-hidden' });
  const pick = h('button', { type: 'button', class: 'plain', id: 'photo-pick', onclick: () => input.click() },
    t(o.hasPhoto ? 'track.replacePhoto' : 'track.addPhoto'));
  input.addEventListener('change', () => sendPhoto(input, pick));
  add(box, h('p', { class: 'muted' }, t('track.photoNote')), input, h('div', { class: 'actions' }, pick));
}

async function sendPhoto(input, button) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const status = $('photo-status');
  say(status, 'info', t('track.photoSending'));
  try {
    await busy(button, async () => upload(orderId, await shrink(file), token));
    say(status, 'ok', t('track.photoSaved'));
    order = { ...order, hasPhoto: true };
    renderPhoto();
  } catch (e) {
    say(status, 'error', photoError(e));
  }
}

function photoError(e) {
  if (!(e instanceof ApiError)) return t('track.photoUnreadable');
  if (e.status === 413) return t('track.photoTooLarge');
  if (e.status === 415) return t('track.photoType');
  return e.errors.photo?.[0] || errorText(e);
}

function renderStatus() {
  const o = order;
  const box = clear($('status'));
  box.className = 'card';
  add(box, 
    h('div', { class: 'card-head' },
      h('span', { class: `badge status-big status-${o.status.toLowerCase()}`, id: 'status-word' }, t(`status.${o.status}`)),
      o.urgent ? h('span', { class: 'badge urgent' }, t('common.urgent')) : null),
    h('p', { id: 'status-text' }, t(`statusLong.${o.status}`)),
    o.offerFrom ? h('p', { id: 'offer-from' }, t('track.offerFrom', { time: fmtTime(o.offerFrom) })) : null,
    !TERMINAL.has(o.status) ? h('p', { class: 'muted' }, t('track.autoRefresh')) : null,
  );
}

function renderMember() {
  const box = clear($('member'));
  const m = order.member;
  box.className = m ? 'card' : '';
  if (!m) return;
  add(box, 
    h('h2', null, t('track.member')),
    h('p', { class: 'tel' }, m.name),
    m.phone ? h('a', { class: 'button primary', href: `tel:${m.phone.replace(/[^\d+]/g, '')}` }, t('track.call', { phone: m.phone })) : null,
    order.hours != null ? h('p', null, t('track.hoursReported', { h: fmtHours(order.hours) })) : null,
    order.rating != null ? h('p', null, t('track.yourRating', { n: order.rating })) : null,
  );
}

function renderActions() {
  const o = order;
  const key = `${o.status}|${o.canCancel}|${o.canConfirm}|${ui.cancelOpen}|${ui.disputeOpen}`;
  if (key === actionsKey) return;
  actionsKey = key;
  const box = clear($('actions'));
  box.className = '';
  if (o.canConfirm) add(box, confirmCard());
  if (o.canCancel) add(box, cancelCard());
}

function confirmCard() {
  const stars = h('div', { class: 'stars' });
  const paint = () => stars.querySelectorAll('label').forEach((l, i) => l.classList.toggle('on', i < ui.rating));
  for (let n = 1; n <= 5; n += 1) {
    const id = `star-${n}`;
    stars.append(h('label', { for: id, title: t('track.star', { n }) },
      h('input', { type: 'radio', name: 'rating', id, value: String(n), checked: ui.rating === n, onchange: () => { ui.rating = n; paint(); } }),
      h('span', { 'aria-hidden': 'true' }, '★'), h('span', { class: 'visually-hidden' }, t('track.star', { n }))));
  }
  paint();
  const confirmBtn = h('button', { type: 'button', class: 'primary', id: 'confirm' }, t('track.confirm'));
  confirmBtn.addEventListener('click', () => act(confirmBtn, 'confirm', ui.rating ? { rating: ui.rating } : {}, 'track.confirmed'));

  const card = h('div', { class: 'card', id: 'confirm-card' },
    h('h2', null, t('track.confirmTitle')),
    h('fieldset', null, h('legend', null, t('track.rating')), stars),
    h('div', { class: 'actions' }, confirmBtn,
      !ui.disputeOpen ? h('button', { type: 'button', class: 'plain', id: 'not-done', onclick: () => { ui.disputeOpen = true; actionsKey = ''; renderActions(); $('dispute-reason')?.focus(); } }, t('track.notDone')) : null));
  if (ui.disputeOpen) {
    const reason = h('textarea', { id: 'dispute-reason', maxlength: '500', rows: '3' });
    const send = h('button', { type: 'button', class: 'primary', id: 'dispute-send' }, t('track.notDoneSend'));
    send.addEventListener('click', async () => {
      const ok = await act(send, 'dispute', { reason: reason.value.trim() || null }, 'track.notDoneSent');
      if (ok) ui.disputeOpen = false;
    });
    add(card, h('div', { class: 'field' },
      h('label', { for: 'dispute-reason' }, t('track.notDoneReason')), reason),
      h('div', { class: 'actions' }, send,
        h('button', { type: 'button', class: 'plain', onclick: () => { ui.disputeOpen = false; actionsKey = ''; renderActions(); } }, t('track.cancelNo'))));
  }
  return card;
}

function cancelCard() {
  if (!ui.cancelOpen) {
    return h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'plain', id: 'cancel', onclick: () => { ui.cancelOpen = true; actionsKey = ''; renderActions(); $('cancel-reason')?.focus(); } }, t('track.cancel')));
  }
  const reason = h('textarea', { id: 'cancel-reason', maxlength: '500', rows: '2' });
  const yes = h('button', { type: 'button', class: 'primary', id: 'cancel-yes' }, t('track.cancelYes'));
  yes.addEventListener('click', async () => {
    const ok = await act(yes, 'cancel', { reason: reason.value.trim() || null }, 'track.cancelled');
    if (ok) ui.cancelOpen = false;
  });
  return h('div', { class: 'card', id: 'cancel-card' },
    h('h2', null, t('track.cancelAsk')),
    h('div', { class: 'field' },
      h('label', { for: 'cancel-reason' }, t('track.cancelReason'), ' ', h('span', { class: 'muted' }, t('common.optional'))), reason),
    h('div', { class: 'actions' }, yes,
      h('button', { type: 'button', class: 'plain', onclick: () => { ui.cancelOpen = false; actionsKey = ''; renderActions(); } }, t('track.cancelNo'))));
}

async function act(button, action, body, okKey) {
  const status = $('action-status');
  clear(status);
  try {
    await busy(button, () => post(orderPath(orderId, action), body, token));
    say(status, 'ok', t(okKey));
    actionsKey = '';
    await refresh();
    return true;
  } catch (e) {
    say(status, 'error', errorText(e));
    return false;
  }
}

function renderDetails() {
  const o = order;
  const box = clear($('details'));
  box.className = 'card';
  add(box, 
    h('h2', null, `${t(`kind.${o.kind}`)} · ${t(`category.${o.category}`)}`),
    facts([
      [t('common.orderNo'), h('span', { class: 'order-ref' }, o.reference || o.orderId)],
      [t('common.placedAt'), fmtTime(o.placedAt)],
      o.wantedAt ? [t('common.wantedAt'), fmtTime(o.wantedAt)] : null,
      places && o.gridId ? [t('common.location'), where(places, o.gridId, o.buildingId)] : null,
    ]),
    o.description ? h('p', { class: 'desc' }, o.description) : null,
  );
}

function renderTimeline() {
  const box = clear($('timeline'));
  const items = [...(order.timeline || [])].reverse();
  if (!items.length) return;
  box.className = 'card';
  add(box, h('h2', null, t('track.timeline')),
    h('ol', { class: 'timeline' }, items.map((e) => h('li', null, h('time', { datetime: e.at }, fmtTime(e.at)), timelineText(e)))));
}
