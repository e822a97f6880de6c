import * as z from 'zod/mini';
import { usageError } from '../core/errors';
import { checkOf, int, isoTime } from '../core/shape';
import type { FailureRecord } from '../pxgrid/schemas';
import { writeFileAtomic } from '../state/atomic';
import { readStateJson, stateFile } from '../state/files';
import { compileTarget, parseTarget, type RecordTest, type Target, targetText } from './target';

/**
 * Mutes (docs/alert-policy.md): failures an operator already knows about. A muted failure raises
 * no incident and is left out of the mail body, but it is still counted there and still in the
 * attachment, so nothing disappears without a trace.
 *
 * Version 1 on disk (`STATE_DIR/mutes.json`, 0600, replaced atomically): the next id and the list.
 * Only the mute commands write it, under the run lock (commands/mute-lock.ts); a run only reads it,
 * so a run never overwrites a mute added while it polls. Expired mutes stop applying at once and
 * are dropped at the next write.
 */
export interface Mute extends Target {
  id: number;
  created: number;
  until: number;
  note?: string;
  by?: string;
}

export const mutesFile = stateFile.mutes;

const muteFile = checkOf(() =>
  z.object({
    version: z.literal(1),
    nextId: int(1),
    mutes: z.array(
      z.object({
        id: int(1),
        target: z.string(),
        created: isoTime(),
        until: isoTime(),
        note: z.optional(z.string()),
        by: z.optional(z.string()),
      }),
    ),
  }),
);

const RESET = 'fix or delete it (deleting it ends every mute; no failure is lost)';

export interface MuteFile {
  nextId: number;
  /** Every stored mute, expired ones included. */
  mutes: Mute[];
}

export function readMutes(stateDir: string): MuteFile {
  const data = readStateJson(mutesFile(stateDir), muteFile, RESET);
  if (!data) return { nextId: 1, mutes: [] };
  const mutes = data.mutes.map(({ target, created, until, ...rest }) => ({
    ...rest,
    ...parseStored(stateDir, target),
    created: Date.parse(created),
    until: Date.parse(until),
  }));
  return { nextId: data.nextId, mutes };
}

/** Writes the mutes still active at `now` (expired ones are dropped here). */
export function writeMutes(stateDir: string, file: MuteFile, now: number): void {
  const mutes = file.mutes
    .filter((m) => m.until > now)
    .map((m) => ({
      id: m.id,
      target: targetText(m),
      created: new Date(m.created).toISOString(),
      until: new Date(m.until).toISOString(),
      note: m.note,
      by: m.by,
    }));
  writeFileAtomic(
    mutesFile(stateDir),
    `${JSON.stringify({ version: 1, nextId: file.nextId, mutes }, null, 1)}\n`,
    0o600,
  );
}

function parseStored(stateDir: string, target: string): Target {
  try {
    return parseTarget(target);
  } catch (err) {
    throw usageError(`state file ${mutesFile(stateDir)} holds an invalid mute (${(err as Error).message}); ${RESET}`);
  }
}

/** The longest a mute may last (`mute --for`). */
export const MAX_MUTE_MS = 366 * 86_400_000;
/** Clock jitter a stored mute time is allowed beyond now or beyond MAX_MUTE_MS. */
const SLACK_MS = 10 * 60_000;

/**
 * Why a stored mute cannot be trusted, if it cannot: created in the future (made while the device
 * clock was ahead: a `--for 1h` made a year ahead would last a year) or lasting longer than any
 * `mute` makes (a hand edit). Such a mute is ignored, which errs toward mailing, and the run,
 * `mutes` and `doctor` say so.
 */
export function untrusted(m: Mute, now: number): 'created' | 'until' | undefined {
  if (m.until - m.created > MAX_MUTE_MS + SLACK_MS) return 'until';
  return m.created > now + SLACK_MS ? 'created' : undefined;
}

/** The mutes active at one instant, compiled once for a run. */
export interface MuteSet {
  readonly active: readonly Mute[];
  /** Unexpired mutes not applied (untrusted). */
  readonly ignored: readonly Mute[];
  /** The first active mute that matches the record, if any. */
  match(record: FailureRecord): Mute | undefined;
}

export function muteSet(mutes: readonly Mute[], now: number): MuteSet {
  const unexpired = mutes.filter((m) => m.until > now).sort((a, b) => a.id - b.id);
  const active = unexpired.filter((m) => !untrusted(m, now));
  const tests: Array<[Mute, RecordTest]> = active.map((m) => [m, compileTarget(m)]);
  return {
    active,
    ignored: unexpired.filter((m) => untrusted(m, now)),
    match: (record) => tests.find(([, test]) => test(record))?.[0],
  };
}

/** The active mutes of STATE_DIR at `now`. A corrupt file is a usage error naming it (exit 2). */
export function loadMutes(stateDir: string, now: number): MuteSet {
  return muteSet(readMutes(stateDir).mutes, now);
}
