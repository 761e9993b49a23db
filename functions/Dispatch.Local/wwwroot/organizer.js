// The organizer's desk: open orders with a filter, dispatch by hand, confirm for a resident; notices
// (escalations, the morning digest) and undeliverable offers; volunteer posts (create, claimants, record shifts).
import { initI18n, onLangChange, t, tv, lang } from './i18n.js';
import { api, post, orderPath, tokenFromUrl } from './api.js';
import { mountChannels } from './channels.js';
import { mountFailedDeliveries } from './organizer-deliveries.js';
import { h, add, clear, fmtTime, fmtDate, fmtHours, fieldMessage, errorText, say, statusBadge, busy, requireToken, loadPlaces, where } from './ui.js';
import { orderRef, detailsToggle, confirmForm } from './organizer-desk-order.js';
import { dispatchSearch } from './organizer-desk-dispatch.js';

const REFRESH_MS = 30000;
const DISPATCHABLE = new Set(['Placed', 'Open', 'Offered', 'Escalated']);
const $ = (id) => document.getElementById(id);

const token = tokenFromUrl();
let places = null;
let orders = null;
let members = [];
let filter = 'all';
const rowMsg = new Map(); // orderId → {kind, key?, error?}
let notices = [];
let deadLetters = [];
let posts = null;
let postsError = null;
let claimants = new Map(); // postId → {ids: memberId[], exact: bool}
const shift = new Map(); // postId → {memberId, date, hours} typed into the post's shift form
const postMsg = new Map(); // postId → {kind, key?, vars?, error?}
const POST_FIELDS = ['titleZh', 'description', 'capacity', 'category', 'startsOn', 'endsOn'];
const CATEGORIES = ['Other', 'ElderCare', 'Repair', 'Errand', 'Tutoring', 'Legal', 'Health', 'Visit'];

initI18n();
onLangChange(() => { categoryOptions(); renderAllParts(); });
categoryOptions();

if (requireToken(token, $('main'), { session: true })) {
  $('filters').addEventListener('change', (e) => {
    if (e.target.name === 'filter') { filter = e.target.value; rowMsg.clear(); load(); }
  });
  $('refresh').addEventListener('click', (e) => busy(e.currentTarget, load));
  $('post-form').addEventListener('submit', createPost);
  loadPlaces().then((p) => { places = p; render(); });
  load();
  const loadFailed = mountFailedDeliveries($('failed-deliveries'), token);
  loadFailed();
  setInterval(() => { if (!document.hidden) loadFailed(); }, REFRESH_MS);
  mountChannels($('channels'), { path: '/api/organizer/me/channels', pushPath: '/api/organizer/me/push-subscriptions', token });
  setInterval(() => {
    const a = document.activeElement;
    if (!document.hidden && !(a && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName))) load();
  }, REFRESH_MS);
} else {
  $('filters').hidden = true;
}

function renderAllParts() {
  render();
  renderNotices();
  renderDeadLetters();
  renderPosts();
}

async function load() {
  const query = filter === 'escalated' ? '?status=Escalated' : '';
  const [o, m, n, d, p] = await Promise.allSettled([
    api(`/api/organizer/orders${query}`, { token }),
    api('/api/organizer/members', { token }),
    api('/api/organizer/notices', { token }),
    api('/api/organizer/dead-letters', { token }),
    api('/api/posts', { token }),
  ]);
  if (o.status === 'rejected') {
    say($('page-status'), 'error', errorText(o.reason));
  } else {
    clear($('page-status'));
    orders = o.value || [];
  }
  if (m.status === 'fulfilled') members = m.value || [];
  if (n.status === 'fulfilled') notices = n.value || [];
  if (d.status === 'fulfilled') deadLetters = d.value || [];
  postsError = p.status === 'rejected' ? p.reason : null;
  if (p.status === 'fulfilled') {
    posts = p.value || [];
    claimants = findClaimants(posts);
  }
  renderAllParts();
}

function awaiting(x) {
  return x.awaitingOrganizerConfirmation || x.status === 'Done';
}

function memberName(id) {
  if (!id) return '';
  const m = members.find((x) => x.memberId === id);
  return m ? m.name : t('org.unknownMember', { id });
}

function whoCell(x) {
  const parts = [];
  if (x.memberId) parts.push(h('div', null, t('org.assignedTo', { name: memberName(x.memberId) })));
  if (x.offeredTo) parts.push(h('div', null, t('org.offeredTo', { name: memberName(x.offeredTo) })));
  if (x.offerDeadline) parts.push(h('div', { class: 'muted' }, t('org.deadline', { time: fmtTime(x.offerDeadline) })));
  if (x.escalation) parts.push(h('div', { class: 'field-error' }, t('org.escalation', { text: tv('escalation', x.escalation) })));
  return parts.length ? parts : ['—'];
}

function actionsCell(x) {
  const id = x.orderId;
  const out = [];
  const m = rowMsg.get(id);
  if (m) out.push(h('p', { class: `msg msg-${m.kind}`, role: m.kind === 'error' ? 'alert' : 'status' }, m.key ? t(m.key) : errorText(m.error)));
  if (DISPATCHABLE.has(x.status)) out.push(dispatchSearch(x, token, places, (go, body) => act(go, id, 'dispatch', body, 'org.dispatched')));
  if (awaiting(x)) out.push(confirmForm(x, (ok, body) => act(ok, id, 'confirm', body, 'org.confirmed')));
  return out;
}

function row(x) {
  return h('tr', { 'data-order': x.orderId, id: `order-${x.orderId}` },
    h('td', { 'data-label': t('org.col.order') },
      h('strong', null, `${t(`category.${x.category}`)}`), ' ',
      x.kind === 'Wish' ? h('span', { class: 'badge kind-wish' }, t('kind.Wish')) : null, ' ',
      x.urgent ? h('span', { class: 'badge urgent' }, t('common.urgent')) : null,
      h('div', { class: 'muted' }, h('span', { class: 'order-ref' }, orderRef(x)), ` · ${fmtTime(x.placedAt)}`),
      detailsToggle(x, token)),
    h('td', { 'data-label': t('org.col.status') }, statusBadge(x.status)),
    h('td', { 'data-label': t('org.col.where') }, where(places, x.gridId, x.buildingId)),
    h('td', { 'data-label': t('org.col.who') }, whoCell(x)),
    h('td', { 'data-label': t('org.col.actions') }, actionsCell(x)));
}

function render() {
  const list = clear($('list'));
  if (!orders) { $('count').textContent = ''; return; }
  const shown = filter === 'awaiting' ? orders.filter(awaiting) : orders;
  $('count').textContent = `${t('org.count', { n: shown.length })} · ${t('org.members', { n: members.length })}`;
  if (!shown.length) {
    add(list, h('p', { class: 'msg msg-info' }, t('org.empty')));
    return;
  }
  add(list, h('table', { class: 'org-table' },
    h('thead', null, h('tr', null, ['org.col.order', 'org.col.status', 'org.col.where', 'org.col.who', 'org.col.actions']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, shown.map(row))));
}

async function act(button, orderId, action, body, okKey) {
  rowMsg.delete(orderId);
  clear($('action-status'));
  try {
    await busy(button, () => post(orderPath(orderId, action), body, token));
    const x = (orders || []).find((o) => o.orderId === orderId);
    say($('action-status'), 'ok', `${t(okKey)} (${x ? orderRef(x) : orderId})`);
  } catch (e) {
    rowMsg.set(orderId, { kind: 'error', error: e });
  }
  await load();
}


// ---------- notices and undeliverable offers ----------

const SHOWN_NOTICES = 4;

/** A link to an order's row in the list above (switches the filter to "all" when the row is hidden). */
function rowLink(id, text, name) {
  const a = h('a', { href: `#order-${id}`, class: 'order-link', 'data-goto': id }, text || id);
  a.addEventListener('click', (e) => { e.preventDefault(); goToRow(id, name || text); });
  return a;
}

async function goToRow(id, name) {
  let row = document.querySelector(`tr[data-order="${CSS.escape(id)}"]`);
  if (!row && filter !== 'all') {
    filter = 'all';
    const all = document.querySelector('#filters input[value=all]');
    if (all) all.checked = true;
    await load();
    row = document.querySelector(`tr[data-order="${CSS.escape(id)}"]`);
  }
  for (const old of document.querySelectorAll('tr.highlight')) old.classList.remove('highlight');
  if (!row) { say($('action-status'), 'info', t('org.notInList', { id: name || id })); $('action-status').scrollIntoView({ block: 'nearest' }); return; }
  row.classList.add('highlight');
  row.setAttribute('tabindex', '-1');
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

/** A digest: the escalated orders that fit, by reference, and how many more. */
function digestBody(n) {
  const orders = n.digestOrders ?? (n.digest?.orderIds ?? []).map((orderId) => ({ orderId }));
  const more = n.digest?.more ?? 0;
  return h('div', { class: 'notice-body' },
    h('p', null, t('notice.digest', { n: orders.length + more })),
    h('ul', { class: 'links digest-ids' }, orders.map((o) => h('li', null, rowLink(o.orderId, o.reference || t('notice.anOrder')))),
      more ? h('li', { class: 'muted' }, t('notice.more', { n: more })) : null));
}

function noticeItem(n) {
  const label = n.reference || t('notice.anOrder'); // people read references; the id stays in the link only
  const body = n.notice === 'EscalationDigest'
    ? digestBody(n)
    : n.notice === 'Escalated'
      ? h('p', { class: 'notice-body' }, rowLink(n.orderId, t('notice.escalatedText', { id: label }), label))
      : h('p', { class: 'notice-body' }, n.orderId && !/^(quota|digest)-/.test(n.orderId) ? rowLink(n.orderId, label) : null, n.text ? ` ${n.text}` : null);
  return h('li', { class: `notice notice-${String(n.notice).toLowerCase()}`, 'data-notice': n.notice },
    h('time', { class: 'muted', datetime: n.at }, fmtTime(n.at)),
    h('p', { class: 'notice-title' }, h('strong', null, tv('notice', n.notice))),
    body);
}

function renderNotices() {
  const box = clear($('notices'));
  const list = [...notices].sort((a, b) => String(b.at).localeCompare(String(a.at)) || new Date(b.at) - new Date(a.at));
  if (!list.length) { add(box, h('p', { class: 'muted' }, t('org.noNotices'))); return; }
  add(box, h('ul', { class: 'notices org-notice-list' }, list.slice(0, SHOWN_NOTICES).map(noticeItem)));
  if (list.length > SHOWN_NOTICES) {
    add(box, h('details', { class: 'older' }, h('summary', null, t('org.olderNotices', { n: list.length - SHOWN_NOTICES })),
      h('ul', { class: 'notices org-notice-list' }, list.slice(SHOWN_NOTICES).map(noticeItem))));
  }
}

function renderDeadLetters() {
  const section = $('dead-letters');
  const box = clear($('dead-letter-list'));
  section.hidden = !deadLetters.length;
  if (!deadLetters.length) return;
  add(box, h('div', { class: 'table-wrap' }, h('table', { class: 'dead-letter-table' },
    h('thead', null, h('tr', null, ['org.dl.order', 'org.dl.member', 'org.dl.reason', 'org.dl.count', 'org.dl.at', 'org.dl.actions']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, deadLetters.map((x) => h('tr', { 'data-dead-letter': x.orderId || '', 'data-id': x.id },
      h('td', null, x.orderId ? rowLink(x.orderId) : '—'),
      h('td', null, x.memberId ? memberName(x.memberId) : '—'),
      h('td', { class: 'reason' }, x.reason || '—'),
      h('td', { class: 'num' }, String(x.deliveryCount ?? '')),
      h('td', null, x.at ? fmtTime(x.at) : '—'),
      h('td', null, x.orderId ? resubmitButton(x) : '—')))))));
}

/** Sends the offer again; the list then drops it (the member is not disturbed if the order has moved on). */
function resubmitButton(x) {
  const button = h('button', { type: 'button', class: 'resubmit' }, t('org.dl.resubmit'));
  button.addEventListener('click', async () => {
    clear($('action-status'));
    try {
      await busy(button, () => post(`/api/organizer/dead-letters/${encodeURIComponent(x.id)}/resubmit`, {}, token));
      say($('action-status'), 'ok', t('org.dl.resubmitted', { id: x.orderId }));
    } catch (e) {
      say($('action-status'), 'error', errorText(e));
    }
    await load();
  });
  return button;
}

// ---------- volunteer posts ----------

function categoryOptions() {
  const sel = $('post-category');
  const value = sel.value || 'Other';
  clear(sel);
  for (const c of CATEGORIES) sel.append(h('option', { value: c, selected: c === value }, t(`category.${c}`)));
}

/** Who holds a place on each post: the post list names the claimants for organizers. */
function findClaimants(list) {
  return new Map(list.map((p) => [p.postId, { ids: (p.claimedBy || []).map(String), exact: true }]));
}

function setFieldError(field, msg) {
  const input = $(`post-${field}`);
  const err = $(`post-${field}-error`);
  if (!input || !err) return;
  err.textContent = msg || '';
  if (msg) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

async function createPost(e) {
  e.preventDefault();
  const form = $('post-form');
  const value = (f) => $(`post-${f}`).value.trim();
  for (const f of POST_FIELDS) setFieldError(f, '');
  clear($('post-form-status'));
  const body = {
    titleZh: value('titleZh') || null,
    description: value('description') || null,
    capacity: value('capacity') === '' ? null : Number(value('capacity')),
    startsOn: value('startsOn') || null,
    endsOn: value('endsOn') || null,
    category: value('category') || null,
  };
  if (body.capacity != null && !Number.isInteger(body.capacity)) body.capacity = null;
  try {
    const created = await busy($('post-create'), () => post('/api/posts', body, token));
    form.reset();
    categoryOptions();
    say($('post-form-status'), 'ok', t('org.post.created', { title: created?.titleZh || body.titleZh }));
    await load();
  } catch (err) {
    const fields = Object.keys(err.errors || {});
    for (const f of fields) setFieldError(f, (err.errors[f] || []).map(fieldMessage).join(' '));
    say($('post-form-status'), 'error', fields.length ? t('form.fixErrors') : errorText(err));
    const first = POST_FIELDS.find((f) => fields.includes(f));
    if (first) $(`post-${first}`).focus();
  }
}

function hoursOptions(selected) {
  const out = [];
  for (let v = 0.5; v <= 12; v += 0.5) out.push(h('option', { value: String(v), selected: v === selected }, t('common.hours', { h: fmtHours(v) })));
  return out;
}

function shiftForm(p, who) {
  const id = p.postId;
  const state = shift.get(id) || { memberId: '', date: '', hours: 2 };
  shift.set(id, state);
  if (!who.ids.includes(state.memberId)) state.memberId = who.ids.length === 1 ? who.ids[0] : '';
  const sel = h('select', { id: `shift-member-${id}`, class: 'shift-member' },
    who.ids.length === 1 ? null : h('option', { value: '' }, t('org.chooseMember')),
    who.ids.map((m) => h('option', { value: m, selected: m === state.memberId }, memberName(m))));
  const date = h('input', { type: 'date', id: `shift-date-${id}`, class: 'shift-date', min: p.startsOn, max: p.endsOn, value: state.date });
  const hours = h('select', { id: `shift-hours-${id}`, class: 'shift-hours' }, hoursOptions(state.hours));
  sel.addEventListener('change', () => { state.memberId = sel.value; });
  date.addEventListener('input', () => { state.date = date.value; });
  hours.addEventListener('change', () => { state.hours = Number(hours.value); });
  const send = h('button', { type: 'button', class: 'primary record-shift' }, t('org.shift.send'));
  send.addEventListener('click', () => recordShift(send, p, state));
  return h('fieldset', { class: 'shift-form' },
    h('legend', null, t('org.shift.title')),
    who.exact ? null : h('p', { class: 'hint' }, t('org.shift.maybe')),
    h('div', { class: 'row3' },
      h('div', { class: 'field' }, h('label', { for: sel.id }, t('org.shift.member')), sel),
      h('div', { class: 'field' }, h('label', { for: date.id }, t('org.shift.date')), date),
      h('div', { class: 'field' }, h('label', { for: hours.id }, t('org.shift.hours')), hours)),
    h('div', { class: 'actions' }, send));
}

function postCard(p) {
  const who = claimants.get(p.postId) || { ids: [], exact: false };
  const m = postMsg.get(p.postId);
  const bar = h('span');
  bar.style.width = `${Math.min(100, Math.round((p.taken / Math.max(1, p.capacity)) * 100))}%`;
  return h('article', { class: 'card post', 'data-post': p.postId },
    h('div', { class: 'card-head' }, h('h3', null, p.titleZh),
      p.category && p.category !== 'Other' ? h('span', { class: 'badge' }, t(`category.${p.category}`)) : null,
      p.taken >= p.capacity ? h('span', { class: 'badge post-state state-full' }, t('posts.full')) : null),
    p.description ? h('p', { class: 'desc' }, p.description) : null,
    h('dl', { class: 'facts' },
      h('dt', null, t('posts.period')), h('dd', null, t('posts.range', { from: fmtDate(p.startsOn), to: fmtDate(p.endsOn) })),
      h('dt', null, t('posts.places')), h('dd', { class: 'places' }, t('posts.taken', { taken: p.taken, capacity: p.capacity })),
      h('dt', null, t('org.post.claimants')), h('dd', { class: 'claimants' },
        !p.taken ? t('org.post.noClaimants')
          : who.exact ? who.ids.map(memberName).join(lang() === 'zh' ? '、' : ', ')
            : t('org.post.claimantsUnknown', { n: p.taken }))),
    h('div', { class: 'meter', 'aria-hidden': 'true' }, bar),
    m ? h('p', { class: `msg msg-${m.kind}`, role: m.kind === 'error' ? 'alert' : 'status' }, m.key ? t(m.key, m.vars) : m.text || errorText(m.error)) : null,
    who.ids.length ? shiftForm(p, who) : h('p', { class: 'muted' }, t('org.shift.needClaim')));
}

function renderPosts() {
  const box = clear($('posts'));
  if (postsError) add(box, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(postsError)));
  if (!posts) return;
  if (!posts.length) { add(box, h('p', { class: 'muted' }, t('org.post.none'))); return; }
  const list = [...posts].sort((a, b) => String(b.startsOn).localeCompare(String(a.startsOn)) || String(a.titleZh).localeCompare(String(b.titleZh)));
  add(box, ...list.map(postCard));
}

async function recordShift(button, p, state) {
  postMsg.delete(p.postId);
  if (!state.memberId) { postMsg.set(p.postId, { kind: 'error', key: 'org.chooseMember' }); renderPosts(); $(`shift-member-${p.postId}`)?.focus(); return; }
  if (!state.date) { postMsg.set(p.postId, { kind: 'error', key: 'err.required' }); renderPosts(); $(`shift-date-${p.postId}`)?.focus(); return; }
  const name = memberName(state.memberId);
  try {
    const res = await busy(button, () => post(`/api/posts/${encodeURIComponent(p.postId)}/shifts`,
      { memberId: state.memberId, date: state.date, hours: state.hours }, token));
    postMsg.set(p.postId, res?.credited === false
      ? { kind: 'info', key: 'org.shift.already', vars: { name } }
      : { kind: 'ok', key: 'org.shift.recorded', vars: { name, h: fmtHours(res?.hours ?? state.hours) } });
  } catch (e) {
    const msgs = Object.values(e.errors || {}).flat().map(fieldMessage);
    postMsg.set(p.postId, msgs.length ? { kind: 'error', text: msgs.join(' ') } : { kind: 'error', error: e });
  }
  renderPosts();
  document.querySelector(`[data-post="${CSS.escape(p.postId)}"]`)?.scrollIntoView({ block: 'nearest' });
}
