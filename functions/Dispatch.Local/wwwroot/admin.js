// The district administrator's page: every community with its organizers; add or rename a community, add a
// community or grid organizer (the answer's link is shown once, to hand over privately), open a community's report.
import { initI18n, onLangChange, t, lang } from './i18n.js';
import { api, post, tokenFromUrl, withToken } from './api.js';
import { h, clear, errorText, say, busy, requireToken } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let communities = [];
const handedOver = new Map(); // communityId → the link of the organizer just added (never stored)

initI18n();
onLangChange(render);

if (requireToken(token, $('main'), { session: true })) {
  $('add-community').addEventListener('submit', addCommunity);
  load();
}

async function load() {
  try {
    communities = await api('/api/admin/communities', { token });
    clear($('page-status'));
  } catch (e) {
    say($('page-status'), 'error', errorText(e));
  }
  render();
}

const name = (x) => (lang() === 'en' && x.nameEn ? x.nameEn : x.nameZh);

function render() {
  const root = clear($('communities'));
  for (const c of communities) root.append(community(c));
}

function community(c) {
  const report = withToken(`report.html?community=${encodeURIComponent(c.communityId)}`, token);
  const grids = new Map(c.grids.map((g) => [g.gridId, g]));
  const status = h('div', { 'aria-live': 'polite' });
  const rename = h('form', { class: 'inline', onSubmit: (e) => renameCommunity(e, c, status) },
    h('label', { text: t('admin.nameZh') }, h('input', { name: 'nameZh', value: c.nameZh, maxlength: 40, required: true })),
    h('label', { text: t('admin.nameEn') }, h('input', { name: 'nameEn', value: c.nameEn, maxlength: 80 })),
    h('button', { type: 'submit', text: t('admin.rename') }));
  const organizer = h('form', { class: 'inline', onSubmit: (e) => addOrganizer(e, c, status) },
    h('label', { text: t('admin.organizerName') }, h('input', { name: 'name', maxlength: 40, required: true })),
    h('label', { text: t('admin.phone') }, h('input', { name: 'phone', type: 'tel', inputmode: 'tel', required: true })),
    h('label', { text: t('admin.grid') }, h('select', { name: 'gridId' },
      h('option', { value: '', text: t('admin.wholeCommunity') }),
      c.grids.map((g) => h('option', { value: g.gridId, text: name(g) })))),
    h('button', { type: 'submit', text: t('admin.addOrganizer') }));
  const link = handedOver.get(c.communityId);
  return h('section', { class: 'card', 'data-community': c.communityId },
    h('h2', { text: `${name(c)} (${c.communityId})` }),
    h('p', null, h('a', { href: report, text: t('admin.report') })),
    h('table', { class: 'table' },
      h('thead', null, h('tr', null, h('th', { text: t('admin.organizerName') }), h('th', { text: t('admin.phone') }), h('th', { text: t('admin.grid') }))),
      h('tbody', null, c.organizers.map((o) => h('tr', null,
        h('td', { text: o.name }), h('td', { text: o.phone || '' }),
        h('td', { text: o.gridId ? name(grids.get(o.gridId) || { nameZh: o.gridId }) : t('admin.wholeCommunity') }))))),
    rename, organizer,
    link ? h('p', { class: 'msg msg-ok' }, t('admin.linkOnce'), ' ', h('a', { href: link, text: link })) : null,
    status);
}

function fields(form) {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim() || null]));
}

async function addCommunity(e) {
  e.preventDefault();
  const button = e.submitter;
  await run(button, $('add-status'), async () => {
    await post('/api/admin/communities', fields(e.target), token);
    e.target.reset();
  });
}

async function renameCommunity(e, c, status) {
  e.preventDefault();
  await run(e.submitter, status, () => api(`/api/admin/communities/${encodeURIComponent(c.communityId)}`, { method: 'PUT', body: fields(e.target), token }));
}

async function addOrganizer(e, c, status) {
  e.preventDefault();
  await run(e.submitter, status, async () => {
    const added = await post(`/api/admin/communities/${encodeURIComponent(c.communityId)}/organizers`, fields(e.target), token);
    handedOver.set(c.communityId, added.url);
  });
}

async function run(button, status, action) {
  try {
    await busy(button, action);
    say(status, 'ok', t('admin.saved'));
    await load();
  } catch (err) {
    // Field errors come Chinese first, then English, from the server.
    const details = Object.values(err.errors || {}).flat().join(' ');
    say(status, 'error', details ? `${errorText(err)} ${details}` : errorText(err));
  }
}
