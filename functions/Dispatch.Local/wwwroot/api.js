// A small fetch wrapper: bearer token from the link (or, without one, the session cookie the browser sends on
// same-origin requests), JSON in and out, RFC 9457 problems as ApiError.

/** The signed token from the page link (?t=...). */
export function tokenFromUrl() {
  return new URLSearchParams(location.search).get('t') || '';
}

/** A page's address carrying the link's token, or none when the person is signed in (the session opens it). */
export function withToken(path, token) {
  return token ? `${path}${path.includes('?') ? '&' : '?'}t=${encodeURIComponent(token)}` : path;
}

export function param(name) {
  return new URLSearchParams(location.search).get(name) || '';
}

let signInWhenAnonymous = false;

/** Pages a signed-in person may open without a link: an answer 401 to a call without a link (no session, or an
 * expired one) sends the person to sign in, and back here afterwards. */
export function useSession() { signInWhenAnonymous = true; }

/** The sign-in page, returning to this page. */
export function signInUrl() {
  return `signin.html?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 when the network failed)
   * @param {{type?:string,title?:string,detail?:string,errors?:Object<string,string[]>}} problem
   */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.type = problem?.type || '';
    /** The last path segment of the problem type, e.g. "already-taken". */
    this.code = this.type ? this.type.replace(/\/+$/, '').split('/').pop() : '';
    /** Field errors with lower-cased keys. */
    this.errors = {};
    if (problem && problem.errors && typeof problem.errors === 'object') {
      for (const [k, v] of Object.entries(problem.errors)) {
        this.errors[k.charAt(0).toLowerCase() + k.slice(1)] = Array.isArray(v) ? v.map(String) : [String(v)];
      }
    }
  }
}

/** A random key, the same for every resubmit of one form load (works without a secure context). */
export function randomKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Call the API. Throws ApiError for non-2xx answers (with the parsed problem) and for network failures (status 0).
 * @param {string} path
 * @param {{method?:string, body?:any, token?:string, headers?:Object<string,string>, signal?:AbortSignal}} [opts]
 */
export async function api(path, opts = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...(opts.headers || {}) };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res;
  try {
    res = await fetch(path, {
      method: opts.method || (body ? 'POST' : 'GET'),
      headers,
      body,
      cache: 'no-store',
      credentials: 'same-origin', // the session cookie; never sent to another site
      signal: opts.signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, { type: 'network', title: 'Network error', detail: '' });
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (res.status === 401 && !opts.token && signInWhenAnonymous) {
    location.assign(signInUrl());
  }
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? data : { title: res.statusText, detail: text.slice(0, 300) };
    throw new ApiError(res.status, problem);
  }
  return data;
}

export const post = (path, body, token, headers) => api(path, { method: 'POST', body: body ?? {}, token, headers });

export const orderPath = (orderId, action) =>
  `/api/orders/${encodeURIComponent(orderId)}${action ? `/${action}` : ''}`;
