import type { Config } from '../config/config';
import { requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
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
