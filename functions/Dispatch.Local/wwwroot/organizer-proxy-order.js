// 代下单 on the organizer page: a grid worker places an order for a resident without a smartphone with the shared
// order form; the answer's tracking link is shown to read out or print. Its draft is kept apart from a resident's.
import { tokenFromUrl } from './api.js';
import { mountOrderForm } from './order-form.js';

mountOrderForm(document.getElementById('proxy-root'), {
  endpoint: '/api/organizer/orders', token: tokenFromUrl(), draftKey: 'dispatch.proxyOrderDraft', prefix: 'proxy-', proxy: true,
});
