// The member's inbox: offers (accept / decline), assignments (resident contact, report hours),
// the wish board (claim), volunteer posts (claim a place), service records and notices.
import { initI18n, onLangChange, t, tv, lang } from './i18n.js';
import { api, post, orderPath, param, tokenFromUrl, withToken } from './api.js';
import { mountChannels } from './channels.js';
import { photoUrl } from './photo.js';
import { h, add, clear, fmtTime, fmtDate, fmtHours, errorText, say, statusBadge, facts, busy, requireToken, loadPlaces, where } from './ui.js';

const REFRESH_MS = 20000;
const TABS = ['tasks', 'board', 'posts', 'records', 'notices'];
const $ = (id) => document.getElementById(id);

const token = tokenFromUrl();
const focusId = param('o');
let places = null;
let inbox = null;
let board = null;
let posts = null; // the community's volunteer posts, with claimedByMe
let records = null;
let tally = null; // this year's tally (hours, wishes, posts, rating, points, quota)
let proofError = null;
let extra = null; // the order named by ?o= when it is in none of the lists
let offerOnly = false; // an offer link (?o=…): it opens that order only, and the inbox answers 403
let errors = { inbox: null, board: null, records: null, posts: null };
let focusDone = false;
let tab = 'tasks';
// Per-card state kept across refreshes.
const declineOpen = new Set();
const declineText = new Map();
const QUICK_REASONS = ['member.quick.away', 'member.quick.busy', 'member.quick.skill', 'member.quick.far'];
const hoursChoice = new Map();
const cardMsg = new Map(); // orderId → {kind, key|text}
const postState = new Map(); // postId → {kind, key|error, block?: 'full'|'mine'|'ended'} after a claim

initI18n();
renderTabs();
onLangChange(() => { renderTabs(); renderAll(); });

if (requireToken(token, $('main'), { session: true })) {
  document.getElementById('tabs').hidden = false;
  $('refresh').addEventListener('click', (e) => busy(e.currentTarget, loadAll));
  for (const b of document.querySelectorAll('#tabs [role=tab]')) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
    b.addEventListener('keydown', onTabKey);
  }
  loadPlaces().then((p) => { places = p; renderAll(); });
  loadAll();
  mountChannels($('channels'), { path: '/api/members/me/channels', pushPath: '/api/members/me/push-subscriptions', token });
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
  if (offerOnly) return loadOffer();
  const tallyLoad = api('/api/members/me/tally', { token }).catch(() => null);
  const [i, b, r, p] = await Promise.allSettled([
    api('/api/members/me/inbox', { token }),
    api('/api/board', { token }),
    api('/api/members/me/records', { token }),
    api('/api/posts', { token }),
  ]);
  inbox = i.status === 'fulfilled' ? i.value : inbox;
  board = b.status === 'fulfilled' ? b.value : board;
  records = r.status === 'fulfilled' ? r.value : records;
  posts = p.status === 'fulfilled' ? p.value : posts;
  tally = (await tallyLoad) || tally;
  errors = {
    inbox: i.status === 'rejected' ? i.reason : null,
    board: b.status === 'rejected' ? b.reason : null,
    records: r.status === 'rejected' ? r.reason : null,
    posts: p.status === 'rejected' ? p.reason : null,
  };
  if (focusId && errors.inbox?.status === 403) {
    offerOnly = true;
    return loadOffer();
  }
  if (errors.inbox) say($('page-status'), 'error', linkError(errors.inbox));
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

/** The one order an offer link opens: its card (accept / decline) and nothing else. */
async function loadOffer() {
  try {
    extra = await api(orderPath(focusId), { token });
    clear($('page-status'));
  } catch (e) {
    extra = { error: e };
    say($('page-status'), 'error', linkError(e));
  }
  document.getElementById('tabs').hidden = true;
  showTab('tasks', true);
  renderAll();
}

/** An expired link says so, and where to go instead (an offer link lasts only as long as its offer). */
const linkError = (e) => (e?.code === 'token-expired' ? t('member.linkExpired') : errorText(e));

function renderOfferOnly() {
  const panel = clear($('panel-tasks'));
  add(panel, h('p', { class: 'msg msg-info' }, t('member.offerOnly')));
  if (!extra || extra.error) return;
  add(panel, extra.yourRole === 'offered' ? offerCard(extra) : extra.resident ? assignmentCard(extra) : pastCard(extra));
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
  if (offerOnly) return renderOfferOnly();
  renderTabs();
  if (inbox?.member) $('hello').textContent = t('member.hello', { name: inbox.member.name });
  renderTasks();
  renderBoard();
  renderPosts();
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
    o.status ? statusBadge(o.status) : null,
    o.reference ? h('span', { class: 'muted order-ref' }, o.reference) : null);
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
  const reason = reasonText(o.reason, o.dispatchedBy);
  if (reason) add(card, h('div', { class: 'msg msg-info why' }, h('strong', null, `${t('member.why')}${lang() === 'zh' ? '：' : ': '}`), reason));
  add(card, msgFor(id) || '');
  if (declineOpen.has(id)) {
    const area = h('textarea', { id: `decline-${id}`, rows: '2', maxlength: '500' });
    area.value = declineText.get(id) || '';
    area.addEventListener('input', () => declineText.set(id, area.value));
    // A few quick reasons fill the box in one tap; the member can still write their own.
    const quick = h('div', { class: 'quick-reasons', role: 'group', 'aria-label': t('member.quickReasons') },
      QUICK_REASONS.map((k) => {
        const b = h('button', { type: 'button', class: 'plain quick-reason' }, t(k));
        b.addEventListener('click', () => { area.value = t(k); declineText.set(id, area.value); area.focus(); });
        return b;
      }));
    const send = h('button', { type: 'button', class: 'primary' }, t('member.declineSend'));
    send.addEventListener('click', () => act(send, id, 'decline', { reason: area.value.trim() || null }, 'member.declined', () => { declineOpen.delete(id); declineText.delete(id); }));
    add(card, h('div', { class: 'field' }, h('label', { for: `decline-${id}` }, t('member.declineReason')), quick, area),
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

/** Why this member was picked, in words, from the offer's reason (the matching's figures). */
function reasonText(r, by) {
  if (!r) return '';
  if (r.byHand) return by ? t('reason.handBy', { name: by }) : t('reason.handAnon');
  return t('reason.ranked', {
    rank: r.rank, n: r.candidateCount, closeness: tv('closeness', r.closeness), gap: r.quotaGap,
    h: (r.halfHoursThisYear / 2).toFixed(1), open: r.openAssignments,
  });
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

/** The resident's photo, shown once the member accepted (the server says so with hasPhoto). */
function photoBlock(o) {
  if (!o.hasPhoto) return null;
  const figure = h('figure', { class: 'order-photo' });
  photoUrl(o.orderId, token)
    .then((url) => { if (url) figure.replaceChildren(h('img', { src: url, alt: t('member.photoAlt') })); })
    .catch(() => figure.replaceChildren(h('p', { class: 'muted' }, t('member.photoFailed'))));
  return figure;
}

function assignmentCard(o) {
  const id = o.orderId;
  const card = h('article', { class: 'card assignment', 'data-order': id }, head(o), residentBlock(o.resident), ...basics(o), photoBlock(o), msgFor(id) || '');
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
      h('td', null, recordWhat(r)),
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
    location.assign(withToken(`proof.html?n=${encodeURIComponent(proof.number)}`, token));
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
  add(panel, h('ul', { class: 'notices' }, list.map((n) => h('li', { class: `card notice notice-${String(n.notice).toLowerCase()}`, 'data-notice': n.notice },
    h('time', { class: 'muted', datetime: n.at }, fmtTime(n.at)),
    h('p', { class: 'notice-title' }, h('strong', null, tv('notice', n.notice))),
    noticeBody(n)))));
}

/** A link that opens this page on one order (the wish board or the task list, whichever holds it). */
function orderLink(id, text) {
  return h('a', { href: withToken(`member.html?o=${encodeURIComponent(id)}`, token), class: 'order-link' }, text);
}

/** Notice text in words: a quota nudge's progress and suggested wishes; otherwise the order it is about. */
function noticeBody(n) {
  if (n.notice === 'QuotaNudge') {
    const q = n.quota;
    if (!q) return null;
    return h('div', { class: 'notice-body' },
      h('p', null, t('notice.quotaProgress', { w: Math.min(q.wishes, 2), p: Math.min(q.posts, 1) })),
      q.suggested.length ? h('p', null, t('notice.quotaWishes')) : null,
      q.suggested.length ? h('ul', { class: 'links' }, q.suggested.map((id) => h('li', null, orderLink(id, t('notice.wish', { id }))))) : null,
      q.posts < 1 ? h('p', null, t('notice.quotaPosts')) : null);
  }
  if (!n.orderId || /^(quota|digest)-/.test(n.orderId)) return n.text ? h('p', { class: 'notice-body' }, n.text) : null;
  return h('p', { class: 'notice-body' }, orderLink(n.orderId, t('notice.open', { id: n.orderId })));
}

// ---------- volunteer posts ----------

/** What a service record was: a post shift names its post, an order its category. */
function recordWhat(r) {
  const post = (posts || []).find((x) => x.postId === r.orderId);
  if (post) return t('posts.record', { title: post.titleZh });
  return `${t(`category.${r.category}`)}${r.isWish ? ` · ${t('member.rec.wish')}` : ''}`;
}

/** Why a post cannot be claimed now, if it cannot: 'mine', 'full' or 'ended' (the last only from a 409). */
function postBlock(p) {
  if (p.claimedByMe) return 'mine';
  const s = postState.get(p.postId);
  if (s?.block) return s.block;
  if (p.taken >= p.capacity) return 'full';
  return null;
}

function postCard(p) {
  const block = postBlock(p);
  const label = block ? t(`posts.${block}`) : t('posts.claim');
  const claim = h('button', { type: 'button', class: `primary claim-post${block ? ` is-${block}` : ''}`, disabled: !!block }, label);
  claim.addEventListener('click', () => claimPost(claim, p));
  const s = postState.get(p.postId);
  const left = Math.max(0, p.capacity - p.taken);
  return h('article', { class: `card post${block ? ` post-${block}` : ''}`, 'data-post': p.postId },
    h('div', { class: 'card-head' },
      h('h3', null, p.titleZh),
      p.category && p.category !== 'Other' ? h('span', { class: 'badge' }, t(`category.${p.category}`)) : null,
      block ? h('span', { class: `badge post-state state-${block}` }, t(`posts.${block}`)) : null),
    p.description ? h('p', { class: 'desc' }, p.description) : null,
    facts([
      [t('posts.period'), t('posts.range', { from: fmtDate(p.startsOn), to: fmtDate(p.endsOn) })],
      [t('posts.places'), h('span', { class: 'places' }, t('posts.taken', { taken: p.taken, capacity: p.capacity }),
        !block && left > 0 ? h('span', { class: 'muted' }, ` · ${t('posts.placesLeft', { n: left })}`) : null)],
    ]),
    meter(p.taken, p.capacity),
    myShifts(p),
    s ? h('p', { class: `msg msg-${s.kind}`, role: s.kind === 'error' ? 'alert' : 'status' }, s.key ? t(s.key, s.vars) : errorText(s.error)) : null,
    h('div', { class: 'actions' }, claim));
}

/** The shifts credited to this member on a post they claimed: date and hours. */
function myShifts(p) {
  if (!p.claimedByMe || !p.myShifts) return null;
  if (!p.myShifts.length) return h('p', { class: 'muted my-shifts' }, t('posts.noShifts'));
  return h('div', { class: 'my-shifts' }, h('h4', null, t('posts.myShifts')),
    h('ul', null, p.myShifts.map((x) => h('li', null, `${fmtDate(x.date)} · ${t('common.hours', { h: fmtHours(x.hours) })}`))));
}

/** A bar of places taken (decorative: the numbers are in the text). */
function meter(taken, capacity) {
  const bar = h('span');
  bar.style.width = `${Math.min(100, Math.round((taken / Math.max(1, capacity)) * 100))}%`;
  return h('div', { class: 'meter', 'aria-hidden': 'true' }, bar);
}

function renderPosts() {
  const panel = clear($('panel-posts'));
  add(panel, h('h2', null, t('posts.title')), h('p', { class: 'muted' }, t('posts.intro')));
  if (errors.posts) add(panel, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(errors.posts)));
  if (!posts) return;
  const list = [...posts].sort((a, b) => (postBlock(a) ? 1 : 0) - (postBlock(b) ? 1 : 0) || String(a.startsOn).localeCompare(String(b.startsOn)));
  add(panel, ...(list.length ? list.map(postCard) : [h('p', { class: 'muted' }, t('posts.empty'))]));
}

const POST_BLOCKS = { 'post-full': 'full', 'already-claimed': 'mine', 'post-ended': 'ended' };

async function claimPost(button, p) {
  clear($('action-status'));
  postState.delete(p.postId);
  try {
    const res = await busy(button, () => post(`/api/posts/${encodeURIComponent(p.postId)}/claim`, {}, token));
    postState.set(p.postId, { kind: 'ok', key: 'posts.claimed', vars: { year: res?.quotaYear ?? p.quotaYear } });
  } catch (e) {
    postState.set(p.postId, { kind: 'error', error: e, block: POST_BLOCKS[e.code] });
  }
  await loadAll();
  document.querySelector(`[data-post="${CSS.escape(p.postId)}"]`)?.scrollIntoView({ block: 'nearest' });
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
