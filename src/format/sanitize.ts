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

export const MAX_VALUE_CHARS = 200;

/** A display-safe single line: unsafe characters become `?`, then the length is capped. */
export function clean(value: unknown, max = MAX_VALUE_CHARS): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value)
    ? value.map(String).join(', ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  const safe = text.replace(UNSAFE, '?').trim();
  if (safe.length <= max) return safe;
  // Cut on a code point boundary so no lone surrogate is left.
  return `${Array.from(safe.slice(0, max + 1))
    .slice(0, max - 1)
    .join('')}…`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
