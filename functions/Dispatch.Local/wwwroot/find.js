// Residents who lost their tracking link (找回我的订单): phone → one-time code → their orders, each with a new link.
import { initI18n, onLangChange, t } from './i18n.js';
import { post } from './api.js';
import { h, clear, errorText, say, busy, fmtTime, statusBadge } from './ui.js';
import { wireSendCode, phone } from './phone-code.js';

const $ = (id) => document.getElementById(id);
let orders = null;

initI18n();
onLangChange(render);

wireSendCode();

$('code-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    orders = await busy($('find'), () => post('/api/signin/orders', { phone: phone(), code: $('code').value.trim() }));
    clear($('status'));
    render();
  } catch (err) {
    say($('status'), 'error', errorText(err));
  }
});

function render() {
  if (!orders) return;
  const list = clear($('orders'));
  if (orders.length === 0) {
    say($('status'), 'info', t('find.none'));
    return;
  }
  for (const o of orders) {
    list.append(h('li', { class: 'card' },
      h('a', { href: o.trackingUrl, class: 'order-link' }, `${t(`category.${o.category}`)} · ${fmtTime(o.placedAt)}`),
      ' ', statusBadge(o.status)));
  }
}
