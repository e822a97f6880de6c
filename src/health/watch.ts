import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError, describe, Exit } from '../core/errors';
import type { Outcome, System } from '../core/outcome';
import type { OutgoingMail } from '../mail/transport';
import { footerMutes } from '../mutes/commands';
import { foldRecovery, healthContext } from './health-mail';
import { type Health, loadHealth, newHealth } from './health-record';
import { errorLine, type Run, redact } from './health-send';
import type { Waiting } from './heartbeat-mail';
import { clampFuture, onFailure, onSuccess, recoveryDue } from './run-health';
import { unwritableNote } from './unwritable';

/**
 * Watches the watcher (docs/health.md): around one scheduled poll, keeps the health record and
 * sends the PROBLEM, RECOVERED and all-quiet mails. Runs inside the poll's lock. Health mails are
 * separate SMTP transactions after the poll: they never touch the cursor, and their failure never
 * changes the poll's exit code (a WARN note at most).
 */
export type Decorate = (mail: OutgoingMail, found: number) => OutgoingMail;
export type Poll = (decorate?: Decorate) => Promise<Outcome>;

export async function watchedPoll(cfg: Config, sys: System, deadline: Deadline, poll: Poll): Promise<Outcome> {
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
  let folded = false;
  const decorate: Decorate | undefined =
    recovery &&
    ((mail, found) => {
      folded = true;
      return foldRecovery(mail, recovery, found, healthContext(cfg));
    });
  let outcome: Outcome;
  try {
    outcome = await poll(decorate);
  } catch (err) {
    const kind = err instanceof AppError ? err.kind : 'internal';
    // Another run holding the lock is not a failure of the alerter.
    if (kind === 'locked') throw err;
    const note = await onFailure(run, h, before, kind, redact(cfg, errorLine(err)));
    throw note ? rewrap(err, note) : err;
  }
  // An answer ISE keeps sending that cannot be read is a failing alerter, though the rest was mailed.
  if (Number(outcome.data?.unreadable ?? 0) > 0) {
    const note = await onFailure(run, h, before, 'ise-protocol', redact(cfg, `WARN ${outcome.message}`));
    return note ? { ...outcome, status: 'WARN', message: `${outcome.message}; ${note}` } : outcome;
  }
  const mailed = Number(outcome.data?.mailed ?? 0) > 0;
  const { notes: said, warn } = await onSuccess(run, h, before, mailed, recovery, folded && mailed, waitingOf(outcome));
  const notes = clamped ? [clamped, ...said] : said;
  if (notes.length === 0) return outcome;
  const status = warn || clamped ? 'WARN' : outcome.status;
  return { ...outcome, status, message: `${outcome.message}; ${notes.join('; ')}` };
}

/** What the poll left waiting in the spool (digest-poll.ts puts it in the outcome's data). */
function waitingOf(o: Outcome): Waiting {
  const due = typeof o.data?.dueAt === 'string' ? Date.parse(o.data.dueAt) : Number.NaN;
  return {
    pending: Number(o.data?.pending ?? 0),
    muted: Number(o.data?.muted ?? 0),
    dueAt: Number.isFinite(due) ? due : undefined,
  };
}

/** A corrupt health record must not stop failure alerts: poll anyway, then report exit 2. */
async function pollDespite(poll: Poll, err: unknown): Promise<Outcome> {
  const why = err instanceof AppError ? err.message : `health record unreadable: ${describe(err)}`;
  let outcome: Outcome;
  try {
    outcome = await poll();
  } catch (pollErr) {
    throw rewrap(pollErr, `also: ${why}`);
  }
  return { ...outcome, exitCode: Exit.usage, status: 'ERROR', message: `${outcome.message}; but ${why}` };
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
