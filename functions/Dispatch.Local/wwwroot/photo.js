// An order's one photo: the page shrinks it to at most 1600 px on the long side and re-encodes it as JPEG (a canvas
// keeps only pixels, so location and camera metadata are gone before anything is sent); the server checks again.
import { ApiError, orderPath } from './api.js';

const MAX_SIDE = 1600;
const shown = new Map(); // orderId -> object URL, so polling pages do not fetch the photo again

/** The picked file as a JPEG Blob no larger than MAX_SIDE on its long side, upright as the camera meant it. */
export async function shrink(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', 0.85));
}

async function call(orderId, token, init) {
  const headers = { Accept: 'image/*, application/problem+json', ...(init.headers || {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(orderPath(orderId, 'photo'), { ...init, headers, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { type: 'network', title: 'Network error', detail: '' });
  }
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { problem = { title: res.statusText }; }
    throw new ApiError(res.status, problem);
  }
  return res;
}

/** Sends the (shrunk) photo; replaces the one shown. */
export async function upload(orderId, blob, token) {
  await call(orderId, token, { method: 'PUT', body: blob, headers: { 'Content-Type': blob.type || 'image/jpeg' } });
  forget(orderId);
}

/** An object URL of the order's photo, or '' when it has none the caller may see. */
export async function photoUrl(orderId, token) {
  if (shown.has(orderId)) return shown.get(orderId);
  try {
    const url = URL.createObjectURL(await (await call(orderId, token, { method: 'GET' })).blob());
    shown.set(orderId, url);
    return url;
  } catch (e) {
    if (e.status === 404) return '';
    throw e;
  }
}

function forget(orderId) {
  const url = shown.get(orderId);
  if (url) URL.revokeObjectURL(url);
  shown.delete(orderId);
}
