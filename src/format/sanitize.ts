/**
 * Every value in a failure record is untrusted: a supplicant chooses its userName, and anyone who
 * plugs into a port chooses the calling station. Values are cleaned before they reach any part
 * of a mail, and HTML-escaped in the HTML part.
 */

// C0/C1 controls (incl. CR/LF/TAB), bidi embeddings/overrides/isolates, zero-width characters,
// line/paragraph separators and the BOM: all can disguise or reorder what an engineer reads.
// Also the Arabic letter mark and Mongolian vowel separator (invisible format characters) and the
// tag block U+E0000-E007F (invisible text): https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;

/**
 * What UNSAFE matches, the non-ASCII white space trim() removes, and all surrogates: a text with
 * none of these is already clean but for ASCII spaces at its ends. One test of it is the common
 * case; a storm cleans ~3 million values.
 */
export const SUSPECT_CLASS =
  '[\\u0000-\\u001f\\u007f-\\u00a0\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff\\ud800-\\udfff]';
const SUSPECT = new RegExp(SUSPECT_CLASS);
/** SUSPECT, or a space at either end: a text that matches neither needs no cleaning at all. */
const NOT_CLEAN = new RegExp(`${SUSPECT_CLASS}|^ | $`);

export const MAX_VALUE_CHARS = 200;

/** The text of a record value before cleaning: lists joined with ", ", objects as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * True when `text` needs no cleaning but the trimming of ASCII spaces (see SUSPECT). One native
 * regex test: a character loop in JavaScript was ~12 times the instructions before V8 optimizes it,
 * which a poll of a thousand records never reaches (measured).
 */
export const isPlain = (text: string): boolean => !SUSPECT.test(text);

/** Strips ASCII spaces only: for a plain text that is what trim() does; any other text keeps the rest. */
export function trimPlain(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

/** A display-safe single line: unsafe characters become `?`, then the length is capped. */
export function clean(value: unknown, max = MAX_VALUE_CHARS): string {
  const text = textOf(value);
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
