// 发送失败的通知: deliveries (push, email, SMS) that failed every retry, for the community's organizers. A grid
// organizer's link may not read them (403): the section stays hidden.
import { t, onLangChange } from './i18n.js';
import { api } from './api.js';
import { h, add, clear, fmtTime } from './ui.js';

/** Loads the failed deliveries into section now and on every refresh. */
export function mountFailedDeliveries(section, token) {
  let list = [];
  const render = () => {
    const box = clear(section.querySelector('#failed-delivery-list'));
    section.hidden = !list.length;
    if (!list.length) return;
    add(box, h('div', { class: 'table-wrap' }, h('table', { class: 'failed-delivery-table' },
      h('thead', null, h('tr', null, ['org.fd.order', 'org.fd.to', 'org.fd.channel', 'org.fd.kind', 'org.fd.attempts', 'org.fd.error', 'org.fd.at']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, list.map((d) => h('tr', { 'data-delivery': d.id },
        h('td', null, d.orderId),
        h('td', null, `${t(`org.fd.recipient.${d.recipient}`)} ${d.recipientId || ''}`.trim()),
        h('td', null, t(`org.fd.channel.${d.channel}`)),
        h('td', null, t(`org.fd.kind.${d.kind}`)),
        h('td', { class: 'num' }, String(d.attempt)),
        h('td', { class: 'reason' }, d.error || '—'),
        h('td', null, fmtTime(d.at))))))));
  };
  const load = async () => {
    try { list = await api('/api/organizer/deliveries?outcome=Failed', { token }); } catch { list = []; }
    render();
  };
  onLangChange(render);
  return load;
}
