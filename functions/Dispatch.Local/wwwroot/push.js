// Web Push on this phone: registers the service worker (sw.js), subscribes with the server's public VAPID key and
// hands the subscription to the API, which then sends offers and reminders to this phone; and turns that off again.
import { api } from './api.js';
import { lang } from './i18n.js';

/** True when this browser can get push (a secure context with service workers and the Push API). */
export const canPush = () => window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Asks permission, subscribes and stores the subscription; answers the person's channels. */
export async function subscribePush(publicKey, pushPath, token) {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('permission');
  const registration = await navigator.serviceWorker.register('sw.js');
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  // The page's language goes along: pushes are written in it, also for someone who never saves the settings form.
  return api(pushPath, { method: 'POST', body: { ...subscription.toJSON(), language: lang() }, token });
}

/** This phone's subscription, or null when push is not on here. */
export async function currentPush() {
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

/** Tells the API to forget this phone's subscription, then unsubscribes (in that order: a failed call can be
 * retried while the browser still knows the endpoint). */
export async function unsubscribePush(pushPath, token) {
  const subscription = await currentPush();
  if (!subscription) return;
  await api(pushPath, { method: 'DELETE', body: { endpoint: subscription.endpoint }, token });
  await subscription.unsubscribe();
}
