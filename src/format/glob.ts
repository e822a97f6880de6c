/**
 * Case-insensitive globs (`*` any run of characters, `?` exactly one) matched without regular
 * expressions: a user name is chosen by the supplicant, and a pattern such as `*a*a*a*b` compiled to
 * a backtracking RegExp takes polynomial time on a long hostile name
 * (https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS).
 *
 * The pattern is split at its stars; the first piece must match at the start, the last at the end,
 * and each middle piece at its leftmost place after the previous one. Leftmost-first is always a
 * correct choice for a star-separated piece, so nothing is ever retried: the cost is at most
 * (text length x longest piece), linear in the text for a given pattern.
 */
export type Glob = (text: string) => boolean;

export function compileGlob(pattern: string): Glob {
  const pieces = pattern.split('*').map(chars);
  if (pieces.length === 1) {
    const only = pieces[0]!;
    return (text) => {
      const t = chars(text);
      return t.length === only.length && matchesAt(t, 0, only);
    };
  }
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p.length > 0);
  return (text) => {
    const t = chars(text);
    if (t.length < first.length + last.length || !matchesAt(t, 0, first)) return false;
    let at = first.length;
    const end = t.length - last.length;
    for (const piece of middle) {
      const found = indexOf(t, piece, at, end);
      if (found < 0) return false;
      at = found + piece.length;
    }
    return matchesAt(t, end, last);
  };
}

/** Lower-cased code points, so `?` stands for one character even outside the BMP. */
const chars = (s: string): string[] => Array.from(s.toLowerCase());

function matchesAt(text: string[], at: number, piece: string[]): boolean {
  for (let i = 0; i < piece.length; i++) if (piece[i] !== '?' && piece[i] !== text[at + i]) return false;
  return true;
}

/** Leftmost start >= from where `piece` matches and ends by `end`; -1 when there is none. */
function indexOf(text: string[], piece: string[], from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) if (matchesAt(text, at, piece)) return at;
  return -1;
}
