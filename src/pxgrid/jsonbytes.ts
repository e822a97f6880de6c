/**
 * The bytes of JSON's structure that the byte scans (jsonscan.ts, jsonstream.ts) compare with,
 * and how a top-level key's bytes read as text (once per key, never per byte).
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;
export const COMMA = 0x2c;

/** The key's text, escapes resolved; a malformed key just never matches. */
export function decodeKey(bytes: number[]): string {
  const raw = Buffer.from(bytes).toString('utf8');
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
