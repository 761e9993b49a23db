// The organizer desk's history: closed orders (confirmed or cancelled), newest first, by grid, category, outcome,
// China dates and reference, a page at a time with "more".
import { t, onLangChange } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, fmtHours, errorText, say, statusBadge, loadPlaces, where, placeName } from './ui.js';

const CATEGORIES = ['ElderCare', 'Repair', 'Errand', 'Tutoring', 'Legal', 'Health', 'Visit', 'Other'];
const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let places = null;
let items = [];
let page = 0;
let more = false;

function options() {
  const keep = (id) => $(id).value;
  const [grid, category, status] = [keep('history-grid'), keep('history-category'), keep('history-status')];
  const opt = (value, text, selected) => h('option', { value, selected: value === selected }, text);
  const grids = (places?.list || []).flatMap((c) => c.grids || []);
  add(clear($('history-grid')), opt('', t('desk.any'), grid), grids.map((g) => opt(g.gridId, placeName(places, 'g', g.gridId), grid)));
  add(clear($('history-category')), opt('', t('desk.any'), category), CATEGORIES.map((c) => opt(c, t(`category.${c}`), category)));
  add(clear($('history-status')), opt('', t('desk.any'), status), ['Confirmed', 'Cancelled'].map((s) => opt(s, t(`status.${s}`), status)));
}

function render() {
  const box = clear($('history-list'));
  $('history-more').hidden = !more;
  if (!items.length) { add(box, h('p', { class: 'muted' }, t('desk.historyEmpty'))); return; }
  add(box, h('ul', { class: 'history-items' }, items.map((x) => h('li', { class: 'card history-item', 'data-order': x.orderId, 'data-category': x.category },
    h('div', null, h('strong', { class: 'order-ref' }, x.reference || x.orderId), ' ', t(`category.${x.category}`), ' ', statusBadge(x.status)),
    h('div', { class: 'muted' }, `${fmtTime(x.placedAt)} · ${where(places, x.gridId, x.buildingId)}`),
    x.memberName ? h('div', null, t('desk.historyRow', { member: x.memberName, hours: x.hours != null ? t('common.hours', { h: fmtHours(x.hours) }) : '—' })) : null))));
}

async function load(next) {
  const query = new URLSearchParams();
  for (const [key, id] of [['grid', 'history-grid'], ['category', 'history-category'], ['status', 'history-status'], ['from', 'history-from'], ['to', 'history-to'], ['q', 'history-q']]) {
    const v = $(id).value.trim();
    if (v) query.set(key, v);
  }
  query.set('page', String(next ? page + 1 : 1));
  clear($('history-status-line'));
  try {
    const res = await api(`/api/organizer/orders/history?${query}`, { token });
    page = res.page;
    more = res.more;
    items = next ? items.concat(res.items) : res.items;
    render();
  } catch (e) {
    say($('history-status-line'), 'error', errorText(e));
  }
}

if (token !== undefined && $('history-form')) {
  options();
  loadPlaces().then((p) => { places = p; options(); render(); });
  onLangChange(() => { options(); render(); });
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); load(false); });
  $('history-more').addEventListener('click', () => load(true));
  load(false);
}
