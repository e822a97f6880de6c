import type { Config } from '../config/config';
import { requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { type Leftover, THE_RUN, untilStopped } from '../core/interrupt';
import type { Io, Outcome, System } from '../core/outcome';
import { type Decorate, stuckLockFailure, watchedPoll } from '../health/watch';
import { poll, type RunOptions } from '../poll/poll';
import { acquireLock, LockHeld } from '../state/lock';

/**
 * After RUN_DEADLINE a run may still send its health mails (at least 20 s each, at most two), so
 * a lock older than RUN_DEADLINE plus this is stale even if a process with its pid exists.
 */
const RUN_TAIL_MS = 60_000;

/** One poll: read the cursor, fetch new failures, mail them, then advance the cursor. */
export async function runPoll(cfg: Config, opts: RunOptions, sys: System, io: Io): Promise<Outcome> {
  requireSettings(cfg, ['ise', 'mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // A signal stops the poll where it is; the error path below still records it and frees the lock.
  // Its ERROR line says what becomes of the failures: fetched again, or held by the digest spool.
  let left: Leftover = 'fetched-again';
  const onSpooled = () => {
    left = 'spooled';
  };
  const once = (decorate?: Decorate) =>
    untilStopped(sys.stop, poll(cfg, { ...opts, decorate, onSpooled }, deadline, io, sys), THE_RUN, () => left);
  let release: () => void = () => undefined;
  try {
    // --dry-run changes no state at all, not even a lock file.
    if (!opts.dryRun)
      release = acquireLock(cfg.stateDir, {
        pid: sys.pid,
        now: sys.now,
        alive: sys.alive,
        maxRunMs: cfg.deadlineMs + RUN_TAIL_MS,
      });
  } catch (err) {
    throw await refused(cfg, opts, sys, deadline, err);
  }
  try {
    // Scheduled runs keep the health record and send the health mails (README "health"); a dry
    // run or a --since backfill is a manual one-off that leaves both alone.
    if (opts.dryRun || opts.since !== undefined) return await once();
    return await watchedPoll(cfg, sys, deadline, once);
  } finally {
    release();
  }
}

/** Refused by the lock: a plain WARN, unless the lock has been held longer than HEALTH_ALERT_AFTER. */
async function refused(cfg: Config, opts: RunOptions, sys: System, deadline: Deadline, err: unknown) {
  if (!(err instanceof LockHeld) || !err.owner || opts.since !== undefined) return err;
  const { pid, started } = err.owner;
  const heldMs = sys.now() - started;
  if (heldMs < cfg.health.alertAfterMs) return err;
  const holder = `another run (pid ${pid}, started ${new Date(started).toISOString()})`;
  const stuck = new AppError(
    'lock-stuck',
    `${holder} has held ${err.file} for ${Math.round(heldMs / 60_000)} min, longer than HEALTH_ALERT_AFTER: ` +
      'it may be stuck; this run did nothing. Stop that process, or delete the file if it is gone',
  );
  return stuckLockFailure(cfg, sys, deadline, stuck, started);
}
