// The organizer's registry sections, beside the desk (organizer.js): registrations waiting for a decision
// (approve, or reject with a reason the applicant reads) and the member roster (deactivate, reactivate).
import { onLangChange, t } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, errorText, say, busy, loadPlaces, where, facts } from './ui.js';

const $ = (id) => document.getElementById(id);
const token = tokenFromUrl();
let places = null;
let pending = [];
let roster = [];

// organizer.js wires the language button and translates the static text; this module only re-renders.
onLangChange(render);

if (token) {
  loadPlaces().then((p) => { places = p; render(); });
  load();
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
