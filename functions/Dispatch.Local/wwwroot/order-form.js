// The order form as a module: the resident's page (index.html) and the organizer's 代下单 (organizer.html) mount it.
// The draft — every field and its idempotency key — lives in sessionStorage until the order is placed, so the back
// button, a reload or a retry after a lost answer never makes a second order; after placing, the form shows the
// placed order until "place another order" starts a clean draft with a new key.
import { t, lang, onLangChange } from './i18n.js';
import { api, ApiError, randomKey } from './api.js';
import { h, add, clear, fieldMessage, errorText, say } from './ui.js';

const CATEGORIES = ['ElderCare', 'Repair', 'Errand', 'Tutoring', 'Legal', 'Health', 'Visit', 'Other'];
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const MAX = { name: 40, address: 120, description: 500 };
const FIELDS = ['kind', 'category', 'communityId', 'gridId', 'buildingId', 'wanted', 'urgent', 'name', 'phone', 'address', 'description'];
const DAYS = ['Today', 'Tomorrow'];
const PARTS = { Morning: 12, Afternoon: 18, Evening: 21 }; // part → its end hour, China time

/** The China hour and minutes now, as a number of hours (14.5 = 14:30). */
function chinaHour() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const get = (type) => Number(parts.find((p) => p.type === type)?.value || 0);
  return get('hour') + get('minute') / 60;
}

/**
 * @param {HTMLElement} root where the form goes
 * @param {{ endpoint: string, token?: string, draftKey: string, prefix?: string, proxy?: boolean, leave?: boolean }} opts
 *   leave: open the tracking page after placing (the resident); otherwise show its link (the organizer reads it out).
 */
export function mountOrderForm(root, opts) {
  const p = opts.prefix || '';
  const $ = (id) => document.getElementById(p + id);
  let communities = [];
  let fieldErrors = {};
  let summaryError = null;
  let sending = false;
  let draft = readDraft();

  function readDraft() {
    try {
      const d = JSON.parse(sessionStorage.getItem(opts.draftKey) || 'null');
      if (d && typeof d.key === 'string') return { fields: {}, placed: null, ...d };
    } catch { /* a broken draft starts over */ }
    return { key: randomKey(), fields: {}, placed: null };
  }
  function saveDraft() {
    try { sessionStorage.setItem(opts.draftKey, JSON.stringify(draft)); } catch { /* private mode: the key still lives in memory */ }
  }

  // The organizer types someone else's contact: "the resident's name" rather than "your name".
  const label = (key) => t(opts.proxy && ['name', 'phone', 'address'].includes(key) ? `proxy.${key}` : `form.${key}`);
  const err = (f) => h('p', { class: 'field-error', id: `${p}${f}-error` });
  const text = (f, type, attrs) => h('div', { class: 'field' },
    h('label', { for: p + f, 'data-label': f }, label(f)),
    h('input', { type, id: p + f, name: f, required: true, maxlength: String(MAX[f] || 20), 'aria-describedby': `${p}${f}-error`, ...attrs }),
    err(f));

  function build() {
    const form = h('form', { id: `${p}order-form`, class: 'order-form', novalidate: true, autocomplete: 'off' },
      h('div', { id: `${p}form-status`, 'aria-live': 'polite' }),
      h('fieldset', { id: `${p}kind`, class: 'kind-buttons' },
        h('legend', { class: 'visually-hidden' }, t('form.kind')),
        ...['Service', 'Wish'].map((k) => h('label', { class: 'kind-button' },
          h('input', { type: 'radio', name: `${p}kind`, value: k, checked: k === 'Service' }),
          h('strong', null, t(`form.kind.${k}`)), h('span', { class: 'hint' }, t(`form.kind.${k}.hint`)))),
        err('kind')),
      h('div', { class: 'field' },
        h('label', { for: `${p}category` }, t('form.category')),
        h('select', { id: `${p}category`, required: true, 'aria-describedby': `${p}category-error` }), err('category')),
      h('div', { class: 'row3 place' }, ...['communityId', 'gridId', 'buildingId'].map((f) => h('div', { class: 'field' },
        h('label', { for: p + f }, t(`form.${f.replace('Id', '')}`)),
        h('select', { id: p + f, required: true, 'aria-describedby': `${p}${f}-error` }), err(f)))),
      h('fieldset', { id: `${p}wanted`, class: 'when' },
        h('legend', null, t('form.when')),
        h('div', { class: 'chips' },
          h('label', { class: 'chip asap' }, h('input', { type: 'radio', name: `${p}wanted`, value: '', checked: true }), t('form.slot.asap')),
          ...DAYS.map((d) => h('div', { class: 'chip-row' }, h('span', { class: 'chip-day' }, t(`form.slot.${d}`)),
            ...Object.keys(PARTS).map((part) => h('label', { class: 'chip' },
              h('input', { type: 'radio', name: `${p}wanted`, value: `${d}.${part}`, 'aria-label': [t(`form.slot.${d}`), t(`form.slot.${part}`)].join(lang() === 'zh' ? '' : ' ') }),
              t(`form.slot.${part}`), h('small', null, t(`form.slot.${part}.hours`))))))),
        err('wanted')),
      h('div', { class: 'field', id: `${p}urgent-field` },
        h('label', { class: 'check' }, h('input', { type: 'checkbox', id: `${p}urgent` }), h('span', null, t('form.urgent'))),
        h('p', { class: 'hint' }, t('form.urgent.hint')), err('urgent')),
      h('div', { class: 'field' },
        h('label', { for: `${p}description` }, h('span', null, t('form.description')),
          h('span', { class: 'counter', id: `${p}description-counter`, 'aria-hidden': 'true' })),
        h('textarea', { id: `${p}description`, maxlength: String(MAX.description), rows: '3', 'aria-describedby': `${p}description-hint ${p}description-error` }),
        h('p', { class: 'hint', id: `${p}description-hint` }, t('form.description.hint')), err('description')),
      h('div', { class: 'row2' },
        text('name', 'text', { autocomplete: opts.proxy ? 'off' : 'name' }),
        text('phone', 'tel', { autocomplete: opts.proxy ? 'off' : 'tel', inputmode: 'tel' })),
      // A resident chooses texts about the order; a proxy order always texts the phone given (代下单).
      opts.proxy ? null : h('label', { class: 'check' }, h('input', { type: 'checkbox', id: `${p}wantsUpdates` }), h('span', null, t('form.wantsUpdates'))),
      text('address', 'text', { autocomplete: opts.proxy ? 'off' : 'street-address' }),
      h('p', { class: 'hint' }, t('form.contact.hint')),
      h('div', { id: `${p}form-errors`, 'aria-live': 'assertive' }),
      h('button', { type: 'submit', id: `${p}submit`, class: 'primary big' }, t(opts.proxy ? 'proxy.submit' : 'form.submit')));
    const placed = h('div', { id: `${p}placed`, class: 'card', hidden: true });
    clear(root).append(form, placed);

    form.addEventListener('submit', onSubmit);
    form.addEventListener('input', onEdit);
    form.addEventListener('change', onEdit);
    $('communityId').addEventListener('change', () => { $('gridId').value = ''; $('buildingId').value = ''; fillPlaces(); });
    $('gridId').addEventListener('change', () => { $('buildingId').value = ''; fillPlaces(); });
  }

  function onEdit(e) {
    const f = e.target.name?.replace(p, '') || e.target.id?.replace(p, '');
    if (f === 'kind') showKind();
    if (f === 'description') updateCounter();
    if (f && fieldErrors[f]) { delete fieldErrors[f]; renderErrors(); }
    draft.fields = collectFields();
    saveDraft();
  }

  function kindValue() { return root.querySelector(`input[name="${p}kind"]:checked`)?.value || 'Service'; }

  /** A wish waits on the board for days: it asks neither a time nor urgency. */
  function showKind() {
    const wish = kindValue() === 'Wish';
    $('wanted').hidden = wish;
    $('urgent-field').hidden = wish;
    if (wish) {
      $('urgent').checked = false;
      root.querySelector(`input[name="${p}wanted"][value=""]`).checked = true;
    }
  }

  /** Today's slots already over cannot be chosen (the server would refuse them). */
  function disablePastSlots() {
    const hour = chinaHour();
    for (const [part, end] of Object.entries(PARTS)) {
      const input = root.querySelector(`input[name="${p}wanted"][value="Today.${part}"]`);
      input.disabled = hour >= end;
      if (input.disabled && input.checked) root.querySelector(`input[name="${p}wanted"][value=""]`).checked = true;
    }
  }

  function option(value, label, selected) { return h('option', { value, selected: !!selected }, label); }
  function placeName(x) { return (lang() === 'zh' ? x.nameZh : x.nameEn) || x.nameZh || x.nameEn || ''; }

  function fillCategories() {
    const sel = $('category');
    const v = sel.value;
    clear(sel).append(option('', t('form.category.choose')), ...CATEGORIES.map((c) => option(c, t(`category.${c}`), c === v)));
  }

  /** Refill the three cascading selects from the loaded list, keeping what is chosen. */
  function fillPlaces() {
    const cSel = $('communityId'); const gSel = $('gridId'); const bSel = $('buildingId');
    const c = cSel.value; const g = gSel.value; const b = bSel.value;
    clear(cSel).append(option('', t('form.choose')), ...communities.map((x) => option(x.communityId, placeName(x), x.communityId === c)));
    const community = communities.find((x) => x.communityId === cSel.value);
    const grids = community?.grids || [];
    clear(gSel).append(option('', community ? t('form.choose') : t('form.chooseCommunityFirst')),
      ...grids.map((x) => option(x.gridId, placeName(x), x.gridId === g)));
    gSel.disabled = !community;
    const grid = grids.find((x) => x.gridId === gSel.value);
    const buildings = grid?.buildings || [];
    clear(bSel).append(option('', grid ? t('form.choose') : t('form.chooseGridFirst')),
      ...buildings.map((x) => option(x.buildingId, placeName(x), x.buildingId === b)));
    bSel.disabled = !grid;
  }

  /** Chooses the place step by step (each choice fills the next list); with one choice, chooses it. */
  function choosePlaces(f) {
    for (const id of ['communityId', 'gridId', 'buildingId']) {
      const sel = $(id);
      const values = [...sel.options].map((o) => o.value).filter(Boolean);
      if (f[id] && values.includes(f[id])) sel.value = f[id];
      else if (!f[id] && values.length === 1 && id !== 'buildingId') sel.value = values[0];
      fillPlaces();
    }
  }

  async function loadCommunities() {
    const box = $('form-status');
    try {
      communities = (await api('/api/communities')) || [];
      if (!communities.length) throw new Error('empty');
      fillPlaces();
      choosePlaces(draft.fields);
    } catch (e) {
      say(box, 'error', `${t('form.loadFailed')} ${e instanceof ApiError ? errorText(e) : ''}`);
      box.firstChild.append(' ', h('button', { type: 'button', class: 'plain', onclick: () => { clear(box); loadCommunities(); } }, t('common.retry')));
    }
  }

  function updateCounter() {
    $('description-counter').textContent = t('form.counter', { n: $('description').value.length, max: MAX.description });
  }

  function collectFields() {
    return {
      kind: kindValue(),
      category: $('category').value,
      communityId: $('communityId').value,
      gridId: $('gridId').value,
      buildingId: $('buildingId').value,
      wanted: root.querySelector(`input[name="${p}wanted"]:checked`)?.value || '',
      urgent: $('urgent').checked,
      name: $('name').value,
      phone: $('phone').value,
      address: $('address').value,
      description: $('description').value,
      wantsUpdates: !!$('wantsUpdates')?.checked,
    };
  }

  /** Puts a draft's fields back (after a reload or the back button), the counter with them. */
  function restore(f) {
    const kind = root.querySelector(`input[name="${p}kind"][value="${f.kind === 'Wish' ? 'Wish' : 'Service'}"]`);
    kind.checked = true;
    for (const id of ['category', 'name', 'phone', 'address', 'description']) $(id).value = f[id] || '';
    $('urgent').checked = !!f.urgent;
    if ($('wantsUpdates')) $('wantsUpdates').checked = !!f.wantsUpdates;
    const slot = root.querySelector(`input[name="${p}wanted"][value="${CSS.escape(f.wanted || '')}"]`);
    if (slot) slot.checked = true;
    if (communities.length) choosePlaces(f);
    showKind();
    disablePastSlots();
    updateCounter();
  }

  function body() {
    const f = collectFields();
    const [day, part] = f.wanted ? f.wanted.split('.') : [];
    const wish = f.kind === 'Wish';
    return {
      kind: f.kind,
      category: f.category,
      communityId: f.communityId,
      gridId: f.gridId,
      buildingId: f.buildingId,
      householdId: null,
      urgent: !wish && f.urgent,
      wantedAt: null,
      wanted: !wish && day ? { day, part } : null,
      name: f.name.trim(),
      phone: f.phone.trim().replace(/\s+/g, ''),
      address: f.address.trim(),
      description: f.description.trim(),
      wantsUpdates: !!opts.proxy || f.wantsUpdates,
    };
  }

  /** The same checks as the server (OrderForm.Validate), in its words, so one renderer translates both. */
  function check(b) {
    const errors = {};
    for (const f of ['category', 'communityId', 'gridId', 'buildingId', 'name', 'phone', 'address']) {
      if (!b[f]) errors[f] = ['Required.'];
    }
    for (const [f, max] of Object.entries(MAX)) {
      if (b[f] && b[f].length > max) errors[f] = [`At most ${max} characters.`];
    }
    if (b.phone && !PHONE.test(b.phone)) errors.phone = ['Enter a mobile number (11 digits) or a landline with area code.'];
    return errors;
  }

  /** Server errors on wanted.day, wanted.part or wantedAt show at the slot chips. */
  function fieldOf(f) { return f.startsWith('wanted') ? 'wanted' : f; }

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
    const summary = clear($('form-errors'));
    const others = Object.entries(fieldErrors).filter(([f]) => !FIELDS.includes(f));
    if (summaryError || Object.keys(fieldErrors).length) {
      const msg = summaryError instanceof ApiError && summaryError.code !== 'validation' ? errorText(summaryError) : t('form.fixErrors');
      const box = h('div', { class: 'msg msg-error', role: 'alert' }, msg);
      if (others.length) add(box, h('ul', null, others.map(([f, m]) => h('li', null, `${f}: ${m.map(fieldMessage).join(' ')}`))));
      add(summary, box);
    }
  }

  function focusFirstError() {
    const f = FIELDS.find((x) => fieldErrors[x]);
    const el = f && $(f);
    if (el) (el.tagName === 'FIELDSET' ? el.querySelector('input:not([disabled])') : el).focus();
    else $('form-errors').scrollIntoView({ block: 'center' });
  }

  function setSending(on) {
    sending = on;
    const button = $('submit');
    button.disabled = on;
    if (on) button.setAttribute('aria-busy', 'true'); else button.removeAttribute('aria-busy');
    button.textContent = on ? t('form.sending') : t(opts.proxy ? 'proxy.submit' : 'form.submit');
  }

  async function onSubmit(e) {
    e.preventDefault();
    if (sending || draft.placed) return;
    const b = body();
    fieldErrors = check(b);
    summaryError = null;
    renderErrors();
    if (Object.keys(fieldErrors).length) { focusFirstError(); return; }

    setSending(true);
    try {
      const res = await api(opts.endpoint, { method: 'POST', body: b, token: opts.token, headers: { 'Idempotency-Key': draft.key } });
      // Follow the server's link, on this origin (the public base URL may name another host in tests).
      const url = new URL(res.trackingUrl, location.href);
      draft = { ...draft, placed: { orderId: res.orderId, path: url.pathname + url.search, status: res.status } };
      saveDraft();
      if (opts.leave) {
        say($('form-status'), 'ok', t('form.done'));
        location.assign(draft.placed.path);
        return;
      }
      setSending(false);
      showPlaced();
    } catch (err) {
      summaryError = err;
      fieldErrors = {};
      if (err instanceof ApiError) for (const [f, m] of Object.entries(err.errors || {})) fieldErrors[fieldOf(f)] = m;
      renderErrors();
      focusFirstError();
      setSending(false);
    }
  }

  /** The order was placed: its link instead of the form, so going back never places it twice. */
  function showPlaced() {
    const placed = draft.placed;
    $('order-form').hidden = !!placed;
    const box = clear($('placed'));
    box.hidden = !placed;
    if (!placed) return;
    const full = new URL(placed.path, location.href).href;
    add(box,
      h('h2', null, t('form.placedTitle')),
      h('p', null, h('a', { class: 'button primary', id: `${p}placed-link`, href: placed.path }, t('form.placedLink'))),
      opts.proxy ? h('p', null, t('proxy.readOut')) : null,
      opts.proxy ? h('p', { class: 'tracking-url', id: `${p}placed-url` }, full) : null,
      h('button', { type: 'button', class: 'plain', id: `${p}another`, onclick: another }, t('form.another')));
  }

  /** 再下一单: a clean draft with a new key. */
  function another() {
    draft = { key: randomKey(), fields: {}, placed: null };
    saveDraft();
    fieldErrors = {};
    summaryError = null;
    build();
    fillCategories();
    fillPlaces();
    restore({});
    renderErrors();
    showPlaced();
    $('category').focus();
  }

  /** Shows the draft as stored: on load, and when the back button restores the page from the cache. */
  function show() {
    draft = readDraft();
    if (sending && !draft.placed) setSending(false);
    fillCategories();
    restore(draft.fields);
    showPlaced();
  }

  build();
  fillCategories();
  fillPlaces();
  show();
  loadCommunities();
  onLangChange(() => {
    const f = collectFields();
    build();
    fillCategories();
    fillPlaces();
    restore(f);
    renderErrors();
    showPlaced();
  });
  window.addEventListener('pageshow', (e) => { if (e.persisted) { sending = false; show(); } });
  return { key: () => draft.key };
}
