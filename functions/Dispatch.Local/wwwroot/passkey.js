// Passkeys (通行密钥): the browser's WebAuthn JSON helpers on both sides; the server keeps each ceremony's options.
import { post } from './api.js';

/** Whether this browser can create and use passkeys from JSON options. */
export function passkeysSupported() {
  return !!(window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON && PublicKeyCredential.parseRequestOptionsFromJSON);
}

/** The options without null members: the browser's parser refuses null where a member may only be left out. */
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/** Creates a passkey for the signed-in person and registers it. */
export async function addPasskey() {
  const { ceremonyId, options } = await post('/api/passkeys/register/options');
  const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(withoutNulls(options)) });
  return post('/api/passkeys/register', { ceremonyId, response: credential.toJSON() });
}

/** Signs in with a passkey of this site; resolves to the session ({role, home, …}). */
export async function signInWithPasskey() {
  const { ceremonyId, options } = await post('/api/passkeys/signin/options');
  const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(withoutNulls(options)) });
  return post('/api/passkeys/signin', { ceremonyId, response: credential.toJSON() });
}
