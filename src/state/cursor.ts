import * as z from 'zod';
import { stateError } from '../core/errors';
import { writeFileAtomic } from './atomic';
import { readStateJson, stateFile } from './files';
import { IdTimeSet } from './idset';

/**
 * The cursor: what has been mailed. ISE's getFailures takes only `startTimestamp`, with no paging,
 * unknown inclusivity, and records that can become visible late (MnT ingestion lag). So each poll
 * re-reads from `highWater - overlap` and drops the ids already mailed within that window.
 *
 * Version 1 on disk: { version, highWater: ISO | null, seen: [[id, ISO], ...] }. After a storm
 * `seen` holds every id of the overlap window, ~100 000: it lives in an IdTimeSet (off the JS
 * heap) and is read and written without building the whole list twice.
 */
export interface Cursor {
  /** Newest record time mailed (ms since epoch), or the ISE clock of the first empty poll. */
  highWater?: number;
  /** Canonical id -> record time (ms), for ids whose time is within the overlap window. */
  seen: SeenIds;
}

/** What the cursor needs of its id list; a Map<string, number> is one, IdTimeSet (compact) another. */
export interface SeenIds extends Iterable<readonly [string, number | undefined]> {
  has(id: string): boolean;
  readonly size: number;
}

const fileSchema = z.object({
  version: z.literal(1),
  highWater: z.string().nullable(),
  // Pairs are checked by hand in loadCursor: zod copying 100 000 tuples cost more than the run.
  seen: z.array(z.unknown()),
});

const isPair = (e: unknown): e is [string, string] =>
  Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string';

const RESET = 'run once with --reset-cursor to start fresh (as on a first run: the last hour is mailed again)';

export function emptyCursor(): Cursor {
  return { seen: new IdTimeSet() };
}

export function loadCursor(stateDir: string): Cursor {
  const file = stateFile.cursor(stateDir);
  let seen = new IdTimeSet();
  let badTime = false;
  const add = (id: string, time: string) => {
    const t = Date.parse(time);
    badTime ||= !Number.isFinite(t);
    seen.add(id, t);
  };
  const data = readStateJson(file, fileSchema, RESET, (text) => {
    const rest = takePairs(text, add);
    if (rest !== undefined) return rest;
    seen = new IdTimeSet(); // not our compact layout: JSON.parse reads it all
    badTime = false;
    return text;
  });
  if (!data) return emptyCursor();
  const hw = data.highWater === null ? undefined : Date.parse(data.highWater);
  for (const entry of data.seen) {
    if (!isPair(entry)) throw stateError(`state file ${file} has an invalid entry in "seen"; ${RESET}`);
    add(entry[0], entry[1]);
  }
  if ((hw !== undefined && !Number.isFinite(hw)) || badTime) {
    throw stateError(`state file ${file} has an invalid time; ${RESET}`);
  }
  return { highWater: hw, seen };
}

const SEEN_START = '"seen":[';
const PAIR = /\[("(?:[^"\\\u0000-\u001f]|\\.)*"),"([^"\\\u0000-\u001f]*)"\]([,\]])/y;

/**
 * Reads the pairs of `seen` as this module writes them (compact JSON) straight from the text into
 * `add`, and returns the text with an empty list: JSON.parse would first build all ~100 000 pairs
 * of a storm as arrays (~20 MB). Undefined for any other layout (a hand-edited file).
 */
function takePairs(text: string, add: (id: string, time: string) => void): string | undefined {
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

export function saveCursor(stateDir: string, cursor: Cursor): void {
  const hw = cursor.highWater === undefined ? null : new Date(cursor.highWater).toISOString();
  const head = `{"version":1,"highWater":${JSON.stringify(hw)},"seen":[`;
  writeFileAtomic(stateFile.cursor(stateDir), jsonChunks(head, cursor.seen), 0o600);
}

/** The file in pieces of 1000 pairs, oldest first, never as one string. */
function* jsonChunks(head: string, seenIds: SeenIds): Generator<string> {
  const pairs =
    seenIds instanceof IdTimeSet ? seenIds.byTime() : [...seenIds].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
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

/** The `startTimestamp` to ask for, or undefined for `{}` (ISE's last hour: the device clock does not matter). */
export function queryStart(cursor: Cursor, overlapMs: number): string | undefined {
  return cursor.highWater === undefined ? undefined : new Date(cursor.highWater - overlapMs).toISOString();
}

/** Ids are digit strings: canonical form drops leading zeros so "0012" and "12" are one id.
 * BigInt, never Number: 16+ digit ids exceed 2^53. */
export function canonicalId(id: string): string {
  return /^\d+$/.test(id) ? BigInt(id).toString() : id;
}

/** Record time as an instant; ISE sends `Z` or a local offset such as `-07:00`. */
export function recordTime(timestamp: string): number | undefined {
  const t = Date.parse(timestamp);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The cursor after `mailed` records (canonical id -> time) were accepted by the mail server:
 * high-water moves to the newest of them, and only ids within the new overlap window are kept.
 */
export function advance(
  cursor: Cursor,
  mailed: Iterable<readonly [string, number | undefined]>,
  overlapMs: number,
  iseNow?: number,
): Cursor {
  let hw = cursor.highWater;
  const newest = mailed instanceof IdTimeSet ? mailed.maxTime() : undefined;
  if (newest !== undefined && (hw === undefined || newest > hw)) hw = newest;
  if (!(mailed instanceof IdTimeSet))
    for (const [, t] of mailed) if (t !== undefined && (hw === undefined || t > hw)) hw = t;
  if (hw === undefined) hw = iseNow;
  const seen = new IdTimeSet();
  const keepFrom = hw === undefined ? -Infinity : hw - overlapMs;
  const keep = (t: number) => t >= keepFrom;
  // A record without a usable time is kept for one overlap window from the high-water mark.
  const timeless = hw ?? 0;
  for (const list of [cursor.seen, mailed]) {
    if (list instanceof IdTimeSet) seen.addFrom(list, keep, timeless);
    else for (const [id, t] of list) if (keep(t ?? timeless)) seen.add(id, t ?? timeless);
  }
  return { highWater: hw, seen };
}
