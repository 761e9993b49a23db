// The resident's order form (点单): the shared form module, its draft kept in this tab until the order is placed.
import { initI18n } from './i18n.js';
import { mountOrderForm } from './order-form.js';

initI18n();
mountOrderForm(document.getElementById('order-form-root'), { endpoint: '/api/orders', draftKey: 'dispatch.orderDraft', leave: true });
