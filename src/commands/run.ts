import type { Config } from '../config/config';
import { requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { summaryTime } from '../core/times';
import type { Recovery } from '../health/health-mail';
import { stuckLockFailure, unwritableFailure, watchedPoll } from '../health/watch';
import { poll, type RunOptions } from '../poll/poll';
import { type PollResult, pollOutcome } from '../poll/result';
import { stateFileNames } from '../state/files';
import { acquireLock, LockHeld, LockUnwritable, RUN_TAIL_MS, runLockEnv } from '../state/lock';
import { sweepTemps } from '../state/sweep';

/** One poll: read the cursor, fetch new failures, mail them, then advance the cursor. */
export async function runPoll(cfg: Config, opts: RunOptions, sys: System, io: Io): Promise<Outcome> {
  requireSettings(cfg, ['ise', 'mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // A signal stops the poll where it is (the poll's ERROR line says what becomes of the failures);
  // the error path below still records it and frees the lock.
  const once = (recovery?: Recovery) => poll(cfg, { ...opts, recovery }, deadline, io, sys);
  let release: () => void = () => undefined;
  try {
    // --dry-run changes no state at all, not even a lock file.
    if (!opts.dryRun) release = acquireLock(cfg.stateDir, runLockEnv(cfg.deadlineMs, sys));
  } catch (err) {
    throw await refused(cfg, opts, sys, deadline, err);
  }
  try {
    // Under the lock: no other run writes now, and what a killed one left is older than a run lasts.
    if (!opts.dryRun) sweepTemps(cfg.stateDir, stateFileNames(cfg.stateDir), sys.now(), cfg.deadlineMs + RUN_TAIL_MS);
    // Scheduled runs keep the health record and send the health mails (docs/health.md); a dry
    // run or a --since backfill is a manual one-off that leaves both alone.
    // Scheduled runs keep the health record; the summary a failing run records is the line it prints.
    const line = (r: PollResult) => pollOutcome(r).message;
    const result =
      opts.dryRun || opts.since !== undefined ? await once() : await watchedPoll(cfg, sys, deadline, once, line);
    return flushNote(cfg, opts, pollOutcome(result));
  } finally {
    release();
  }
}

/**
 * `--flush` sends the pending digest; in each-run mode nothing waits, so the flag did nothing and
 * the summary says so (a WARN: the operator asked for something that did not happen).
 */
function flushNote(cfg: Config, opts: RunOptions, out: Outcome): Outcome {
  if (!opts.flush || cfg.alert.mode === 'digest' || out.status === 'ERROR') return out;
  const note = `--flush has no effect with ALERT_MODE=${cfg.alert.mode}: every run mails at once`;
  return { ...out, status: 'WARN', message: `${out.message}; ${note}` };
}

/**
 * Refused by the lock: a plain WARN, unless the lock has been held longer than HEALTH_ALERT_AFTER.
 * A lock that cannot be written (a full or read-only STATE_DIR) is a failed run the health
 * watcher still mails about, timed without writing anything.
 */
async function refused(cfg: Config, opts: RunOptions, sys: System, deadline: Deadline, err: unknown) {
  if (opts.since !== undefined) return err;
  if (err instanceof LockUnwritable) return unwritableFailure(cfg, sys, deadline, err);
  if (!(err instanceof LockHeld) || !err.owner) return err;
  const { pid, started } = err.owner;
  const heldMs = sys.now() - started;
  if (heldMs < cfg.health.alertAfterMs) return err;
  const holder = `another run (pid ${pid}, started ${summaryTime(started)})`;
  const stuck = new AppError(
    'lock-stuck',
    `${holder} has held ${err.file} for ${Math.round(heldMs / 60_000)} min, longer than HEALTH_ALERT_AFTER: ` +
      'it may be stuck; this run did nothing. Stop that process, or delete the file if it is gone',
  );
  return stuckLockFailure(cfg, sys, deadline, stuck, started);
}
