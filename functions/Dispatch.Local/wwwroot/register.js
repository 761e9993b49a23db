// 在职党员报到: the community's registration link opens the form; after sending, the page turns into the
// applicant's own status page (?r=…&t=… with their link), which they can keep and reopen.
import { initI18n, onLangChange, t } from './i18n.js';
import { api, ApiError, param, tokenFromUrl } from './api.js';
import { h, add, clear, fmtTime, errorText, say, requireToken, facts } from './ui.js';
import { slotsOf, half, placeName, renderSkillChoices, renderGridChoices, renderBuildingChoices } from './member-form.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['name', 'phone', 'gridId', 'buildingId', 'skills', 'availability', 'pledge'];

let token = tokenFromUrl();
let registrationId = param('r');
let community = null;
let status = null;
let fieldErrors = {};
let summaryError = null;

initI18n();
onLangChange(() => { renderCommunity(); renderSkills(); renderPlaces(); renderErrors(); renderStatus(); });

if (requireToken(token, $('main'))) {
  if (registrationId) loadStatus(); else loadForm();
}

async function loadForm() {
  try {
    community = await api('/api/register', { token });
    clear($('page-status'));
    $('reg-form').hidden = false;
    $('gridId').addEventListener('change', () => { renderBuildings(); clearField('gridId'); });
    $('reg-form').addEventListener('submit', onSubmit);
    for (const f of FIELDS) $(f)?.addEventListener('input', () => clearField(f));
    renderCommunity();
    renderSkills();
    renderPlaces();
  } catch (err) {
    say($('page-status'), 'error', errorText(err));
  }
}

async function loadStatus() {
  try {
    status = await api(`/api/register/${encodeURIComponent(registrationId)}`, { token });
    clear($('page-status'));
    $('status-card').hidden = false;
    renderStatus();
  } catch (err) {
    say($('page-status'), 'error', errorText(err));
  }
}

const name = placeName;

function renderCommunity() {
  $('community').textContent = community ? t('reg.community', { name: name(community) }) : '';
}

function renderSkills() {
  renderSkillChoices($('skill-choices'), 'skills', () => clearField('skills'));
}

function renderPlaces() {
  if (community) renderGridChoices($('gridId'), $('buildingId'), community);
}

function renderBuildings() {
  renderBuildingChoices($('gridId'), $('buildingId'), community);
}

function collect() {
  const when = document.querySelector('input[name=when]:checked')?.value || 'any';
  return {
    name: $('name').value.trim(),
    phone: $('phone').value.replace(/[\s-]+/g, ''),
    gridId: $('gridId').value,
    buildingId: $('buildingId').value,
    skills: [...document.querySelectorAll('input[name=skills]:checked')].map((i) => i.value),
    availability: slotsOf(when),
    pledge: $('pledge').value.trim() || null,
  };
}

function clearField(f) {
  if (!fieldErrors[f]) return;
  delete fieldErrors[f];
  // The summary only points at the fields: once they are fixed, it goes too.
  if (!Object.keys(fieldErrors).length && summaryError?.code === 'validation') summaryError = null;
  renderErrors();
}

function renderErrors() {
  for (const f of FIELDS) {
    const box = $(`${f}-error`);
    const msgs = fieldErrors[f];
    if (box) box.textContent = msgs ? msgs.map(half).join(' ') : '';
    const input = $(f);
    if (input && input.tagName !== 'FIELDSET') {
      if (msgs) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    }
  }
  const summary = $('form-errors');
  clear(summary);
  if (summaryError || Object.keys(fieldErrors).length) {
    const text = summaryError instanceof ApiError && summaryError.code !== 'validation'
      ? (summaryError.problem?.title ? half(summaryError.problem.title) : errorText(summaryError))
      : t('form.fixErrors');
    add(summary, h('div', { class: 'msg msg-error', role: 'alert' }, text));
  }
}

async function onSubmit(e) {
  e.preventDefault();
  const button = $('submit');
  if (button.disabled) return;
  const body = collect();
  fieldErrors = {};
  if (!/^1[3-9]\d{9}$/.test(body.phone)) fieldErrors.phone = [t('reg.phoneHint')];
  if (!body.skills.length) fieldErrors.skills = [t('reg.skillsRequired')];
  summaryError = null;
  renderErrors();
  if (Object.keys(fieldErrors).length) return;
  button.disabled = true;
  button.textContent = t('common.sending');
  try {
    const receipt = await api('/api/register', { method: 'POST', body, token });
    // From now on this page is the applicant's own link: the status, on this origin.
    const url = new URL(receipt.statusUrl, location.href);
    history.replaceState(null, '', url.pathname + url.search);
    token = receipt.token;
    registrationId = receipt.registrationId;
    $('reg-form').hidden = true;
    say($('page-status'), 'ok', t('reg.sent'));
    await loadStatus();
    say($('page-status'), 'ok', t('reg.sent'));
  } catch (err) {
    summaryError = err;
    fieldErrors = err instanceof ApiError ? { ...err.errors } : {};
    renderErrors();
  } finally {
    button.disabled = false;
    button.textContent = t('reg.submit');
  }
}

function renderStatus() {
  const box = $('status');
  if (!status) return;
  clear(box);
  add(box,
    h('p', null, h('span', { class: `badge status-${status.status.toLowerCase()}`, id: 'reg-status' }, t(`reg.status.${status.status}`))),
    facts([
      [t('reg.name'), status.name],
      [t('reg.submittedAt'), fmtTime(status.submittedAt)],
      status.decidedAt && [t('reg.decidedAt'), fmtTime(status.decidedAt)],
      status.reason && [t('reg.reason'), status.reason],
    ]),
    h('p', { class: 'hint' }, t(`reg.next.${status.status}`)));
}
