// The organizer's registry sections, beside the desk (organizer.js): registrations waiting for a decision
// (approve, or reject with a reason the applicant reads), the member roster (edit, deactivate, reactivate; export as
// CSV or XLSX) and the import of a CSV or XLSX member list (preview, then import). The member form is
// organizer-member-form.js.
import { onLangChange, t } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { half } from './member-form.js';
import { h, add, clear, fmtTime, errorText, say, busy, loadPlaces, where, facts } from './ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  $('import-file').addEventListener('change', () => { canImport = false; previewed = null; $('import-commit').disabled = true; clear($('import-status')); clear($('import-errors')); });
  // busy() enables its button again when done; whether "import" may be pressed is decided after that.
  $('import-preview').addEventListener('click', async (e) => { await busy(e.currentTarget, () => importFile('preview')); $('import-commit').disabled = !canImport; });
  $('import-commit').addEventListener('click', async (e) => { await busy(e.currentTarget, () => importFile('commit')); $('import-commit').disabled = !canImport; });
  $('export-csv').addEventListener('click', (e) => busy(e.currentTarget, () => download('csv')));
  $('export-xlsx').addEventListener('click', (e) => busy(e.currentTarget, () => download('xlsx')));
  document.addEventListener('roster-changed', load);
}

/** The roster file, fetched with the organizer's link (a plain link would put it in the address) and saved. */
async function download(format) {
  try {
    const res = await fetch(`/api/organizer/members/export.${format}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(String(res.status));
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: `members.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    clear($('export-status'));
  } catch (err) {
    say($('export-status'), 'error', errorText(err));
  }
}

/** The chosen file as a request body: an XLSX workbook as it is; a CSV as text, UTF-8 or GBK as Excel saves
 * Chinese CSV, sent on as UTF-8. */
async function fileBody() {
  const file = $('import-file').files?.[0];
  if (!file) return null;
  const bytes = await file.arrayBuffer();
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) return { type: XLSX, body: bytes };
  try {
    return { type: 'text/csv; charset=utf-8', body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { type: 'text/csv; charset=utf-8', body: new TextDecoder('gbk').decode(bytes) };
  }
}

/** A running state while the server works: the seconds so far and, when importing in steps, how many of the valid
 * rows are done (a 10,000-row import takes about a minute). Only what the server has answered is counted. */
function running() {
  const started = Date.now();
  const bar = $('import-progress');
  bar.removeAttribute('value');
  bar.hidden = false;
  let step = null;
  const show = () => {
    const s = Math.round((Date.now() - started) / 1000);
    say($('import-status'), 'info', step ? t('org.importStep', { ...step, s }) : t('org.importRunning', { s }));
  };
  show();
  const timer = setInterval(show, 1000);
  return {
    progress(done, total, added) {
      step = { done, total, added };
      bar.max = total;
      bar.value = done;
      show();
    },
    end() { clearInterval(timer); bar.hidden = true; },
  };
}

/** Rows per import step: small enough to show progress, large enough to keep the file's re-reads few. */
const STEP = 1000;
let previewed = null; // the preview's report, whose valid-row count the import steps through

async function send(url, file) {
  const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type }, body: file.body });
  const report = await res.json();
  if (!res.ok) throw Object.assign(new Error(String(res.status)), { report });
  return report;
}

/** Preview, or import in steps of STEP valid rows (the server reads the whole file each time, so every step sees the
 * same rows; importing is keyed by phone, so a step repeated after a failure adds nobody twice). */
async function importFile(step) {
  const file = await fileBody();
  canImport = false;
  if (file == null) { say($('import-status'), 'error', t('org.importChoose')); return; }
  const run = running();
  try {
    let report;
    if (step === 'preview') {
      report = previewed = await send('/api/organizer/members/import/preview', file);
    } else {
      const total = previewed?.rows ?? 0;
      report = { rows: 0, new: 0, existing: 0, added: 0, errors: [] };
      for (let skip = 0; skip === 0 || skip < total; skip += STEP) {
        const part = await send(`/api/organizer/members/import?skip=${skip}&take=${STEP}`, file);
        report = { rows: report.rows + part.rows, new: report.new + part.new, existing: report.existing + part.existing, added: report.added + part.added, errors: part.errors };
        run.progress(Math.min(skip + STEP, total), total, report.added);
      }
    }
    run.end();
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
    run.end();
    const problem = err.report?.errors?.file?.[0] || err.report?.title;
    say($('import-status'), 'error', problem ? half(problem) : errorText(err));
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
      // Reload first: a successful load clears the status region, which would swallow the confirmation.
      await load();
      say($('registrations-status'), 'ok', action === 'approve' ? t('org.approved', { name: r.name }) : t('org.rejected'));
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
      h('button', { type: 'button', class: 'plain edit', onclick: () => document.dispatchEvent(new CustomEvent('member-edit', { detail: m })) }, t('org.edit')),
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
