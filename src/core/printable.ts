// C0/C1 controls (incl. CR/LF/TAB), bidi embeddings/overrides/isolates, zero-width characters,
// line/paragraph separators and the BOM: all can disguise or reorder what an engineer reads, and
// ESC or BEL from ISE would reach a terminal or syslog. Also the Arabic letter mark and Mongolian
// vowel separator (invisible format characters) and the tag block U+E0000-E007F (invisible text):
// https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
export const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;

/** One line for the summary, syslog and state files: line breaks become spaces, other unsafe characters `?`. */
export function printable(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(UNSAFE, '?');
}
