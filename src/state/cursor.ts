import * as z from 'zod/mini';
import { stateError } from '../core/errors';
import { parseIso } from '../core/isotime';
import { checkOf } from '../core/shape';
import { plausible } from '../core/times';
import { AtomicFile, writeFileAtomic } from './atomic';
import { readStateJson, stateFile } from './files';
import { IdTimeSet } from './idset';
import { jsonChunks, takePairs } from './seen-json';

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
  /**
   * Set after a storm with more ids in the overlap window than MAX_TRACKED_IDS: `seen` is complete
   * only from this time on, so the next query starts here instead of `highWater - overlap`.
   */
  trackedFrom?: number;
  /** Canonical id -> record time (ms), for ids whose time is within the overlap window. */
  seen: SeenIds;
}

/** What the cursor needs of its id list; a Map<string, number> is one, IdTimeSet (compact) another. */
export interface SeenIds extends Iterable<readonly [string, number | undefined]> {
  has(id: string): boolean;
  readonly size: number;
}

const cursorFile = checkOf(() =>
  z.object({
    version: z.literal(1),
    highWater: z.nullable(z.string()),
    trackedFrom: z.optional(z.string()),
    // Pairs are checked one by one in readCursorFile, where they are read.
    seen: z.array(z.unknown()),
  }),
);

const isPair = (e: unknown): e is [string, string] =>
  Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string';

const RESET = 'run once with --reset-cursor to start fresh (as on a first run: the last hour is mailed again)';

export function emptyCursor(): Cursor {
  return { seen: new IdTimeSet() };
}

export function loadCursor(stateDir: string): Cursor {
  return readCursorFile(stateFile.cursor(stateDir));
}

/** A cursor from any file in the cursor's format (the digest spool keeps the next one beside itself). */
export function readCursorFile(file: string): Cursor {
  let seen = new IdTimeSet();
  let badTime = false;
  const add = (id: string, time: string) => {
    const t = parseIso(time);
    badTime ||= !Number.isFinite(t);
    seen.add(id, t);
  };
  const data = readStateJson(file, cursorFile, RESET, (text) => {
    const rest = takePairs(text, add);
    if (rest !== undefined) return rest;
    seen = new IdTimeSet(); // not our compact layout: JSON.parse reads it all
    badTime = false;
    return text;
  });
  if (!data) return emptyCursor();
  const hw = data.highWater === null ? undefined : Date.parse(data.highWater);
  const from = data.trackedFrom === undefined ? undefined : Date.parse(data.trackedFrom);
  for (const entry of data.seen) {
    if (!isPair(entry)) throw stateError(`state file ${file} has an invalid entry in "seen"; ${RESET}`);
    add(entry[0], entry[1]);
  }
  if ([hw, from].some((t) => t !== undefined && !Number.isFinite(t)) || badTime) {
    throw stateError(`state file ${file} has an invalid time; ${RESET}`);
  }
  return from === undefined ? { highWater: hw, seen } : { highWater: hw, trackedFrom: from, seen };
}

export function saveCursor(stateDir: string, cursor: Cursor): void {
  writeCursorFile(stateFile.cursor(stateDir), cursor);
}

export function writeCursorFile(file: string, cursor: Cursor): void {
  writeFileAtomic(file, cursorChunks(cursor), 0o600);
}

/**
 * The cursor written aside and made durable now, put in place by `commit` once the mail is
 * accepted (`abort` otherwise): a cursor that cannot be saved is known before the mail goes, so
 * the mail can say it will come again. Throws like saveCursor.
 */
export function prepareCursor(stateDir: string, cursor: Cursor): AtomicFile {
  const out = new AtomicFile(stateFile.cursor(stateDir), 0o600);
  for (const piece of cursorChunks(cursor)) out.write(piece);
  out.sync();
  return out;
}

function cursorChunks(cursor: Cursor): Iterable<string> {
  const hw = cursor.highWater === undefined ? null : new Date(cursor.highWater).toISOString();
  const from = cursor.trackedFrom === undefined ? '' : `"trackedFrom":"${new Date(cursor.trackedFrom).toISOString()}",`;
  const head = `{"version":1,"highWater":${JSON.stringify(hw)},${from}"seen":[`;
  const { seen } = cursor;
  const pairs = seen instanceof IdTimeSet ? seen.byTime() : [...seen].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
  return jsonChunks(head, pairs);
}

/**
 * The `startTimestamp` to ask for (ms), or undefined for `{}` (ISE's last hour: the device clock
 * does not matter). A high-water mark outside the years 2000-2100 (left by an older version) is
 * no time to start from: the run starts afresh, as a first run does.
 */
export function queryStart(cursor: Cursor, overlapMs: number): number | undefined {
  if (!plausible(cursor.highWater)) return undefined;
  const start = cursor.highWater - overlapMs;
  return cursor.trackedFrom !== undefined && cursor.trackedFrom > start ? cursor.trackedFrom : start;
}

/** Ids are digit strings: canonical form drops leading zeros so "0012" and "12" are one id.
 * BigInt, never Number: 16+ digit ids exceed 2^53. */
export function canonicalId(id: string): string {
  return id.charCodeAt(0) === 0x30 && /^\d+$/.test(id) ? BigInt(id).toString() : id;
}

/** Most ids the cursor keeps: ~47 bytes each in cursor.json, ~24 bytes each in memory. */
export const MAX_TRACKED_IDS = 250_000;

export interface Clock {
  /** ISE's clock, from the HTTP Date header of its reply. */
  iseNow?: number;
  /** No record time past this moves the cursor: ISE's now plus a skew allowance. */
  limit?: number;
  /** The batch keeps ids only from this time on (it held more than MAX_TRACKED_IDS). */
  trackedFrom?: number;
}

/**
 * The cursor after `mailed` records (canonical id -> time) were accepted by the mail server:
 * high-water moves to the newest of them not past `limit`, and only ids within the new overlap
 * window are kept, at most MAX_TRACKED_IDS of them (the newest).
 */
export function advance(
  cursor: Cursor,
  mailed: IdTimeSet | Map<string, number | undefined>,
  overlapMs: number,
  clock: Clock = {},
): Cursor {
  const limit = clock.limit ?? Number.POSITIVE_INFINITY;
  let hw = plausible(cursor.highWater) ? cursor.highWater : undefined;
  // A high-water mark past ISE's clock (left by an older version) would hide every later failure.
  if (hw !== undefined && hw > limit) hw = clock.iseNow ?? limit;
  const newest = mailed instanceof IdTimeSet ? mailed.maxTime(limit) : maxOf(mailed.values(), limit);
  if (plausible(newest) && (hw === undefined || newest > hw)) hw = newest;
  hw ??= clock.iseNow;
  const seen = new IdTimeSet();
  const tracked = Math.max(clock.trackedFrom ?? -Infinity, cursor.trackedFrom ?? -Infinity);
  const keepFrom = Math.max(hw === undefined ? -Infinity : hw - overlapMs, tracked);
  const keep = (t: number) => t >= keepFrom;
  // A record without a usable time is kept for one overlap window from the high-water mark.
  const timeless = hw ?? 0;
  for (const list of [cursor.seen, mailed]) {
    if (list instanceof IdTimeSet) seen.addFrom(list, keep, timeless);
    else for (const [id, t] of list) if (keep(t ?? timeless)) seen.add(id, t ?? timeless);
  }
  let from = keepFrom > (hw ?? Infinity) - overlapMs ? keepFrom : undefined;
  if (seen.size > MAX_TRACKED_IDS) {
    from = seen.floorFor(MAX_TRACKED_IDS);
    seen.dropBefore(from);
  }
  return from === undefined ? { highWater: hw, seen } : { highWater: hw, trackedFrom: from, seen };
}

function maxOf(times: Iterable<number | undefined>, upTo: number): number | undefined {
  let max: number | undefined;
  for (const t of times) if (t !== undefined && t <= upTo && (max === undefined || t > max)) max = t;
  return max;
}
