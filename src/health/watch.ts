import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError, describe } from '../core/errors';
import type { System } from '../core/outcome';
import { footerMutes } from '../mutes/words';
import type { Recovery } from './health-mail';
import { type Health, loadHealth, newHealth } from './health-record';
import { errorLine, type Run, redact } from './health-send';
import { clampFuture, onFailure, onSuccess, recoveryDue } from './run-health';
import { unwritableNote } from './unwritable';

/**
 * What the watcher reads of a poll's result (poll/result.ts PollResult): failures mailed, what
 * waits in the spool, and the notes it adds its own to.
 */
export interface Watched {
  mailed: number;
  /** Values of ISE's answer that could not be read: the run counts as failed. */
  unreadable?: number;
  pending: number;
  muted: number;
  due?: 'now' | number;
  /** Notes that make the summary WARN; `info` follows them without changing the status. */
  notes: string[];
  info: string[];
  /** What makes an otherwise done run exit 2. */
  broken?: string;
  /** The poll's mail carried the RECOVERED note and was delivered. */
  recovered?: boolean;
}

/** One poll, given the RECOVERED note it should fold into its mail, if one is owed. */
export type Poll<R extends Watched> = (recovery?: Recovery) => Promise<R>;

/**
 * Watches the watcher (docs/health.md): around one scheduled poll, keeps the health record and
 * sends the PROBLEM, RECOVERED and all-quiet mails. Runs inside the poll's lock. Health mails are
 * separate SMTP transactions after the poll: they never touch the cursor, and their failure never
 * changes the poll's exit code (a WARN note at most).
 */
export async function watchedPoll<R extends Watched>(
  cfg: Config,
  sys: System,
  deadline: Deadline,
  poll: Poll<R>,
  line: (r: R) => string,
) {
  const run: Run = { cfg, sys, deadline, t: sys.now() };
  run.mutes = footerMutes(cfg, run.t);
  let before: Health | undefined;
  try {
    before = loadHealth(cfg.stateDir);
  } catch (err) {
    return pollDespite(poll, err);
  }
  const { h, note: clamped } = clampFuture(before ?? newHealth(run.t), run.t);
  const recovery = recoveryDue(h, cfg, run.t);
  let r: R;
  try {
    r = await poll(recovery);
  } catch (err) {
    const kind = err instanceof AppError ? err.kind : 'internal';
    // Another run holding the lock is not a failure of the alerter.
    if (kind === 'locked') throw err;
    const note = await onFailure(run, h, before, kind, redact(cfg, errorLine(err)));
    throw note ? rewrap(err, note) : err;
  }
  // An answer ISE keeps sending that cannot be read is a failing alerter, though the rest was mailed.
  if ((r.unreadable ?? 0) > 0) {
    const note = await onFailure(run, h, before, 'ise-protocol', redact(cfg, `WARN ${line(r)}`));
    return note ? { ...r, notes: [...r.notes, note] } : r;
  }
  // A delivered poll mail carried the RECOVERED note on top (the poll folded it in), also a storm
  // mail whose failures were all muted (none in its body): then no separate RECOVERED mail.
  const mailed = r.mailed > 0;
  const folded = recovery !== undefined && r.recovered === true;
  const { notes: said, warn } = await onSuccess(run, h, before, mailed, recovery, folded, {
    pending: r.pending,
    muted: r.muted,
    dueAt: typeof r.due === 'number' ? r.due : undefined,
  });
  const notes = clamped ? [clamped, ...said] : said;
  if (notes.length === 0) return r;
  return warn || clamped ? { ...r, notes: [...r.notes, ...notes] } : { ...r, info: [...r.info, ...notes] };
}

/** A corrupt health record must not stop failure alerts: poll anyway, then report exit 2. */
async function pollDespite<R extends Watched>(poll: Poll<R>, err: unknown): Promise<R> {
  const why = err instanceof AppError ? err.message : `health record unreadable: ${describe(err)}`;
  let r: R;
  try {
    r = await poll();
  } catch (pollErr) {
    throw rewrap(pollErr, `also: ${why}`);
  }
  return { ...r, broken: why };
}

/**
 * A run refused by a lock held longer than HEALTH_ALERT_AFTER (kind lock-stuck): no poll happens
 * while that run hangs, so this counts as a failed run, failing since the lock was taken.
 */
export async function stuckLockFailure(cfg: Config, sys: System, deadline: Deadline, err: AppError, heldSince: number) {
  const run: Run = { cfg, sys, deadline, t: sys.now() };
  run.mutes = footerMutes(cfg, run.t);
  let before: Health | undefined;
  try {
    before = loadHealth(cfg.stateDir);
  } catch (loadErr) {
    return err.withNote(`also: ${errorLine(loadErr)}`);
  }
  const note = await onFailure(run, before ?? newHealth(run.t), before, err.kind, redact(cfg, err.message), heldSince);
  return note ? err.withNote(note) : err;
}

/** A run that could not write its lock (a full or read-only STATE_DIR): the problem mail, timed without writing. */
export async function unwritableFailure(cfg: Config, sys: System, deadline: Deadline, err: AppError) {
  const run: Run = { cfg, sys, deadline, t: sys.now() };
  let before: Health | undefined;
  try {
    before = loadHealth(cfg.stateDir);
  } catch {
    before = undefined; // a streak it may hold only dates the problem earlier
  }
  return err.withNote(await unwritableNote(run, before, err.kind, redact(cfg, err.message)));
}

function rewrap(err: unknown, note: string): AppError {
  if (err instanceof AppError) return err.withNote(note);
  return new AppError('internal', `internal error: ${describe(err)}; run again with --verbose and report it; ${note}`, {
    cause: err,
  });
}
