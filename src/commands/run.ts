import { type Config, requireSettings } from '../config/config';
import { parseSince } from '../config/values';
import { Deadline } from '../core/deadline';
import { usageError } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { watchedPoll } from '../health/watch';
import { poll, type RunOptions } from '../poll/poll';
import { acquireLock } from '../state/lock';

/** One poll: read the cursor, fetch new failures, mail them, then advance the cursor. */
export async function runPoll(cfg: Config, opts: RunOptions, sys: System, io: Io): Promise<Outcome> {
  requireSettings(cfg, ['ise', 'mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // --dry-run changes no state at all, not even a lock file.
  const release = opts.dryRun
    ? () => undefined
    : acquireLock(cfg.stateDir, { pid: sys.pid, now: sys.now, alive: sys.alive, staleAfterMs: 2 * cfg.deadlineMs });
  try {
    // Scheduled runs keep the health record and send the health mails (README "health"); a dry
    // run or a --since backfill is a manual one-off that leaves both alone.
    if (opts.dryRun || opts.since !== undefined) return await poll(cfg, opts, deadline, io, sys);
    return await watchedPoll(cfg, sys, deadline, (decorate) => poll(cfg, { ...opts, decorate }, deadline, io, sys));
  } finally {
    release();
  }
}

/** The flags of `run` as commander parses them. */
export interface RunFlags {
  since?: string;
  dryRun?: boolean;
  resetCursor?: boolean;
  flush?: boolean;
}

/** Checks the flags of `run` (usage errors, exit 2) before any configuration is read. */
export function runOptions(flags: RunFlags, now: number): RunOptions {
  const since = flags.since === undefined ? undefined : parseSince(flags.since, now);
  if (flags.since !== undefined && since === undefined)
    throw usageError(
      `--since "${flags.since}" is not a time: use an ISO-8601 timestamp or a duration such as 90m, 6h, 2d`,
    );
  if (since !== undefined && flags.flush)
    throw usageError('--flush and --since do not mix: a backfill bypasses the digest spool');
  return { since, dryRun: Boolean(flags.dryRun), resetCursor: Boolean(flags.resetCursor), flush: Boolean(flags.flush) };
}
