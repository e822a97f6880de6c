/**
 * The text part's line width: 78 columns leaves room for a quote mark in an 80-column terminal
 * (RFC 5322 §2.1.1, https://www.rfc-editor.org/rfc/rfc5322#section-2.1.1). A line that holds only
 * a URL may be longer: broken, it would not open.
 */
export const WIDTH = 78;

/**
 * `text` wrapped at spaces to WIDTH, each line starting with `indent` (the first with `first`, if
 * given). A word longer than the room (a hostile user name) is cut hard, never left to overflow.
 */
export function wrap(text: string, indent = '', first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const room = WIDTH - line.length - (fresh ? 0 : 1);
    if (word.length <= room) {
      line += fresh ? word : ` ${word}`;
      fresh = false;
      continue;
    }
    if (!fresh) {
      lines.push(line);
      line = indent;
    }
    let rest = word;
    while (rest.length > WIDTH - line.length) {
      const cut = Math.max(1, WIDTH - line.length);
      lines.push(line + rest.slice(0, cut));
      rest = rest.slice(cut);
      line = indent;
    }
    line += rest;
    fresh = false;
  }
  if (!fresh || lines.length === 0) lines.push(line);
  return lines;
}

/** Every line of `lines` wrapped, keeping each one's own leading spaces as its indent. */
export function wrapAll(lines: readonly string[]): string[] {
  return lines.flatMap((l) => {
    if (l.length <= WIDTH || /^\s*https?:\/\/\S+$/.test(l)) return [l];
    const indent = /^ */.exec(l)![0];
    return wrap(l.slice(indent.length), `${indent}    `.slice(0, Math.min(indent.length + 4, 12)), indent);
  });
}
