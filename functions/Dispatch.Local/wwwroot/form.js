// The resident's order form (点单).
import { initI18n, onLangChange, t, lang } from './i18n.js';
import { api, ApiError, randomKey } from './api.js';
import { h, add, clear, fieldMessage, errorText, say } from './ui.js';

const CATEGORIES = ['ElderCare', 'Repair', 'Errand', 'Tutoring', 'Legal', 'Health', 'Visit', 'Other'];
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const MAX = { name: 40, address: 120, description: 500, householdId: 40 };
const FIELDS = ['kind', 'category', 'communityId', 'gridId', 'buildingId', 'householdId', 'wantedAt', 'name', 'phone', 'address', 'description'];

// One key per form load: a double tap or a resubmit after a lost answer cannot create two orders.
const idempotencyKey = randomKey();

const $ = (id) => document.getElementById(id);
const form = $('order-form');
let communities = [];
let fieldErrors = {}; // field → [server-style messages], rendered through fieldMessage so they follow the language
let summaryError = null; // an ApiError or a string key
let sending = false;

initI18n();
fillCategories();
fillPlaces();
loadCommunities();
onLangChange(() => { fillCategories(); fillPlaces(); renderErrors(); updateCounter(); });

$('communityId').addEventListener('change', () => { $('gridId').value = ''; $('buildingId').value = ''; fillPlaces(); clearField('communityId'); });
$('gridId').addEventListener('change', () => { $('buildingId').value = ''; fillPlaces(); clearField('gridId'); });
$('description').addEventListener('input', updateCounter);
for (const f of FIELDS) {
  const el = $(f);
  if (el) el.addEventListener('change', () => clearField(f));
}
form.addEventListener('submit', onSubmit);

function option(value, text, selected) {
  return h('option', { value, selected: !!selected }, text);
}

function fillCategories() {
  const sel = $('category');
  const v = sel.value;
  clear(sel).append(option('', t('form.category.choose')), ...CATEGORIES.map((c) => option(c, t(`category.${c}`), c === v)));
}

function name(x) {
  return (lang() === 'zh' ? x.nameZh : x.nameEn) || x.nameZh || x.nameEn || '';
}

/** Refill the three cascading selects from the loaded list, keeping what is chosen. */
function fillPlaces() {
  const cSel = $('communityId'); const gSel = $('gridId'); const bSel = $('buildingId');
  const c = cSel.value; const g = gSel.value; const b = bSel.value;
  clear(cSel).append(option('', t('form.choose')), ...communities.map((x) => option(x.communityId, name(x), x.communityId === c)));
  const community = communities.find((x) => x.communityId === cSel.value);
  const grids = community?.grids || [];
  clear(gSel).append(option('', community ? t('form.choose') : t('form.chooseCommunityFirst')),
    ...grids.map((x) => option(x.gridId, name(x), x.gridId === g)));
  gSel.disabled = !community;
  const grid = grids.find((x) => x.gridId === gSel.value);
  const buildings = grid?.buildings || [];
  clear(bSel).append(option('', grid ? t('form.choose') : t('form.chooseGridFirst')),
    ...buildings.map((x) => option(x.buildingId, name(x), x.buildingId === b)));
  bSel.disabled = !grid;
}

async function loadCommunities() {
  const box = $('form-status');
  try {
    communities = (await api('/api/communities')) || [];
    fillPlaces();
    // With one community (or one grid) there is nothing to choose: choose it for the resident.
    if (communities.length === 1 && !$('communityId').value) {
      $('communityId').value = communities[0].communityId;
      fillPlaces();
      const grids = communities[0].grids || [];
      if (grids.length === 1 && !$('gridId').value) { $('gridId').value = grids[0].gridId; fillPlaces(); }
    }
    if (!communities.length) throw new Error('empty');
  } catch (e) {
    say(box, 'error', `${t('form.loadFailed')} ${e instanceof ApiError ? errorText(e) : ''}`);
    box.firstChild.append(' ', h('button', { type: 'button', class: 'plain', onclick: () => { clear(box); loadCommunities(); } }, t('common.retry')));
  }
}

function updateCounter() {
  $('description-counter').textContent = t('form.counter', { n: $('description').value.length, max: MAX.description });
}

function value(id) { return $(id).value.trim(); }

/** The same checks as the server (OrderForm.Validate), in its words, so one renderer translates both. */
function check(body) {
  const errors = {};
  if (!body.category) errors.category = ['Required.'];
  for (const f of ['communityId', 'gridId', 'buildingId', 'name', 'phone', 'address']) {
    if (!body[f]) errors[f] = ['Required.'];
  }
  for (const [f, max] of Object.entries(MAX)) {
    if (body[f] && body[f].length > max) errors[f] = [`At most ${max} characters.`];
  }
  if (body.phone && !PHONE.test(body.phone)) errors.phone = ['Enter a mobile number (11 digits) or a landline with area code.'];
  if (body.wantedAt) {
    const at = new Date(body.wantedAt).getTime();
    const now = Date.now();
    if (Number.isNaN(at) || at < now - 3600e3 || at > now + 90 * 86400e3) errors.wantedAt = ['Choose a time from now to 90 days ahead.'];
  }
  return errors;
}

function collect() {
  const wanted = $('wantedAt').value; // "2025-06-03T14:30" in China time
  return {
    kind: form.querySelector('input[name=kind]:checked')?.value || 'Service',
    category: $('category').value,
    communityId: $('communityId').value,
    gridId: $('gridId').value,
    buildingId: $('buildingId').value,
    householdId: value('householdId') || null,
    urgent: $('urgent').checked,
    wantedAt: wanted ? `${wanted.length === 16 ? `${wanted}:00` : wanted}+08:00` : null,
    name: value('name'),
    phone: value('phone').replace(/\s+/g, ''),
    wantsUpdates: $('wantsUpdates').checked,
    address: value('address'),
    description: value('description'),
  };
}

function clearField(f) {
  if (fieldErrors[f]) { delete fieldErrors[f]; renderErrors(); }
}

function renderErrors() {
  for (const f of FIELDS) {
    const box = $(`${f}-error`);
    const input = $(f);
    const msgs = fieldErrors[f];
    if (box) box.textContent = msgs ? msgs.map(fieldMessage).join(' ') : '';
    if (input && input.tagName !== 'FIELDSET') {
      if (msgs) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    }
  }
  const summary = $('form-errors');
  clear(summary);
  const others = Object.entries(fieldErrors).filter(([f]) => !FIELDS.includes(f));
  if (summaryError || Object.keys(fieldErrors).length) {
    const text = summaryError instanceof ApiError && summaryError.code !== 'validation'
      ? errorText(summaryError)
      : t('form.fixErrors');
    const box = h('div', { class: 'msg msg-error', role: 'alert' }, text);
    if (others.length) add(box, h('ul', null, others.map(([f, m]) => h('li', null, `${f}: ${m.map(fieldMessage).join(' ')}`))));
    add(summary, box);
  }
}

function focusFirstError() {
  const f = FIELDS.find((x) => fieldErrors[x]);
  const el = f && $(f);
  if (el) {
    (el.tagName === 'FIELDSET' ? el.querySelector('input') : el).focus();
  } else {
    $('form-errors').scrollIntoView({ block: 'center' });
  }
}

async function onSubmit(e) {
  e.preventDefault();
  if (sending) return;
  const body = collect();
  fieldErrors = check(body);
  summaryError = null;
  renderErrors();
  if (Object.keys(fieldErrors).length) { focusFirstError(); return; }

  const button = $('submit');
  let leaving = false;
  sending = true;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = t('form.sending');
  try {
    const res = await api('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
    say($('form-status'), 'ok', t('form.done'));
    // Follow the server's link, on this origin (the public base URL may name another host in tests).
    const url = new URL(res.trackingUrl || `/track.html?o=${encodeURIComponent(res.orderId)}&t=${encodeURIComponent(res.token)}`, location.href);
    leaving = true;
    location.assign(url.pathname + url.search);
  } catch (err) {
    summaryError = err;
    fieldErrors = err instanceof ApiError ? { ...err.errors } : {};
    renderErrors();
    focusFirstError();
  } finally {
    if (!leaving) {
      sending = false;
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = t('form.submit');
    }
  }
}

updateCounter();
