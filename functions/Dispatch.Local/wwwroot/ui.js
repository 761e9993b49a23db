// DOM and formatting helpers shared by the pages. Server text only ever goes in through textContent.
import { t, has, lang, locale } from './i18n.js';
import { api, post, useSession } from './api.js';
import { passkeysSupported, addPasskey } from './passkey.js';

/**
 * Create an element. attrs: class, text (textContent), on{Event} handlers, dataset via data-*, booleans set as properties.
 * Children: nodes or strings (strings become text nodes), null/false skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Append children, skipping null/false (Element.append would print "null"). */
export function add(el, ...children) {
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const CHINA = 'Asia/Shanghai';

/** "6月3日 14:30" / "3 Jun, 14:30" in China time. */
export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), {
    timeZone: CHINA, month: lang() === 'zh' ? 'long' : 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
}

export function fmtDate(isoDate) {
  if (!isoDate) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00+08:00` : isoDate);
  if (Number.isNaN(d.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(locale(), { timeZone: CHINA, year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function fmtHours(n) {
  const v = Number(n);
  return Number.isFinite(v) ? (Math.round(v * 10) / 10).toString() : '';
}

/** Translate one server field message where we know it; otherwise the server's text. */
export function fieldMessage(msg) {
  const s = String(msg || '').trim();
  if (/^required\.?$/i.test(s) || /^Required \(/.test(s)) return t('err.required');
  // Volunteer posts and shifts (PostForm, PostShift).
  let p = s.match(/^1[–-](\d+) characters/);
  if (p) return t('err.length', { n: p[1] });
  p = s.match(/^A number of places from (\d+) to (\d+)/);
  if (p) return t('err.capacity', { min: p[1], max: p[2] });
  if (/^A post starts/.test(s)) return t('err.startsOn');
  p = s.match(/^On or after the start, within (\d+) days/);
  if (p) return t('err.endsOn', { n: p[1] });
  p = s.match(/^Within the post's period, (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/);
  if (p) return t('err.shiftDate', { from: fmtDate(p[1]), to: fmtDate(p[2]) });
  if (/^Not in the future/.test(s)) return t('err.future');
  let m = s.match(/^At most (\d+) characters/i);
  if (m) return t('err.maxLength', { n: m[1] });
  if (/mobile number|landline/i.test(s)) return t('err.phone');
  if (/90 days/i.test(s)) return t('err.wantedAt');
  if (/time slot has passed/i.test(s)) return t('err.slotPast');
  if (/^Choose one of/i.test(s)) return t('err.choose');
  if (/hours?/i.test(s) && /0\.5|12/.test(s)) return t('err.hours');
  m = s.match(/rating/i);
  if (m && /1.*5/.test(s)) return t('err.rating');
  return s;
}

/** One sentence for an ApiError (or any error), in the page language; the server's detail as a fallback. */
export function errorText(err) {
  if (!err) return '';
  if (err.status === 0) return t('err.network');
  const code = err.code || '';
  if (code && has(`problem.${code}`)) return t(`problem.${code}`);
  if (code.startsWith('token-')) return err.status === 403 ? t('err.forbidden') : t('err.token');
  if (err.status === 401) return t('err.token');
  if (code === 'validation') return t('err.validation');
  const detail = err.problem?.detail || err.problem?.title || err.message;
  if (lang() === 'en' && detail) return detail;
  if (err.status === 404) return t('err.notFound');
  if (err.status === 403) return t('err.forbidden');
  if (err.status === 409) return detail ? `${t('err.conflict')}（${detail}）` : t('err.conflict');
  if (err.status >= 500) return t('err.server', { status: err.status });
  return detail || t('err.server', { status: err.status });
}

/** A message box: kind = error | ok | info. */
export function message(kind, text) {
  return h('p', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Replace the content of a live region with a message (or clear it). */
export function say(region, kind, text) {
  clear(region);
  if (text) region.append(message(kind, text));
}

/** Places: id → {zh, en} names for communities, grids and buildings, loaded once from the public list. */
let placesPromise;
export function loadPlaces() {
  if (!placesPromise) {
    placesPromise = api('/api/communities').then((list) => {
      const names = new Map();
      for (const c of list || []) {
        names.set(`c:${c.communityId}`, c);
        for (const g of c.grids || []) {
          names.set(`g:${g.gridId}`, g);
          for (const b of g.buildings || []) names.set(`b:${b.buildingId}`, b);
        }
      }
      return { list: list || [], names };
    }).catch(() => ({ list: [], names: new Map() }));
  }
  return placesPromise;
}

export function placeName(places, kind, id) {
  const p = places?.names?.get(`${kind}:${id}`);
  if (!p) return id || '';
  return (lang() === 'zh' ? p.nameZh : p.nameEn) || p.nameZh || p.nameEn || id;
}

export function where(places, gridId, buildingId) {
  return [placeName(places, 'g', gridId), placeName(places, 'b', buildingId)].filter(Boolean).join(' · ');
}

/** A status pill. */
export function statusBadge(status) {
  return h('span', { class: `badge status-${String(status || '').toLowerCase()}` }, t(`status.${status}`));
}

/** Label / value rows. */
export function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(Boolean).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** Disable a button while an async action runs; returns the action's result. */
export async function busy(button, fn) {
  const old = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = t('common.sending');
  try {
    return await fn();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = old;
  }
}

/**
 * Page-level check for the link. Without one, a page that a signed-in person may open ({session: true}: the inbox,
 * the organizer's pages) goes on with the session cookie (no session: the first call sends to sign-in) and shows
 * "sign out"; any other page says the link is incomplete and where residents find their orders.
 */
export function requireToken(token, main, { session = false } = {}) {
  if (token) return true;
  if (session) {
    useSession();
    addSignOut();
    return true;
  }
  clear(main).append(message('error', t('common.noToken')),
    h('p', null, h('a', { href: 'find.html', 'data-i18n': 'find.link' }, t('find.link'))));
  return false;
}

/** The header's "sign out" button: ends the session and goes to the sign-in page. */
export function addSignOut() {
  const header = document.querySelector('header.top');
  if (!header || document.getElementById('sign-out')) return;
  const button = h('button', { type: 'button', id: 'sign-out', class: 'plain', 'data-i18n': 'signin.signOut' }, t('signin.signOut'));
  button.addEventListener('click', async () => {
    try { await post('/api/signout'); } finally { location.assign('signin.html'); }
  });
  header.append(button);
  if (passkeysSupported()) {
    const add = h('button', { type: 'button', id: 'add-passkey', class: 'plain', 'data-i18n': 'passkey.add' }, t('passkey.add'));
    add.addEventListener('click', async () => {
      try {
        await addPasskey();
        add.setAttribute('data-i18n', 'passkey.added');
        add.textContent = t('passkey.added');
        add.disabled = true;
      } catch {
        add.setAttribute('data-i18n', 'passkey.failed');
        add.textContent = t('passkey.failed');
      }
    });
    header.insertBefore(add, button);
  }
}
