// A community organizer keeps the community's tree: add and rename grids and buildings. The forms of residents and
// applicants read the same tree (/api/communities), so changes show there at once. Grid organizers are refused (403).
import { initI18n, onLangChange, t, lang } from './i18n.js';
import { api, post, tokenFromUrl, withToken } from './api.js';
import { h, clear, errorText, say, busy, requireToken } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let tree = null;

initI18n();
onLangChange(render);

if (requireToken(token, $('main'), { session: true })) {
  $('back').href = withToken('organizer.html', token);
  $('add-grid').addEventListener('submit', (e) => save(e, $('add-status'), (body) => post('/api/organizer/tree/grids', body, token)));
  $('household-member').addEventListener('change', showHouseholds);
  $('households').addEventListener('submit', saveHouseholds);
  load();
  loadMembers();
}

let members = [];

/** 党员中心户: pick a member, edit the households they look after (replaced as a whole). */
async function loadMembers() {
  try {
    members = (await api('/api/organizer/members', { token })).filter((m) => m.active);
    const select = clear($('household-member'));
    for (const m of members) select.append(h('option', { value: m.memberId, text: `${m.name}（${m.gridId}/${m.buildingId}）` }));
    showHouseholds();
  } catch (e) {
    say($('households-status'), 'error', errorText(e));
  }
}

function showHouseholds() {
  const m = members.find((x) => x.memberId === $('household-member').value);
  $('household-ids').value = (m?.households || []).join(', ');
}

async function saveHouseholds(e) {
  e.preventDefault();
  const memberId = $('household-member').value;
  const households = $('household-ids').value.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
  try {
    const saved = await busy(e.submitter, () => api(`/api/organizer/members/${encodeURIComponent(memberId)}/households`, { method: 'PUT', body: { households }, token }));
    const m = members.find((x) => x.memberId === memberId);
    if (m) m.households = saved.households;
    showHouseholds();
    say($('households-status'), 'ok', t('admin.saved'));
  } catch (err) {
    const details = Object.values(err.errors || {}).flat().join(' ');
    say($('households-status'), 'error', details ? `${errorText(err)} ${details}` : errorText(err));
  }
}

/** The tree is public (the order form's directory); the organizer's community is the one their report names. */
async function load() {
  try {
    const [communities, mine] = await Promise.all([api('/api/communities'), api('/api/tallies', { token })]);
    tree = communities.find((c) => c.communityId === mine.communityId) || null;
    clear($('page-status'));
  } catch (e) {
    say($('page-status'), 'error', errorText(e));
  }
  render();
}

const name = (x) => (lang() === 'en' && x.nameEn ? x.nameEn : x.nameZh);
const grid = (id) => `/api/organizer/tree/grids/${encodeURIComponent(id)}`;

function render() {
  const root = clear($('grids'));
  if (!tree) return;
  for (const g of tree.grids) {
    const status = h('div', { 'aria-live': 'polite' });
    root.append(h('section', { class: 'card', 'data-grid': g.gridId },
      h('h2', { text: `${name(g)} (${g.gridId})` }),
      names(g, (body) => api(grid(g.gridId), { method: 'PUT', body, token }), t('admin.rename'), status),
      h('ul', null, g.buildings.map((b) => h('li', null, `${name(b)} (${b.buildingId}) `,
        names(b, (body) => api(`${grid(g.gridId)}/buildings/${encodeURIComponent(b.buildingId)}`, { method: 'PUT', body, token }), t('admin.rename'), status)))),
      h('h3', { text: t('tree.addBuilding') }),
      names(null, (body) => post(`${grid(g.gridId)}/buildings`, body, token), t('admin.addButton'), status),
      status));
  }
}

/** A small form of the two names (and an id for a new place). */
function names(place, send, label, status) {
  return h('form', { class: 'inline', onSubmit: (e) => save(e, status, send) },
    h('label', { text: t('admin.nameZh') }, h('input', { name: 'nameZh', value: place?.nameZh || '', maxlength: 40, required: true })),
    h('label', { text: t('admin.nameEn') }, h('input', { name: 'nameEn', value: place?.nameEn || '', maxlength: 80 })),
    place ? null : h('label', { text: t('admin.id') }, h('input', { name: 'id', maxlength: 100 })),
    h('button', { type: 'submit', text: label }));
}

async function save(e, status, send) {
  e.preventDefault();
  const body = Object.fromEntries([...new FormData(e.target)].map(([k, v]) => [k, String(v).trim() || null]));
  try {
    const answer = await busy(e.submitter, () => send(body));
    if (answer?.grids) tree = answer;
    say(status, 'ok', t('admin.saved'));
    render();
  } catch (err) {
    // Field errors come Chinese first, then English, from the server.
    const details = Object.values(err.errors || {}).flat().join(' ');
    say(status, 'error', details ? `${errorText(err)} ${details}` : errorText(err));
  }
}
