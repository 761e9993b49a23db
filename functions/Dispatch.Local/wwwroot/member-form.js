// What the registration form (register.js) and the organizer's member form (organizer-member-form.js) share:
// the service menu, the availability choices, and how the server's bilingual messages are shown.
import { lang, t } from './i18n.js';
import { h, add, clear } from './ui.js';

export const CATEGORIES = ['ElderCare', 'Repair', 'Errand', 'Tutoring', 'Legal', 'Health', 'Visit', 'Other'];
export const EVENINGS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => ({ day, fromHour: 18, toHour: 21 }));
export const WEEKENDS = ['Saturday', 'Sunday'].map((day) => ({ day, fromHour: 8, toHour: 20 }));

/** The slots of a "when" choice (any, evenings, weekends, both). */
export function slotsOf(when) {
  return when === 'evenings' ? EVENINGS : when === 'weekends' ? WEEKENDS : when === 'both' ? [...EVENINGS, ...WEEKENDS] : [];
}

/** The "when" choice that gives exactly these slots, or null when they are another pattern. */
export function whenOf(slots) {
  const key = (list) => list.map((s) => `${s.day}${s.fromHour}-${s.toHour}`).sort().join();
  const have = key(slots || []);
  return ['any', 'evenings', 'weekends', 'both'].find((w) => key(slotsOf(w)) === have) || null;
}

/** The server's bilingual messages are "中文。 English.": show the half of the page's language. */
export function half(text) {
  const s = String(text || '');
  const cut = s.indexOf('。 ');
  if (cut < 0) return s;
  return lang() === 'zh' ? s.slice(0, cut + 1) : s.slice(cut + 2);
}

/** A place's name in the page's language. */
export function placeName(x) { return (lang() === 'zh' ? x.nameZh : x.nameEn) || x.nameZh || x.nameEn; }

/** The service menu as checkboxes named <name>, keeping what was checked across a re-render. */
export function renderSkillChoices(box, name, onchange) {
  const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  clear(box);
  for (const c of CATEGORIES) {
    add(box, h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value: c, checked: checked.has(c), onchange }), ' ',
      h('span', null, t(`category.${c}`))));
  }
}

/** The community's grids in <gridSelect>, then the chosen grid's buildings in <buildingSelect>; choices kept. */
export function renderGridChoices(gridSelect, buildingSelect, community) {
  const chosen = gridSelect.value;
  clear(gridSelect).append(h('option', { value: '' }, t('form.choose')));
  for (const g of community?.grids || []) add(gridSelect, h('option', { value: g.gridId, selected: g.gridId === chosen }, placeName(g)));
  renderBuildingChoices(gridSelect, buildingSelect, community);
}

export function renderBuildingChoices(gridSelect, buildingSelect, community) {
  const chosen = buildingSelect.value;
  const grid = community?.grids.find((g) => g.gridId === gridSelect.value);
  clear(buildingSelect).append(h('option', { value: '' }, grid ? t('form.choose') : t('form.chooseGridFirst')));
  for (const b of grid?.buildings || []) add(buildingSelect, h('option', { value: b.buildingId, selected: b.buildingId === chosen }, placeName(b)));
}
