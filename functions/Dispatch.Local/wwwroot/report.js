// The organizer's annual report: hours per grid, quota completion per grid, the monthly trend (inline SVG,
// each with a data table), members behind the quota, the frozen assessment of past years, and CSV/XLSX exports.
import { initI18n, onLangChange, t, lang, locale } from './i18n.js';
import { api, post, tokenFromUrl, param, withToken } from './api.js';
import { h, add, clear, fmtHours, fmtTime, errorText, say, busy, requireToken, loadPlaces, placeName } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let places = null;
let report = null;
let months = null;
let names = new Map(); // memberId → {name, active}
let year = Number(param('year')) || null;
let currentYear = null; // the server's year (its clock, not the browser's)
const assessments = new Map(); // year → {view} | {missing: true} | {error}
let freezeError = null;
// A district administrator names the community (?community=…); an organizer's link says it, so it is left out.
const community = param('community');
const scoped = (path, q = '') => (community ? `${path}${q ? `${q}&` : '?'}community=${encodeURIComponent(community)}` : `${path}${q}`);
let sortDesc = false; // behind-quota table: fewest hours first (who needs a nudge most)

initI18n();
onLangChange(render);

if (requireToken(token, $('main'), { session: true })) {
  $('back').href = withToken(community ? 'admin.html' : 'organizer.html', token);
  $('export-lang').value = lang();
  $('year').addEventListener('change', () => { year = Number($('year').value); load(); });
  $('level').addEventListener('change', exportLinks);
  $('export-lang').addEventListener('change', exportLinks);
  loadPlaces().then((p) => { places = p; render(); });
  api('/api/organizer/members', { token }).then((list) => {
    names = new Map((list || []).map((m) => [m.memberId, { name: m.name, active: m.active }]));
    render();
  }).catch(() => {});
  if (year) api(scoped('/api/tallies'), { token }).then((r) => { currentYear = r.year; years(); loadAssessment(); }).catch(() => {});
  load();
}

async function load() {
  const q = year ? `?year=${year}` : '';
  try {
    const [r, m] = await Promise.all([api(scoped('/api/tallies', q), { token }), api(scoped('/api/tallies/months', q), { token })]);
    report = r;
    months = m;
    year = r.year;
    if (!q) currentYear = r.year;
    clear($('page-status'));
  } catch (e) {
    say($('page-status'), 'error', errorText(e));
  }
  years();
  render();
  loadAssessment();
}

/** This year (from the server's clock) and the four before it. */
function years() {
  const sel = $('year');
  const top = Math.max(currentYear || 0, report?.year || 0, year || 0);
  if (!top) return;
  if (!sel.options.length || Number(sel.options[0].value) < top) {
    clear(sel);
    for (let y = top; y >= Math.max(2000, top - 4); y--) sel.append(h('option', { value: String(y) }, String(y)));
  }
  if (year) sel.value = String(year);
}

const grids = () => report?.rollUps?.grids || [];
const gridName = (id) => placeName(places, 'g', id);
const num = (v) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(Number(v) || 0);
const pct = (share) => Math.round((Number(share) || 0) * 1000) / 10;

function render() {
  if (!report) return;
  const all = report.rollUps.community;
  $('summary').textContent = t('report.summary', { members: all.members, hours: fmtHours(all.hours), services: all.services, met: all.quotaMet });
  drawHours();
  drawQuota();
  drawTrend();
  renderBehind();
  renderAssessment();
  exportLinks();
}

// ---------- charts ----------

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A table alternative under a chart, folded. */
function dataTable(headers, rows) {
  return h('details', { class: 'chart-table' }, h('summary', null, t('report.showTable')),
    h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c)))))))));
}

/** Horizontal bars: one per item, the label at the left, the value at the bar's end. */
function bars(items, { max, label, cls, width }) {
  const rowH = 40;
  const left = Math.min(130, Math.round(width * 0.28));
  const plot = width - left - Math.min(110, Math.round(width * 0.3));
  const height = Math.max(1, items.length) * rowH + 8;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img', preserveAspectRatio: 'xMinYMin meet' });
  items.forEach((it, i) => {
    const y = 4 + i * rowH;
    const w = max > 0 ? Math.max(0, (it.value / max) * plot) : 0;
    chart.append(
      svg('text', { x: left - 10, y: y + rowH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-label' }, it.name),
      svg('rect', { x: left, y: y + 6, width: plot, height: rowH - 12, rx: 4, class: 'bar-track' }),
      svg('rect', { x: left, y: y + 6, width: w.toFixed(1), height: rowH - 12, rx: 4, class: `bar ${cls}`, 'data-grid': it.id }),
      svg('text', { x: left + w + 8, y: y + rowH / 2, 'dominant-baseline': 'middle', class: 'bar-value' }, label(it)));
  });
  return chart;
}

function drawHours() {
  const box = clear($('chart-hours'));
  const items = grids().map((g) => ({ id: g.id, name: gridName(g.id), value: Number(g.hours) || 0 }));
  if (!items.length) { add(box, h('p', { class: 'muted' }, t('report.noData'))); return; }
  const max = Math.max(...items.map((x) => x.value), 1);
  const chart = bars(items, { max, label: (x) => num(x.value), cls: 'bar-hours', width: widthOf(box) });
  chart.setAttribute('aria-label', t('report.chart.hours', { list: items.map((x) => t('report.item.hours', { name: x.name, v: num(x.value) })).join(lang() === 'zh' ? '；' : '; ') }));
  add(box, chart, dataTable([t('report.col.grid'), t('report.col.members'), t('report.col.hours'), t('report.col.services')],
    grids().map((g) => [gridName(g.id), String(g.members), num(g.hours), String(g.services)])));
}

function drawQuota() {
  const box = clear($('chart-quota'));
  const items = grids().map((g) => ({ id: g.id, name: gridName(g.id), value: pct(g.quotaMetShare), met: g.quotaMet, n: g.members }));
  if (!items.length) { add(box, h('p', { class: 'muted' }, t('report.noData'))); return; }
  const chart = bars(items, { max: 100, label: (x) => `${num(x.value)}% (${x.met}/${x.n})`, cls: 'bar-quota', width: widthOf(box) });
  chart.setAttribute('aria-label', t('report.chart.quota', { list: items.map((x) => t('report.item.quota', { name: x.name, pct: num(x.value), met: x.met, n: x.n })).join(lang() === 'zh' ? '；' : '; ') }));
  add(box, chart, dataTable([t('report.col.grid'), t('report.col.members'), t('report.col.met'), t('report.col.share')],
    items.map((x) => [x.name, String(x.n), String(x.met), `${num(x.value)}%`])));
}

function monthName(m) {
  return lang() === 'zh' ? t('report.month', { m }) : new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 15)));
}

function drawTrend() {
  const box = clear($('chart-trend'));
  const points = (months?.months || []).map((m) => ({ month: m.month, value: Number(m.hours) || 0, services: m.services }));
  if (!points.length) { add(box, h('p', { class: 'muted' }, t('report.noData'))); return; }
  const width = widthOf(box);
  const height = width < 500 ? 220 : 300;
  const pad = { l: 52, r: 20, t: 24, b: 38 };
  const every = (width - pad.l - pad.r) / 11 < 40 ? 2 : 1; // month labels that fit
  const max = niceMax(Math.max(...points.map((p) => p.value), 1));
  const x = (i) => pad.l + (i * (width - pad.l - pad.r)) / 11;
  const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'trend', role: 'img' });
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    chart.append(svg('line', { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), class: 'grid-line' }),
      svg('text', { x: pad.l - 8, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'axis' }, num(v)));
  }
  points.forEach((p, i) => { if (i % every === 0) chart.append(svg('text', { x: x(i), y: height - 12, 'text-anchor': 'middle', class: 'axis' }, monthName(p.month))); });
  chart.append(svg('polyline', { points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '), class: 'line' }));
  points.forEach((p, i) => {
    chart.append(svg('circle', { cx: x(i), cy: y(p.value), r: 4, class: 'dot', 'data-month': p.month }));
    if (p.value > 0) chart.append(svg('text', { x: x(i), y: y(p.value) - 10, 'text-anchor': 'middle', class: 'dot-value' }, num(p.value)));
  });
  chart.setAttribute('aria-label', t('report.chart.trend', { year: months.year, list: points.map((p) => `${monthName(p.month)} ${num(p.value)}`).join(lang() === 'zh' ? '，' : ', ') }));
  add(box, chart, dataTable([t('report.col.month'), t('report.col.hours'), t('report.col.services')],
    points.map((p) => [monthName(p.month), num(p.value), String(p.services)])));
}

/** Charts are drawn at the size they are shown, so their text stays readable on a phone. */
function widthOf(box) {
  return Math.max(280, Math.round(box.clientWidth || 640));
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (report) { drawHours(); drawQuota(); drawTrend(); } }, 150);
});

/** 1, 2, 5 × 10^n at or above v. */
function niceMax(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// ---------- members behind the quota ----------

function renderBehind() {
  const box = clear($('behind'));
  const list = (report.tallies || []).filter((x) => !x.quotaMet && x.active);
  if (!list.length) { add(box, h('p', { class: 'msg msg-ok' }, t('report.allMet'))); return; }
  list.sort((a, b) => (sortDesc ? b.halfHours - a.halfHours : a.halfHours - b.halfHours) || String(a.memberId).localeCompare(String(b.memberId)));
  const sortButton = h('button', { type: 'button', class: 'sort', 'aria-label': t('report.sortHours') },
    t('report.col.hours'), h('span', { 'aria-hidden': 'true' }, sortDesc ? ' ▼' : ' ▲'));
  sortButton.addEventListener('click', () => { sortDesc = !sortDesc; renderBehind(); $('behind').querySelector('button.sort')?.focus(); });
  const missing = (x) => [
    x.wishes < 2 ? t('report.missing.wishes', { n: 2 - x.wishes }) : null,
    x.posts < 1 ? t('report.missing.posts', { n: 1 - x.posts }) : null,
  ].filter(Boolean).join(lang() === 'zh' ? '、' : ', ');
  add(box, h('p', { class: 'muted' }, t('report.behindCount', { n: list.length })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'behind', id: 'behind-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('report.col.member')),
        h('th', { scope: 'col' }, t('report.col.grid')),
        h('th', { scope: 'col', class: 'num', 'aria-sort': sortDesc ? 'descending' : 'ascending' }, sortButton),
        h('th', { scope: 'col', class: 'num' }, t('report.col.wishes')),
        h('th', { scope: 'col', class: 'num' }, t('report.col.posts')),
        h('th', { scope: 'col' }, t('report.col.missing')))),
      h('tbody', null, list.map((x) => h('tr', { 'data-member': x.memberId },
        h('td', null, names.get(x.memberId)?.name || x.memberId),
        h('td', null, x.gridId ? gridName(x.gridId) : ''),
        h('td', { class: 'num hours' }, fmtHours(x.hours)),
        h('td', { class: 'num' }, `${x.wishes}/2`),
        h('td', { class: 'num' }, `${x.posts}/1`),
        h('td', null, missing(x))))))));
}

// ---------- exports ----------

function exportLinks() {
  const q = new URLSearchParams({ year: String(year || ''), level: $('level').value, lang: $('export-lang').value, t: token });
  if (community) q.set('community', community);
  $('export-csv').href = `/api/exports/tallies.csv?${q}`;
  $('export-xlsx').href = `/api/exports/tallies.xlsx?${q}`;
}

// ---------- the frozen assessment (考核存档) ----------

async function loadAssessment() {
  freezeError = null;
  // The assessment year is the community organizers' (an administrator or a grid organizer is refused it).
  if (community || !year || !currentYear || year >= currentYear || assessments.has(year)) { renderAssessment(); return; }
  const y = year;
  try {
    assessments.set(y, { view: await api(`/api/assessments/${y}`, { token }) });
  } catch (e) {
    assessments.set(y, e.status === 404 ? { missing: true } : { error: e });
  }
  renderAssessment();
}

function renderAssessment() {
  const box = clear($('assessment-body'));
  if (!year || !currentYear) return;
  if (year >= currentYear) { add(box, h('p', { class: 'muted', id: 'assessment-state' }, t('report.currentYear', { year }))); return; }
  const a = assessments.get(year);
  if (!a) { add(box, h('p', { class: 'muted' }, t('common.loading'))); return; }
  if (a.error) { add(box, h('p', { class: 'msg msg-error', role: 'alert' }, errorText(a.error))); return; }
  if (a.view) {
    const late = a.view.lateCorrections || [];
    add(box,
      h('p', { class: 'quota-met', id: 'assessment-state' }, t('report.frozen', { year })),
      h('p', null, t('report.frozenAt', { time: fmtTime(a.view.snapshot?.frozenAt) })),
      h('p', { id: 'late-count' }, late.length ? t('report.lateCount', { n: late.length }) : t('report.lateNone')));
    return;
  }
  const y = year;
  const freeze = h('button', { type: 'button', class: 'primary', id: 'freeze' }, t('report.freeze', { year: y }));
  freeze.addEventListener('click', async () => {
    freezeError = null;
    try {
      const view = await busy(freeze, () => post(`/api/assessments/${y}/freeze`, {}, token));
      assessments.set(y, { view });
    } catch (e) {
      freezeError = e;
    }
    renderAssessment();
    if (!freezeError) $('assessment-state')?.focus?.();
  });
  add(box, h('p', { class: 'quota-open', id: 'assessment-state' }, t('report.notFrozen', { year: y })),
    freezeError ? h('p', { class: 'msg msg-error', role: 'alert' }, errorText(freezeError)) : null,
    h('div', { class: 'actions' }, freeze));
}
