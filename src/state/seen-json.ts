/**
 * The cursor's `seen` list in the compact JSON cursor.ts writes (`"seen":[["id","ISO"],...]`), read
 * and written pair by pair: after a storm it holds ~100 000 ids, which must never be built as one
 * string nor as ~100 000 small arrays.
 */
const SEEN_START = '"seen":[';
const PAIR = /\[("(?:[^"\\\u0000-\u001f]|\\.)*"),"([^"\\\u0000-\u001f]*)"\]([,\]])/y;

/**
 * Reads the pairs of `seen` as this module writes them (compact JSON) straight from the text into
 * `add`, and returns the text with an empty list: JSON.parse would first build all ~100 000 pairs
 * of a storm as arrays (~20 MB). Undefined for any other layout (a hand-edited file).
 */
export function takePairs(text: string, add: (id: string, time: string) => void): string | undefined {
  const start = text.indexOf(SEEN_START);
  if (start === -1 || text.indexOf(SEEN_START, start + 1) !== -1) return undefined;
  if (text[start + SEEN_START.length] === ']') return text;
  PAIR.lastIndex = start + SEEN_START.length;
  for (;;) {
    const m = PAIR.exec(text);
    if (!m) return undefined;
    add(m[1]!.includes('\\') ? (JSON.parse(m[1]!) as string) : m[1]!.slice(1, -1), m[2]!);
    if (m[3] === ']') break;
  }
  return `${text.slice(0, start + SEEN_START.length)}${text.slice(PAIR.lastIndex - 1)}`;
}

/** The file in pieces of 1000 pairs, oldest first, never as one string. */
export function* jsonChunks(head: string, pairs: Iterable<readonly [string, number | undefined]>): Generator<string> {
  let chunk: string[] = [];
  let first = true;
  yield head;
  for (const [id, t] of pairs) {
    chunk.push(`[${JSON.stringify(id)},"${new Date(t ?? 0).toISOString()}"]`);
    if (chunk.length === 1000) {
      yield `${first ? '' : ','}${chunk.join(',')}`;
      first = false;
      chunk = [];
    }
  }
  yield `${first || chunk.length === 0 ? '' : ','}${chunk.join(',')}]}\n`;
}
