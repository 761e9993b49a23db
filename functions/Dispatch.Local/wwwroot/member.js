// The member's inbox: offers (accept / decline), assignments (resident contact, report hours),
// the wish board (claim), service records and notices.
import { initI18n, onLangChange, t, tv, lang } from './i18n.js';
import { api, post, orderPath, param, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, fmtDate, fmtHours, errorText, say, statusBadge, facts, busy, requireToken, loadPlaces, where } from './ui.js';

const REFRESH_MS = 20000;
const TABS = ['tasks', 'board', 'records', 'notices'];
const $ = (id) => document.getElementById(id);

const token = tokenFromUrl();
const focusId = param('o');
let places = null;
let inbox = null;
let board = null;
let records = null;
let tally = null; // this year's tally (hours, wishes, posts, rating, points, quota)
let proofError = null;
let extra = null; // the order named by ?o= when it is in none of the lists
let errors = { inbox: null, board: null, records: null };
let focusDone = false;
let tab = 'tasks';
// Per-card state kept across refreshes.
const declineOpen = new Set();
const declineText = new Map();
const hoursChoice = new Map();
const cardMsg = new Map(); // orderId → {kind, key|text}

initI18n();
renderTabs();
onLangChange(() => { renderTabs(); renderAll(); });

if (requireToken(token, $('main'))) {
  document.getElementById('tabs').hidden = false;
  $('refresh').addEventListener('click', (e) => busy(e.currentTarget, loadAll));
  for (const b of document.querySelectorAll('#tabs [role=tab]')) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
    b.addEventListener('keydown', onTabKey);
  }
  loadPlaces().then((p) => { places = p; renderAll(); });
  loadAll();
  setInterval(tick, 1000);
  setInterval(() => { if (!document.hidden && !busyEditing()) loadAll(); }, REFRESH_MS);
} else {
  document.getElementById('tabs').hidden = true;
}

/** Do not refresh under someone who is typing or choosing. */
function busyEditing() {
  const a = document.activeElement;
  return declineOpen.size > 0 || (a && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName));
}

async function loadAll() {
  const tallyLoad = api('/api/members/me/tally', { token }).catch(() => null);
  const [i, b, r] = await Promise.allSettled([
    api('/api/members/me/inbox', { token }),
    api('/api/board', { token }),
    api('/api/members/me/records', { token }),
  ]);
  inbox = i.status === 'fulfilled' ? i.value : inbox;
  board = b.status === 'fulfilled' ? b.value : board;
  records = r.status === 'fulfilled' ? r.value : records;
  tally = (await tallyLoad) || tally;
  errors = {
    inbox: i.status === 'rejected' ? i.reason : null,
    board: b.status === 'rejected' ? b.reason : null,
    records: r.status === 'rejected' ? r.reason : null,
  };
  if (errors.inbox) say($('page-status'), 'error', errorText(errors.inbox));
  else clear($('page-status'));
  if (focusId && !focusDone && inbox) await findFocus();
  renderAll();
  if (focusId && !focusDone && inbox) {
    focusDone = true;
    const card = document.querySelector(`[data-order="${CSS.escape(focusId)}"]`);
    if (card) {
      card.classList.add('highlight');
      card.scrollIntoView({ block: 'center' });
      card.setAttribute('tabindex', '-1');
      card.focus({ preventScroll: true });
    }
  }
}

const inList = (list, id) => (list || []).some((x) => x.orderId === id);

async function findFocus() {
  if (inList(inbox.offers, focusId) || inList(inbox.assignments, focusId) || inList(inbox.past, focusId)) { showTab('tasks', true); return; }
  if (inList(board, focusId)) { showTab('board', true); return; }
  try {
    extra = await api(orderPath(focusId), { token });
  } catch (e) {
    extra = { error: e };
  }
  showTab('tasks', true);
}

function renderTabs() {
  for (const name of TABS) {
    const b = $(`tab-${name}`);
    clear(b).append(t(`member.tab.${name}`));
    const n = name === 'tasks' ? inbox?.offers?.length : name === 'board' ? board?.length : 0;
    if (n) b.append(h('span', { class: 'count', 'aria-label': `(${n})` }, String(n)));
  }
}

function showTab(name, quiet) {
  tab = name;
  for (const n of TABS) {
    const b = $(`tab-${n}`);
    const on = n === name;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    $(`panel-${n}`).hidden = !on;
  }
  if (!quiet) clear($('action-status'));
}

function onTabKey(e) {
  const i = TABS.indexOf(tab);
  let next = null;
  if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
  if (e.key === 'ArrowLeft') next = TABS[(i + TABS.length - 1) % TABS.length];
  if (next) { e.preventDefault(); showTab(next); $(`tab-${next}`).focus(); }
}

function renderAll() {
  renderTabs();
  if (inbox?.member) $('hello').textContent = t('member.hello', { name: inbox.member.name });
  renderTasks();
  renderBoard();
  renderRecords();
  renderNotices();
  tick();
}

// ---------- cards ----------

function head(o) {
  return h('div', { class: 'card-head' },
    h('h3', null, t(`category.${o.category}`)),
    o.kind === 'Wish' ? h('span', { class: 'badge kind-wish' }, t('kind.Wish')) : null,
    o.urgent ? h('span', { class: 'badge urgent' }, t('common.urgent')) : null,
    o.status ? statusBadge(o.status) : null);
}

function basics(o) {
  return [
    facts([
      [t('common.location'), where(places, o.gridId, o.buildingId)],
      [t('common.placedAt'), fmtTime(o.placedAt)],
      o.wantedAt ? [t('common.wantedAt'), fmtTime(o.wantedAt)] : null,
    ]),
    o.description ? h('p', { class: 'desc' }, o.description) : null,
  ];
}

function msgFor(id) {
  const m = cardMsg.get(id);
  if (!m) return null;
  return h('p', { class: `msg msg-${m.kind}`, role: m.kind === 'error' ? 'alert' : 'status' }, m.key ? t(m.key) : errorText(m.error));
}

function offerCard(o) {
  const id = o.orderId;
  const card = h('article', { class: 'card offer', 'data-order': id }, head(o), ...basics(o));
  if (o.offerDeadline) {
    add(card, h('p', null, h('strong', null, t('member.deadline', { time: fmtTime(o.offerDeadline) })), ' · ',
      h('span', { class: 'countdown', 'data-deadline': o.offerDeadline })));
  }
  const reason = lang() === 'zh' ? (o.reasonZh || o.reasonEn) : readable(o.reasonEn || o.reasonZh);
  if (reason) add(card, h('div', { class: 'msg msg-info why' }, h('strong', null, `${t('member.why')}${lang() === 'zh' ? '：' : ': '}`), reason));
  add(card, msgFor(id) || '');
  if (declineOpen.has(id)) {
    const area = h('textarea', { id: `decline-${id}`, rows: '2', maxlength: '500' });
    area.value = declineText.get(id) || '';
    area.addEventListener('input', () => declineText.set(id, area.value));
    const send = h('button', { type: 'button', class: 'primary' }, t('member.declineSend'));
    send.addEventListener('click', () => act(send, id, 'decline', { reason: area.value.trim() || null }, 'member.declined', () => { declineOpen.delete(id); declineText.delete(id); }));
    add(card, h('div', { class: 'field' }, h('label', { for: `decline-${id}` }, t('member.declineReason')), area),
      h('div', { class: 'actions' }, send,
        h('button', { type: 'button', class: 'plain', onclick: () => { declineOpen.delete(id); renderTasks(); } }, t('member.declineCancel'))));
  } else {
    const accept = h('button', { type: 'button', class: 'primary accept' }, t('member.accept'));
    accept.addEventListener('click', () => act(accept, id, 'accept', {}, 'member.accepted'));
    add(card, h('div', { class: 'actions' }, accept,
      h('button', { type: 'button', class: 'plain decline', onclick: () => { declineOpen.add(id); renderTasks(); $(`decline-${id}`)?.focus(); } }, t('member.decline'))));
  }
  return card;
}

const CLOSENESS = { LinkedHousehold: 'a household you are linked to', SameBuilding: 'same building', SameGrid: 'same grid', SameCommunity: 'same community' };

/** The English reason names closeness by its code name; say it in words. */
function readable(text) {
  return text ? text.replace(/\b(LinkedHousehold|SameBuilding|SameGrid|SameCommunity)\b/g, (m) => CLOSENESS[m]) : text;
}

function residentBlock(r) {
  if (!r) return null;
  return h('div', { class: 'resident' },
    h('h4', null, t('member.resident')),
    facts([
      [t('member.residentName'), r.name],
      [t('member.residentPhone'), r.phone ? h('a', { class: 'tel', href: `tel:${r.phone.replace(/[^\d+]/g, '')}` }, r.phone) : ''],
      [t('member.residentAddress'), r.address],
    ]));
}

function hoursOptions(selected) {
  const opts = [];
  for (let v = 0.5; v <= 12; v += 0.5) opts.push(h('option', { value: String(v), selected: v === selected }, t('common.hours', { h: fmtHours(v) })));
  return opts;
}

function assignmentCard(o) {
  const id = o.orderId;
  const card = h('article', { class: 'card assignment', 'data-order': id }, head(o), residentBlock(o.resident), ...basics(o), msgFor(id) || '');
  if (o.status === 'Accepted') {
    const chosen = hoursChoice.get(id) ?? 1;
    const sel = h('select', { id: `hours-${id}`, class: 'hours' }, hoursOptions(chosen));
    sel.addEventListener('change', () => hoursChoice.set(id, Number(sel.value)));
    const send = h('button', { type: 'button', class: 'primary report' }, t('member.hoursSend'));
    send.addEventListener('click', () => act(send, id, 'hours', { hours: Number(sel.value) }, 'member.hoursSent'));
    add(card, h('fieldset', { class: 'report-hours' },
      h('legend', null, t('member.reportHours')),
      h('div', { class: 'field' }, h('label', { for: `hours-${id}` }, t('member.hoursLabel')), sel),
      h('div', { class: 'actions' }, send)));
  } else if (o.status === 'Done' && o.hours != null) {
    add(card, h('p', { class: 'msg msg-info' }, t('member.waitingConfirm', { h: fmtHours(o.hours) })));
  }
  return card;
}

function pastCard(o) {
  return h('article', { class: 'card past', 'data-order': o.orderId }, head(o),
    facts([
      [t('common.placedAt'), fmtTime(o.placedAt)],
      o.hours != null ? [t('member.rec.hours'), t('common.hours', { h: fmtHours(o.hours) })] : null,
    ]));
}

function renderTasks() {
  const panel = clear($('panel-tasks'));
  if (!inbox) return;
  if (extra) {
    if (extra.error) add(panel, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(extra.error)));
    else {
      add(panel, h('p', { class: 'msg msg-info' }, t('member.notFoundHere', { id: extra.orderId, status: t(`status.${extra.status}`) })));
      add(panel, extra.yourRole === 'offered' ? offerCard(extra) : extra.resident ? assignmentCard(extra) : pastCard(extra));
    }
  }
  add(panel, h('h2', null, t('member.offers')));
  add(panel, ...(inbox.offers?.length ? inbox.offers.map(offerCard) : [h('p', { class: 'muted' }, t('member.noOffers'))]));
  add(panel, h('h2', null, t('member.assignments')));
  add(panel, ...(inbox.assignments?.length ? inbox.assignments.map(assignmentCard) : [h('p', { class: 'muted' }, t('member.noAssignments'))]));
  if (inbox.past?.length) {
    add(panel, h('h2', null, t('member.past')), ...inbox.past.map(pastCard));
  }
}

function boardCard(b) {
  const id = b.orderId;
  const m = cardMsg.get(id);
  const taken = m && m.taken;
  const claim = h('button', { type: 'button', class: 'primary claim', disabled: !!taken }, taken ? t('member.taken') : t('member.claim'));
  claim.addEventListener('click', () => act(claim, id, 'claim', {}, 'member.claimed'));
  return h('article', { class: 'card wish', 'data-order': id },
    head({ ...b, kind: 'Wish' }), ...basics(b), msgFor(id) || '', h('div', { class: 'actions' }, claim));
}

function renderBoard() {
  const panel = clear($('panel-board'));
  add(panel, h('h2', null, t('member.board')));
  if (errors.board) add(panel, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(errors.board)));
  if (!board) return;
  // Keep cards whose claim just failed visible, so "already taken" can be read.
  const shown = [...board];
  for (const [id, m] of cardMsg) if (m.taken && !inList(shown, id) && m.item) shown.push(m.item);
  add(panel, ...(shown.length ? shown.map(boardCard) : [h('p', { class: 'muted' }, t('member.boardEmpty'))]));
}

function renderRecords() {
  const panel = clear($('panel-records'));
  add(panel, h('h2', null, t('member.records')));
  if (errors.records) add(panel, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(errors.records)));
  if (!records) return;
  if (tally) add(panel, tallyBlock());
  else add(panel, h('p', { class: 'muted' }, t('member.year', { year: records.year })),
    h('div', { class: 'stats' },
      h('div', { class: 'stat' }, h('b', { id: 'year-hours' }, fmtHours(records.hours)), t('member.yearHours')),
      h('div', { class: 'stat' }, h('b', null, String(records.services)), t('member.yearServices')),
      h('div', { class: 'stat' }, h('b', null, String(records.wishes)), t('member.yearWishes'))),
    h('p', null, t('member.wishQuota', { n: Math.min(records.wishes, 2) })));
  if (!records.records?.length) {
    add(panel, h('p', { class: 'muted' }, t('member.noRecords')));
    return;
  }
  add(panel, h('div', { class: 'table-wrap' }, h('table', null,
    h('thead', null, h('tr', null, ['member.rec.date', 'member.rec.category', 'member.rec.hours', 'member.rec.confirmedBy', 'member.rec.rating']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, records.records.map((r) => h('tr', null,
      h('td', null, fmtDate(r.servedOn)),
      h('td', null, `${t(`category.${r.category}`)}${r.isWish ? ` · ${t('member.rec.wish')}` : ''}`),
      h('td', null, fmtHours(r.hours)),
      h('td', null, tv('member.confirmedBy', r.confirmedBy)),
      h('td', null, r.rating ? '★'.repeat(r.rating) : '—')))))));
}

function stat(id, value, key) {
  return h('div', { class: 'stat' }, h('b', id ? { id } : null, value), t(key));
}

/** The year's tally and the button that issues a printable service-hours proof (服务时长证明). */
function tallyBlock() {
  const x = tally;
  const print = h('button', { type: 'button', class: 'primary', id: 'print-proof' }, t('member.proof.print'));
  print.addEventListener('click', () => issueProof(print, x.year));
  return h('section', { class: 'tally', 'aria-labelledby': 'tally-title' },
    h('h3', { id: 'tally-title' }, t('member.tally', { year: x.year })),
    h('div', { class: 'stats tally' },
      stat('year-hours', fmtHours(x.hours), 'member.tally.hours'),
      stat('year-services', String(x.services), 'member.tally.services'),
      stat('year-wishes', String(x.wishes), 'member.tally.wishes'),
      stat('year-posts', String(x.posts), 'member.tally.posts'),
      stat('year-rating', x.averageRating == null ? '—' : String(Math.round(x.averageRating * 10) / 10), 'member.tally.rating'),
      stat('year-points', fmtHours(x.points), 'member.tally.points')),
    h('p', { class: x.quotaMet ? 'quota-met' : 'quota-open', id: 'year-quota' },
      t(x.quotaMet ? 'member.tally.quotaMet' : 'member.tally.quotaOpen', { w: Math.min(x.wishes, 2), p: Math.min(x.posts, 1) })),
    proofError ? h('p', { class: 'msg msg-error', role: 'alert' }, errorText(proofError)) : null,
    h('div', { class: 'actions' }, print));
}

async function issueProof(button, year) {
  proofError = null;
  try {
    const proof = await busy(button, () => post('/api/members/me/proofs', { year }, token));
    location.assign(`proof.html?n=${encodeURIComponent(proof.number)}&t=${encodeURIComponent(token)}`);
  } catch (e) {
    proofError = e;
    renderRecords();
  }
}

function renderNotices() {
  const panel = clear($('panel-notices'));
  add(panel, h('h2', null, t('member.notices')));
  const list = inbox?.notices || [];
  if (!list.length) {
    add(panel, h('p', { class: 'muted' }, t('member.noNotices')));
    return;
  }
  add(panel, h('ul', { class: 'notices' }, list.map((n) => h('li', { class: 'card' },
    h('time', { class: 'muted', datetime: n.at }, fmtTime(n.at)), h('br'),
    tv('notice', n.notice), ' ', h('span', { class: 'muted' }, `(${t('common.orderNo')} ${n.orderId})`)))));
}

/** Offer countdowns, once a second. */
function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll('.countdown[data-deadline]')) {
    const left = Math.floor((new Date(el.dataset.deadline).getTime() - now) / 1000);
    if (left <= 0) el.textContent = t('member.expired');
    else if (left >= 3600) el.textContent = t('member.leftHours', { h: Math.floor(left / 3600), m: Math.floor((left % 3600) / 60) });
    else el.textContent = t('member.left', { m: Math.floor(left / 60), s: left % 60 });
  }
}

async function act(button, orderId, action, body, okKey, after) {
  clear($('action-status'));
  cardMsg.delete(orderId);
  const item = action === 'claim' ? (board || []).find((x) => x.orderId === orderId) : null;
  try {
    await busy(button, () => post(orderPath(orderId, action), body, token));
    if (after) after();
    say($('action-status'), 'ok', t(okKey));
  } catch (e) {
    // A claim that lost the race: keep the card and say "already taken" (已被认领).
    const taken = action === 'claim' && e.status === 409;
    const key = taken && (e.code === 'already-taken' || !e.code) ? 'problem.already-taken' : null;
    cardMsg.set(orderId, { kind: 'error', error: e, key, taken: !!key, item });
  }
  await loadAll();
  const card = document.querySelector(`[data-order="${CSS.escape(orderId)}"]`);
  const m = cardMsg.get(orderId);
  if (m && !card) {
    cardMsg.delete(orderId);
    say($('action-status'), 'error', m.key ? t(m.key) : errorText(m.error));
  }
  if (m && card) card.scrollIntoView({ block: 'nearest' });
  else $('action-status').scrollIntoView({ block: 'nearest' });
}
