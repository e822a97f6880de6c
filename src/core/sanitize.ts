/**
 * Every value in a failure record is untrusted: a supplicant chooses its userName, and anyone who
 * plugs into a port chooses the calling station. Values are cleaned before they reach any part
 * of a mail, and HTML-escaped in the HTML part.
 */

import { UNSAFE } from './printable';

/**
 * What UNSAFE matches, the non-ASCII white space trim() removes, and all surrogates: a text with
 * none of these is already clean but for ASCII spaces at its ends. One test of it is the common
 * case; a storm cleans ~3 million values.
 */
export const SUSPECT_CLASS =
  '[\\u0000-\\u001f\\u007f-\\u00a0\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f' +
  '\\u205f-\\u206f\\u3000\\ufeff\\ud800-\\udfff]';
const SUSPECT = new RegExp(SUSPECT_CLASS);
/** SUSPECT, or a space at either end: a text that matches neither needs no cleaning at all. */
const NOT_CLEAN = new RegExp(`${SUSPECT_CLASS}|^ | $`);

export const MAX_VALUE_CHARS = 200;
/** Containers nested deeper than this are shown as a placeholder: ISE's own records nest 2 levels. */
export const MAX_VALUE_DEPTH = 32;
const TOO_DEEP = '"(nested too deep)"';

/**
 * `value` as JSON text, never deeper than `maxDepth` (deeper containers become a placeholder
 * string) and cut soon after `maxChars`: a record nested 5 000 levels deep must not exhaust the stack.
 * Records come from JSON.parse, so only plain JSON values occur.
 */
export function jsonText(value: unknown, maxChars = Number.POSITIVE_INFINITY, maxDepth = MAX_VALUE_DEPTH): string {
  const out: string[] = [];
  let left = maxChars + 1;
  const put = (s: string) => {
    out.push(s.length > left ? s.slice(0, left) : s);
    left -= s.length;
  };
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') return put(JSON.stringify(v.length > left ? v.slice(0, left) : v));
    if (v === null || typeof v !== 'object') return put(v === undefined ? 'null' : String(v));
    if (depth >= maxDepth) return put(TOO_DEEP);
    const array = Array.isArray(v);
    put(array ? '[' : '{');
    let n = 0;
    for (const key in v) {
      if (left <= 0) break;
      if (!Object.hasOwn(v, key)) continue;
      if (n++ > 0) put(',');
      if (!array) put(`${JSON.stringify(key)}:`);
      walk((v as Record<string, unknown>)[key], depth + 1);
    }
    put(array ? ']' : '}');
  };
  walk(value, 0);
  return out.join('');
}

/** A value as one line of text: a list joins its items with `, `, an object is shown as JSON. */
export function textOf(value: unknown, max: number): string {
  if (typeof value !== 'object' || value === null) return String(value).slice(0, 2 * max + 64);
  if (!Array.isArray(value)) return jsonText(value, max);
  const parts: string[] = [];
  let length = 0;
  for (const item of value) {
    if (length > max) break;
    const text = typeof item === 'string' ? item.slice(0, max + 1) : jsonText(item, max);
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join(', ');
}

/**
 * True when `text` needs no cleaning but the trimming of ASCII spaces (see SUSPECT). One native
 * regex test: a character loop in JavaScript was ~12 times the instructions before V8 optimizes it,
 * which a poll of a thousand records never reaches (measured).
 */
const isPlain = (text: string): boolean => !SUSPECT.test(text);

/** Strips ASCII spaces only: for a plain text that is what trim() does; any other text keeps the rest. */
function trimPlain(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

/** A display-safe single line: unsafe characters become `?`, then the length is capped. */
export function clean(value: unknown, max = MAX_VALUE_CHARS): string {
  if (value === undefined || value === null) return '';
  const text = textOf(value, max);
  if (text.length <= max && !NOT_CLEAN.test(text)) return text;
  if (text.length <= max && isPlain(text)) return trimPlain(text);
  const safe = text.replace(UNSAFE, '?').trim();
  if (safe.length <= max) return safe;
  // Cut on a code point boundary so no lone surrogate is left.
  return `${Array.from(safe.slice(0, max + 1))
    .slice(0, max - 1)
    .join('')}…`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const HTML_SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text;
}
