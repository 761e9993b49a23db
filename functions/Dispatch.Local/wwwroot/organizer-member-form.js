// The organizer's member form: add a member, or edit one chosen in the roster (organizer-registry.js sends
// "member-edit"), through POST /api/organizer/members and PUT /api/organizer/members/{id} (+ /active). Problems are
// shown under their fields, in the page's language.
import { onLangChange, t } from './i18n.js';
import { api, tokenFromUrl } from './api.js';
import { h, add, clear, errorText, say, busy, loadPlaces } from './ui.js';
import { slotsOf, whenOf, half, renderSkillChoices, renderGridChoices, renderBuildingChoices } from './member-form.js';
import { registrationLink } from './organizer-registration-link.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['name', 'phone', 'gridId', 'buildingId', 'skills', 'availability'];
const token = tokenFromUrl();
let community = null;
let editing = null; // the member being edited, or null when adding
let fieldErrors = {};

if (token || document.getElementById('sign-out')) { // a link, or the session (organizer.js adds "sign out" then)
  Promise.all([loadPlaces(), registrationLink]).then(([places, link]) => {
    community = places.list.find((c) => c.communityId === link?.communityId) || (places.list.length === 1 ? places.list[0] : null);
    render();
  });
  $('member-gridId').addEventListener('change', () => { renderBuildings(); clearField('gridId'); });
  $('member-buildingId').addEventListener('change', () => clearField('buildingId'));
  $('member-name').addEventListener('input', () => clearField('name'));
  $('member-phone').addEventListener('input', () => clearField('phone'));
  $('member-form').addEventListener('submit', onSubmit);
  $('member-cancel').addEventListener('click', () => edit(null));
  document.addEventListener('member-edit', (e) => edit(e.detail));
  onLangChange(render);
  render();
}

function render() {
  $('member-form-title').textContent = editing ? t('org.memberForm.edit', { name: editing.name }) : t('org.memberForm.add');
  $('member-cancel').hidden = !editing;
  renderPlaces();
  renderSkills();
  renderWhen();
  renderErrors();
}

function renderPlaces() {
  renderGridChoices($('member-gridId'), $('member-buildingId'), community);
}

function renderBuildings() {
  renderBuildingChoices($('member-gridId'), $('member-buildingId'), community);
}

function renderSkills() {
  renderSkillChoices($('member-skill-choices'), 'member-skills', () => clearField('skills'));
}

function renderWhen() {
  const select = $('member-when');
  const chosen = select.value || 'any';
  clear(select);
  // A member whose times are another pattern (set by import) keeps them unless the organizer picks one of these.
  if (editing && !whenOf(editing.availability)) add(select, h('option', { value: 'keep', selected: chosen === 'keep' }, t('org.memberForm.keep')));
  for (const w of ['any', 'evenings', 'weekends', 'both']) add(select, h('option', { value: w, selected: w === chosen }, t(`reg.when.${w}`)));
}

/** Fills the form with a roster member to edit (null: back to adding). */
function edit(member) {
  editing = member;
  fieldErrors = {};
  clear($('member-form-status'));
  $('member-name').value = member?.name || '';
  $('member-phone').value = member?.phone || '';
  $('member-gridId').value = member?.gridId || '';
  renderBuildings();
  $('member-buildingId').value = member?.buildingId || '';
  for (const i of document.querySelectorAll('input[name=member-skills]')) i.checked = !!member?.skills?.includes(i.value);
  $('member-when').value = member ? (whenOf(member.availability) || 'keep') : 'any';
  $('member-active').checked = member ? member.active : true;
  render();
  $('member-when').value = member ? (whenOf(member.availability) || 'keep') : 'any';
  if (member) $('member-form-section').scrollIntoView({ block: 'start' });
}

function collect() {
  const when = $('member-when').value;
  return {
    name: $('member-name').value.trim(),
    phone: $('member-phone').value.replace(/[\s-]+/g, ''),
    gridId: $('member-gridId').value,
    buildingId: $('member-buildingId').value,
    skills: [...document.querySelectorAll('input[name=member-skills]:checked')].map((i) => i.value),
    availability: when === 'keep' ? editing.availability : slotsOf(when),
  };
}

function clearField(f) {
  if (!fieldErrors[f]) return;
  delete fieldErrors[f];
  renderErrors();
}

function renderErrors() {
  for (const f of FIELDS) {
    const msgs = fieldErrors[f];
    $(`member-${f}-error`).textContent = msgs ? msgs.map(half).join(' ') : '';
    const input = $(f === 'availability' ? 'member-when' : `member-${f}`);
    if (input.tagName === 'FIELDSET') continue;
    if (msgs) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  }
}

async function onSubmit(e) {
  e.preventDefault();
  const body = collect();
  const active = $('member-active').checked;
  await busy($('member-save'), async () => {
    try {
      const saved = editing
        ? await api(`/api/organizer/members/${encodeURIComponent(editing.memberId)}`, { method: 'PUT', body, token })
        : await api('/api/organizer/members', { method: 'POST', body, token });
      if (saved.active !== active) {
        await api(`/api/organizer/members/${encodeURIComponent(saved.memberId)}/active`, { method: 'PUT', body: { active }, token });
      }
      const key = editing ? 'org.memberForm.saved' : 'org.memberForm.added';
      edit(null);
      say($('member-form-status'), 'ok', t(key, { name: saved.name }));
      document.dispatchEvent(new CustomEvent('roster-changed'));
    } catch (err) {
      fieldErrors = err.errors || {};
      renderErrors();
      // Field problems are under their fields; a 409 (member-exists, phone-taken) has a bilingual title saying what happened.
      const text = err.code === 'validation' ? t('form.fixErrors') : err.status === 409 && err.problem?.title ? half(err.problem.title) : errorText(err);
      say($('member-form-status'), 'error', text);
    }
  });
}
