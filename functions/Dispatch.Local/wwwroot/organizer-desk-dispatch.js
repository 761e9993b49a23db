// The organizer desk, dispatch by hand: search the members by name or service, grid and who is free at the wanted
// time; the matching ranks them and says why (its pick first, those who declined marked); then dispatch to one.
import { t, tv, lang } from './i18n.js';
import { api } from './api.js';
import { h, add, clear, fmtHours, errorText, where, placeName } from './ui.js';

const searches = new Map(); // orderId → {q, grid, available, results, error}; kept across the list's refreshes

function gridsOf(places, gridId) {
  const community = (places?.list || []).find((c) => (c.grids || []).some((g) => g.gridId === gridId));
  return community ? community.grids : [];
}

/** The search and its results for one order; run(button, {memberId}) dispatches. */
export function dispatchSearch(x, token, places, run) {
  const id = x.orderId;
  const s = searches.get(id) || { q: '', grid: '', available: false, results: null, error: null };
  searches.set(id, s);
  const qId = `cand-q-${id}`;
  const gridId = `cand-grid-${id}`;
  const availId = `cand-avail-${id}`;
  const q = h('input', { type: 'search', id: qId, class: 'cand-q', value: s.q, maxlength: '40', placeholder: t('desk.searchHint') });
  const grid = h('select', { id: gridId, class: 'cand-grid' }, h('option', { value: '' }, t('desk.anyGrid')),
    gridsOf(places, x.gridId).map((g) => h('option', { value: g.gridId, selected: g.gridId === s.grid }, placeName(places, 'g', g.gridId))));
  const avail = h('input', { type: 'checkbox', id: availId, class: 'cand-available', checked: s.available });
  const results = h('div', { class: 'cand-results', 'aria-live': 'polite' });
  const go = h('button', { type: 'button', class: 'cand-search' }, t('desk.search'));
  const search = async () => {
    s.q = q.value.trim(); s.grid = grid.value; s.available = avail.checked;
    const query = new URLSearchParams();
    if (s.q) query.set('q', s.q);
    if (s.grid) query.set('grid', s.grid);
    if (s.available) query.set('available', 'true');
    try {
      s.results = await api(`/api/organizer/orders/${encodeURIComponent(id)}/candidates${query.size ? `?${query}` : ''}`, { token });
      s.error = null;
    } catch (e) {
      s.error = e;
    }
    fill(results, s, run, places);
  };
  go.addEventListener('click', search);
  q.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } });
  fill(results, s, run, places);
  const box = h('details', { class: 'cand', open: s.results !== null },
    h('summary', null, t('org.dispatchTo')),
    h('div', { class: 'cand-form' },
      h('label', { for: qId }, t('desk.searchLabel')), q,
      h('label', { for: gridId }, t('desk.grid')), grid,
      h('label', { class: 'choice', for: availId }, avail, ' ', t('desk.availableOnly')),
      go),
    results);
  box.addEventListener('toggle', () => { if (box.open && s.results === null) search(); });
  return box;
}

function fill(box, s, run, places) {
  clear(box);
  if (s.error) { add(box, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(s.error))); return; }
  if (!s.results) return;
  if (!s.results.length) { add(box, h('p', { class: 'muted' }, t('desk.noCandidates'))); return; }
  add(box, h('ul', { class: 'cand-list' }, s.results.map((c) => {
    const pick = h('button', { type: 'button', class: 'primary dispatch' }, t('desk.dispatchTo', { name: c.name }));
    pick.addEventListener('click', () => run(pick, { memberId: c.memberId }));
    return h('li', { class: 'cand-item', 'data-member': c.memberId },
      h('div', null, h('strong', { class: 'cand-name' }, c.name), ' ',
        h('span', { class: 'muted' }, where(places, c.gridId, c.buildingId)), ' ',
        c.reason ? h('span', { class: 'badge' }, t('desk.ranked', { n: c.reason.rank })) : null,
        c.availableAtWantedTime ? h('span', { class: 'badge' }, t('desk.free')) : h('span', { class: 'badge muted' }, t('desk.notFree')),
        c.declined ? h('span', { class: 'badge urgent' }, t('desk.declined')) : null),
      h('div', { class: 'muted' }, t('desk.load', {
        skills: (c.skills || []).map((k) => tv('category', k)).join('、') || '—', h: fmtHours(c.hoursThisYear), open: c.openAssignments,
      })),
      h('div', { class: 'cand-reason' }, lang() === 'zh' ? c.reasonZh : c.reasonEn),
      h('div', { class: 'actions' }, pick));
  })));
}
