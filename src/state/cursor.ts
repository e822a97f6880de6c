import * as z from 'zod';
import { usageError } from '../errors';
import { writeFileAtomic } from './atomic';
import { readStateJson, stateFile } from './files';

/**
 * The cursor: what has been mailed. ISE's getFailures takes only `startTimestamp`, with no paging,
 * unknown inclusivity, and records that can become visible late (MnT ingestion lag). So each poll
 * re-reads from `highWater - overlap` and drops the ids already mailed within that window.
 *
 * Version 1 on disk: { version, highWater: ISO | null, seen: [[id, ISO], ...] }.
 */
export interface Cursor {
  /** Newest record time mailed (ms since epoch), or the ISE clock of the first empty poll. */
  highWater?: number;
  /** Canonical id -> record time (ms), for ids whose time is within the overlap window. */
  seen: Map<string, number>;
}

const fileSchema = z.object({
  version: z.literal(1),
  highWater: z.string().nullable(),
  seen: z.array(z.tuple([z.string(), z.string()])),
});

const RESET = "run once with --reset-cursor to start fresh (as on a first run: the last hour is mailed again)";

export function emptyCursor(): Cursor {
  return { seen: new Map() };
}

export function loadCursor(stateDir: string): Cursor {
  const file = stateFile.cursor(stateDir);
  const data = readStateJson(file, fileSchema, RESET);
  if (!data) return emptyCursor();
  const hw = data.highWater === null ? undefined : Date.parse(data.highWater);
  const seen = new Map<string, number>();
  for (const [id, ts] of data.seen) seen.set(id, Date.parse(ts));
  if ((hw !== undefined && !Number.isFinite(hw)) || [...seen.values()].some((t) => !Number.isFinite(t))) {
    throw usageError(`state file ${file} has an invalid time; ${RESET}`);
  }
  return { highWater: hw, seen };
}

export function saveCursor(stateDir: string, cursor: Cursor): void {
  const seen = [...cursor.seen].sort((a, b) => a[1] - b[1]).map(([id, t]) => [id, new Date(t).toISOString()]);
  const data = { version: 1, highWater: cursor.highWater === undefined ? null : new Date(cursor.highWater).toISOString(), seen };
  writeFileAtomic(stateFile.cursor(stateDir), `${JSON.stringify(data)}\n`, 0o600);
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
export function advance(cursor: Cursor, mailed: Iterable<readonly [string, number | undefined]>, overlapMs: number, iseNow?: number): Cursor {
  let hw = cursor.highWater;
  for (const [, t] of mailed) if (t !== undefined && (hw === undefined || t > hw)) hw = t;
  if (hw === undefined) hw = iseNow;
  const seen = new Map<string, number>();
  const keepFrom = hw === undefined ? -Infinity : hw - overlapMs;
  const add = (id: string, t: number) => t >= keepFrom && seen.set(id, t);
  for (const [id, t] of cursor.seen) add(id, t);
  // A record without a usable time is kept for one overlap window from the high-water mark.
  for (const [id, t] of mailed) add(id, t ?? hw ?? 0);
  return { highWater: hw, seen };
}
