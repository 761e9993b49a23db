// The organizer's registry sections, beside the desk (organizer.js): registrations waiting for a decision
// (approve, or reject with a reason the applicant reads), the member roster (deactivate, reactivate) and the
// CSV import (preview, then import).
import { onLangChange, t } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, errorText, say, busy, loadPlaces, where, facts } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let places = null;
let pending = [];
let roster = [];
let canImport = false; // a preview found new members and nothing was imported since

// organizer.js wires the language button and translates the static text; this module only re-renders.
onLangChange(render);

if (token || document.getElementById('sign-out')) { // a link, or the session (organizer.js adds "sign out" then)
  loadPlaces().then((p) => { places = p; render(); });
  load();
  $('import-file').addEventListener('change', () => { canImport = false; $('import-commit').disabled = true; clear($('import-status')); clear($('import-errors')); });
  // busy() enables its button again when done; whether "import" may be pressed is decided after that.
  $('import-preview').addEventListener('click', async (e) => { await busy(e.currentTarget, () => importFile('preview')); $('import-commit').disabled = !canImport; });
  $('import-commit').addEventListener('click', async (e) => { await busy(e.currentTarget, () => importFile('commit')); $('import-commit').disabled = !canImport; });
}

/** The chosen file as text: UTF-8, or GBK as Excel saves Chinese CSV; sent on as UTF-8. */
async function fileText() {
  const file = $('import-file').files?.[0];
  if (!file) return null;
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

async function importFile(step) {
  const text = await fileText();
  canImport = false;
  if (text == null) { say($('import-status'), 'error', t('org.importChoose')); return; }
  try {
    const res = await fetch(step === 'preview' ? '/api/organizer/members/import/preview' : '/api/organizer/members/import', {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv; charset=utf-8' }, body: text,
    });
    const report = await res.json();
    if (!res.ok) {
      const file = report?.errors?.file?.[0];
      say($('import-status'), 'error', file ? String(file).split('。 ')[0] + '。' : (report?.title || String(res.status)));
      return;
    }
    const vars = { rows: report.rows, fresh: report.new, existing: report.existing, added: report.added, errors: report.errors.length };
    say($('import-status'), 'ok', step === 'preview' ? t('org.importSummary', vars) : t('org.importDone', vars));
    const list = clear($('import-errors'));
    if (report.errors.length) {
      add(list, h('ul', { class: 'import-errors' }, report.errors.map((e) =>
        h('li', null, `${t('org.importRow', { row: e.row })}${e.column ? ` · ${e.column}` : ''}：${e.reason}`))));
    }
    canImport = step === 'preview' && report.new > 0;
    if (step === 'commit') await load();
  } catch (err) {
    say($('import-status'), 'error', errorText(err));
  }
}

async function load() {
  const [r, m] = await Promise.allSettled([
    api('/api/organizer/registrations?status=Pending', { token }),
    api('/api/organizer/members', { token }),
  ]);
  if (r.status === 'fulfilled') { pending = r.value || []; clear($('registrations-status')); } else say($('registrations-status'), 'error', errorText(r.reason));
  if (m.status === 'fulfilled') { roster = m.value || []; clear($('roster-status')); } else say($('roster-status'), 'error', errorText(m.reason));
  render();
}

function render() {
  renderPending();
  renderRoster();
}

function skills(list) { return (list || []).map((s) => t(`category.${s}`)).join('、'); }

function renderPending() {
  const box = clear($('registrations'));
  if (!pending.length) { add(box, h('p', { class: 'muted' }, t('org.registrationsNone'))); return; }
  for (const r of pending) {
    const reasonId = `reason-${r.registrationId}`;
    add(box, h('article', { class: 'card registration', 'data-registration': r.registrationId },
      h('div', { class: 'card-head' }, h('h3', null, r.name), h('span', { class: 'badge status-pending' }, t('reg.status.Pending'))),
      facts([
        [t('reg.phone'), r.phone],
        [t('common.location'), where(places, r.gridId, r.buildingId)],
        [t('reg.skills'), skills(r.skills)],
        [t('reg.when'), r.availability?.length ? r.availability.map((s) => `${s.day} ${s.fromHour}–${s.toHour}`).join(', ') : t('reg.when.any')],
        r.pledge && [t('reg.pledge'), r.pledge],
        [t('reg.submittedAt'), fmtTime(r.submittedAt)],
      ]),
      h('div', { class: 'field' },
        h('label', { for: reasonId }, t('org.rejectReason')),
        h('input', { type: 'text', id: reasonId, maxlength: '200', autocomplete: 'off' })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary approve', onclick: (e) => decide(e.currentTarget, r, 'approve') }, t('org.approve')),
        h('button', { type: 'button', class: 'reject', onclick: (e) => decide(e.currentTarget, r, 'reject') }, t('org.reject')))));
  }
}

async function decide(button, r, action) {
  const reason = $(`reason-${r.registrationId}`)?.value.trim();
  await busy(button, async () => {
    try {
      await api(`/api/organizer/registrations/${encodeURIComponent(r.registrationId)}/${action}`,
        { method: 'POST', body: action === 'reject' ? { reason } : {}, token });
      say($('registrations-status'), 'ok', action === 'approve' ? t('org.approved', { name: r.name }) : t('org.rejected'));
      await load();
    } catch (err) {
      const field = err.errors?.reason?.[0];
      say($('registrations-status'), 'error', field ? String(field).split('。 ')[0] : errorText(err));
    }
  });
}

function renderRoster() {
  const list = clear($('roster'));
  $('roster-count').textContent = t('org.rosterCount', { n: roster.length, active: roster.filter((m) => m.active).length });
  for (const m of roster) {
    add(list, h('li', { class: m.active ? 'member' : 'member inactive', 'data-member': m.memberId },
      h('span', { class: 'who' }, `${m.name} · ${where(places, m.gridId, m.buildingId)} · ${skills(m.skills)}`),
      !m.active && h('span', { class: 'badge status-cancelled' }, t('org.inactive')),
      h('button', { type: 'button', class: 'plain', onclick: (e) => setActive(e.currentTarget, m, !m.active) }, m.active ? t('org.deactivate') : t('org.reactivate'))));
  }
}

async function setActive(button, m, active) {
  await busy(button, async () => {
    try {
      await api(`/api/organizer/members/${encodeURIComponent(m.memberId)}/active`, { method: 'PUT', body: { active }, token });
      clear($('roster-status'));
      await load();
    } catch (err) {
      say($('roster-status'), 'error', errorText(err));
    }
  });
}
