// The organizer desk, one order: its readable reference, its details and history under the row (with who declined
// and why), and "confirm for the resident" with the reason it needs.
import { t } from './i18n.js';
import { api, orderPath } from './api.js';
import { h, add, clear, fmtTime, errorText } from './ui.js';
import { timelineText } from './timeline-text.js';

const open = new Set(); // orderIds whose details are open, kept across the list's refreshes
const views = new Map(); // orderId → the order as last read
const reasons = new Map(); // orderId → the confirm reason being typed

/** HB-20261130-0042, or the id of an order placed before references. */
export const orderRef = (x) => x.reference || x.orderId;

/** A <details> under the order: the order's history, read when opened (and again on each refresh while open). */
export function detailsToggle(x, token) {
  const id = x.orderId;
  const body = h('div', { class: 'order-details-body' });
  const box = h('details', { class: 'order-details', 'data-details': id, open: open.has(id) }, h('summary', null, t('desk.details')), body);
  const show = () => fill(body, views.get(id));
  box.addEventListener('toggle', async () => {
    if (!box.open) { open.delete(id); return; }
    open.add(id);
    show();
    try {
      views.set(id, await api(orderPath(id), { token }));
      show();
    } catch (e) {
      add(clear(body), h('p', { class: 'msg msg-error', role: 'alert' }, errorText(e)));
    }
  });
  if (open.has(id)) {
    show();
    api(orderPath(id), { token }).then((v) => { views.set(id, v); show(); }, () => {});
  }
  return box;
}

function fill(body, v) {
  clear(body);
  if (!v) { add(body, h('p', { class: 'muted' }, t('common.loading'))); return; }
  add(body,
    v.description ? h('p', { class: 'desc' }, v.description) : null,
    h('ol', { class: 'timeline' }, [...(v.timeline || [])].reverse().map((e) =>
      h('li', { 'data-what': e.what }, h('time', { datetime: e.at }, fmtTime(e.at)), ' ', timelineText(e)))));
}

/** "Confirm for the resident": a required reason, then the action (which the desk runs and reports). */
export function confirmForm(x, run) {
  const id = x.orderId;
  const inputId = `confirm-reason-${id}`;
  const errorId = `${inputId}-error`;
  const input = h('input', { type: 'text', id: inputId, class: 'confirm-reason', maxlength: '500', 'aria-describedby': errorId, value: reasons.get(id) || '' });
  const error = h('p', { class: 'field-error', id: errorId });
  input.addEventListener('input', () => reasons.set(id, input.value));
  const ok = h('button', { type: 'button', class: 'primary confirm' }, t('org.confirm'));
  ok.addEventListener('click', () => {
    const reason = input.value.trim();
    if (!reason) {
      error.textContent = t('desk.confirmReasonNeeded');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    reasons.delete(id);
    run(ok, { reason });
  });
  return h('div', { class: 'field confirm-for-resident' },
    h('label', { for: inputId }, t('desk.confirmReason')), input, error, h('div', { class: 'actions' }, ok));
}
