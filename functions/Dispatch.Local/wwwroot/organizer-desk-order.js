// The organizer desk, one order: its readable reference, its details and history under the row (with who declined
// and why), and "confirm for the resident" with the reason it needs.
import { t } from './i18n.js';
import { api, orderPath, post } from './api.js';
import { h, add, clear, fmtTime, errorText, facts } from './ui.js';
import { timelineText } from './timeline-text.js';

const open = new Set(); // orderIds whose details are open, kept across the list's refreshes
const views = new Map(); // orderId → the order as last read
const reasons = new Map(); // orderId → the confirm reason being typed
const contacts = new Map(); // orderId → the resident's contact as shown on request
const accessLogs = new Map(); // orderId → who viewed the contact, when and why

const contactPath = (id, log) => `/api/organizer/orders/${encodeURIComponent(id)}/contact${log ? '-log' : ''}`;

/** HB-20261130-0042, or the id of an order placed before references. */
export const orderRef = (x) => x.reference || x.orderId;

/** A <details> under the order: the order's history, read when opened (and again on each refresh while open). */
export function detailsToggle(x, token) {
  const id = x.orderId;
  const body = h('div', { class: 'order-details-body' });
  const box = h('details', { class: 'order-details', 'data-details': id, open: open.has(id) }, h('summary', null, t('desk.details')), body);
  const show = () => fill(body, x, views.get(id), token, show);
  const read = async () => {
    const [v, log] = await Promise.all([api(orderPath(id), { token }),
      x.status === 'Escalated' ? api(contactPath(id, true), { token }) : Promise.resolve(null)]);
    views.set(id, v);
    if (log) accessLogs.set(id, log);
    show();
  };
  box.addEventListener('toggle', async () => {
    if (!box.open) { open.delete(id); return; }
    open.add(id);
    show();
    try {
      await read();
    } catch (e) {
      add(clear(body), h('p', { class: 'msg msg-error', role: 'alert' }, errorText(e)));
    }
  });
  if (open.has(id)) {
    show();
    read().catch(() => {});
  }
  return box;
}

/** An escalated order: the resident's contact on request, with a reason, and the log of who looked. */
function contactBlock(x, token, redraw) {
  const id = x.orderId;
  const inputId = `contact-reason-${id}`;
  const shown = contacts.get(id);
  const log = accessLogs.get(id) || [];
  const reason = h('input', { type: 'text', id: inputId, class: 'contact-reason', maxlength: '500' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const ask = h('button', { type: 'button', class: 'contact-show' }, t('desk.showContact'));
  ask.addEventListener('click', async () => {
    if (!reason.value.trim()) { error.textContent = t('desk.contactReasonNeeded'); reason.focus(); return; }
    try {
      contacts.set(id, await post(contactPath(id), { reason: reason.value.trim() }, token));
      accessLogs.set(id, await api(contactPath(id, true), { token }));
      redraw();
    } catch (e) {
      error.textContent = errorText(e);
    }
  });
  return h('div', { class: 'contact-block' },
    shown
      ? h('div', { class: 'resident-contact' }, facts([
        [t('member.residentName'), shown.name],
        [t('member.residentPhone'), h('a', { class: 'tel', href: `tel:${String(shown.phone).replace(/[^\d+]/g, '')}` }, shown.phone)],
        [t('member.residentAddress'), shown.address],
      ]))
      : h('div', { class: 'field' }, h('label', { for: inputId }, t('desk.contactReason')), reason, error, h('div', { class: 'actions' }, ask)),
    h('h4', null, t('desk.accessLog')),
    log.length
      ? h('ul', { class: 'access-log' }, log.map((e) => h('li', null, t('desk.accessLine', { at: fmtTime(e.at), name: e.organizerName, reason: e.reason }))))
      : h('p', { class: 'muted' }, t('desk.noAccess')));
}

function fill(body, x, v, token, redraw) {
  clear(body);
  if (!v) { add(body, h('p', { class: 'muted' }, t('common.loading'))); return; }
  add(body,
    x.status === 'Escalated' ? contactBlock(x, token, redraw) : null,
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
