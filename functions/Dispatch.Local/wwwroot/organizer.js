// The organizer's desk: open orders with a filter, dispatch by hand, confirm for a resident.
import { initI18n, onLangChange, t, tv } from './i18n.js';
import { api, post, orderPath, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, fmtHours, errorText, say, statusBadge, busy, requireToken, loadPlaces, where } from './ui.js';

const REFRESH_MS = 30000;
const DISPATCHABLE = new Set(['Placed', 'Open', 'Offered', 'Escalated']);
const $ = (id) => document.getElementById(id);

const token = tokenFromUrl();
let places = null;
let orders = null;
let members = [];
let filter = 'all';
const chosen = new Map(); // orderId → memberId picked in the row's select
const rowMsg = new Map(); // orderId → {kind, key?, error?}

initI18n();
onLangChange(render);

if (requireToken(token, $('main'))) {
  $('filters').addEventListener('change', (e) => {
    if (e.target.name === 'filter') { filter = e.target.value; rowMsg.clear(); load(); }
  });
  $('refresh').addEventListener('click', (e) => busy(e.currentTarget, load));
  loadPlaces().then((p) => { places = p; render(); });
  load();
  setInterval(() => {
    const a = document.activeElement;
    if (!document.hidden && !(a && a.tagName === 'SELECT')) load();
  }, REFRESH_MS);
} else {
  $('filters').hidden = true;
}

async function load() {
  const query = filter === 'escalated' ? '?status=Escalated' : '';
  const [o, m] = await Promise.allSettled([
    api(`/api/organizer/orders${query}`, { token }),
    api('/api/organizer/members', { token }),
  ]);
  if (o.status === 'rejected') {
    say($('page-status'), 'error', errorText(o.reason));
  } else {
    clear($('page-status'));
    orders = o.value || [];
  }
  if (m.status === 'fulfilled') members = m.value || [];
  render();
}

function awaiting(x) {
  return x.awaitingOrganizerConfirmation || x.status === 'Done';
}

function memberName(id) {
  if (!id) return '';
  const m = members.find((x) => x.memberId === id);
  return m ? m.name : t('org.unknownMember', { id });
}

function memberLabel(m) {
  return t('org.memberOption', {
    name: m.name,
    place: where(places, m.gridId, m.buildingId),
    skills: (m.skills || []).map((s) => tv('category', s)).join('、') || '—',
    hours: fmtHours(m.hoursThisYear),
    open: m.openAssignments,
  }) + (m.active ? '' : t('org.inactive'));
}

/** Members for an order: those with the category first, then the same grid, then fewer open assignments. */
function ranked(order) {
  const score = (m) => (m.skills?.includes(order.category) ? 0 : 2) + (m.gridId === order.gridId ? 0 : 1);
  return [...members].sort((a, b) => (a.active === b.active ? 0 : a.active ? -1 : 1)
    || score(a) - score(b) || a.openAssignments - b.openAssignments || a.hoursThisYear - b.hoursThisYear);
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
  if (DISPATCHABLE.has(x.status)) {
    const selId = `dispatch-${id}`;
    const sel = h('select', { id: selId, class: 'dispatch-member' },
      h('option', { value: '' }, t('org.chooseMember')),
      ranked(x).map((mm) => h('option', { value: mm.memberId, disabled: !mm.active, selected: chosen.get(id) === mm.memberId }, memberLabel(mm))));
    const go = h('button', { type: 'button', class: 'primary dispatch' }, t('org.dispatch'));
    sel.addEventListener('change', () => chosen.set(id, sel.value));
    go.addEventListener('click', () => {
      if (!sel.value) { rowMsg.set(id, { kind: 'error', key: 'org.chooseMember' }); render(); $(selId)?.focus(); return; }
      act(go, id, 'dispatch', { memberId: sel.value }, 'org.dispatched');
    });
    out.push(h('label', { for: selId }, t('org.dispatchTo')), sel, h('div', { class: 'actions' }, go));
  }
  if (awaiting(x)) {
    const ok = h('button', { type: 'button', class: 'primary confirm' }, t('org.confirm'));
    ok.addEventListener('click', () => act(ok, id, 'confirm', {}, 'org.confirmed'));
    out.push(h('div', { class: 'actions' }, ok));
  }
  return out;
}

function row(x) {
  return h('tr', { 'data-order': x.orderId },
    h('td', { 'data-label': t('org.col.order') },
      h('strong', null, `${t(`category.${x.category}`)}`), ' ',
      x.kind === 'Wish' ? h('span', { class: 'badge kind-wish' }, t('kind.Wish')) : null, ' ',
      x.urgent ? h('span', { class: 'badge urgent' }, t('common.urgent')) : null,
      h('div', { class: 'muted' }, `${x.orderId} · ${fmtTime(x.placedAt)}`)),
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
    chosen.delete(orderId);
    say($('action-status'), 'ok', `${t(okKey)} (${orderId})`);
  } catch (e) {
    rowMsg.set(orderId, { kind: 'error', error: e });
  }
  await load();
}

