import type { Config } from '../config/config';
import { describe, type ErrorKind, KIND_EXIT } from '../core/errors';
import { summaryTime } from '../core/times';
import { healthContext, problemMail, type Recovery, recoveryMail } from './health-mail';
import { type Health, sameHealth, saveHealth, TIME_FIELDS } from './health-record';
import { type Run, trySend } from './health-send';
import { heartbeatMail, type Waiting } from './heartbeat-mail';
import { elapsed, JITTER_MS } from './timing';
import { unwritableNote } from './unwritable';

/**
 * What one scheduled run does to the health record, and the PROBLEM, RECOVERED and all-quiet
 * mails it sends on the way (docs/health.md). health/watch.ts calls these around the poll.
 */

/** With nothing else to record, the last-success time is refreshed at most this often (flash wear). */
const SUCCESS_REFRESH_MS = 3_600_000;

/**
 * Never trusts a stored time after `t` (the device clock was ahead when it was written): a
 * heartbeat slot or problem mail "in the future" would hold the next one back for the whole skew.
 * Such times count as `t`; returns the record and a note naming the latest, or none.
 */
export function clampFuture(h: Health, t: number): { h: Health; note?: string } {
  const late = TIME_FIELDS.filter((k) => (h[k] ?? Number.NEGATIVE_INFINITY) > t);
  if (late.length === 0) return { h };
  const latest = Math.max(...late.map((k) => h[k]!));
  const clamped: Health = { ...h };
  for (const k of late) clamped[k] = t;
  const ahead = `up to ${summaryTime(latest)}; was the device clock ahead?`;
  const note = `health.json held times in the future (${ahead}): taken as now`;
  return { h: clamped, note };
}

/** Recovery is owed after a problem mail, or after an outage long enough for one that SMTP prevented. */
export function recoveryDue(h: Health, cfg: Config, t: number): Recovery | undefined {
  const unmailed =
    h.failedRuns > 0 &&
    h.firstFailure !== undefined &&
    h.lastError !== undefined &&
    elapsed(h.firstFailure, h.lastError.at, cfg.health.alertAfterMs);
  if (h.problemMailed === undefined && !unmailed) return undefined;
  return { back: t, since: h.firstFailure, failedRuns: h.failedRuns, lastError: h.lastError };
}

export async function onFailure(
  run: Run,
  h: Health,
  before: Health | undefined,
  kind: ErrorKind,
  message: string,
  failingSince = run.t,
): Promise<string> {
  const exitCode = KIND_EXIT[kind];
  const { cfg, t } = run;
  const since = Math.min(h.failedRuns === 0 || h.firstFailure === undefined ? t : h.firstFailure, failingSince);
  const next: Health = {
    ...h,
    failedRuns: h.failedRuns + 1,
    firstFailure: since,
    lastError: { kind, exitCode, message, at: t },
  };
  const due =
    elapsed(since, t, cfg.health.alertAfterMs) &&
    (h.problemMailed === undefined || elapsed(h.problemMailed, t, cfg.health.repeatMs));
  // Saved first: a record that cannot be saved cannot time the problem mail either, so then the
  // mail is timed without it (unwritable.ts), and not sent on every run.
  const unsaved = save(run, next, before);
  if (unsaved) return `${unsaved}; ${await unwritableNote(run, before, kind, message)}`;
  if (!due) return '';
  const saved = { ...next };
  const note = await problemNote(run, h, next);
  return [note, save(run, next, saved)].filter(Boolean).join('; ');
}

/** Sends the PROBLEM mail `next` is due (none when the mail server is what fails); returns the note. */
async function problemNote(run: Run, h: Health, next: Health): Promise<string> {
  const { cfg, t } = run;
  const { kind, exitCode, message } = next.lastError!;
  const since = next.firstFailure!;
  const failing = `failing since ${summaryTime(since)} (${next.failedRuns} runs)`;
  if (kind === 'mail') return `${failing}: no problem mail, the mail server itself is what fails; retried next run`;
  const mail = problemMail(
    {
      kind,
      exitCode,
      message,
      since,
      failedRuns: next.failedRuns,
      lastSuccess: h.lastSuccess,
      repeatMs: cfg.health.repeatMs,
    },
    healthContext(cfg, run.mutes),
  );
  const sent = await trySend(run, mail);
  if (sent === true) Object.assign(next, { problemMailed: t, lastMail: t });
  return sent === true
    ? `${failing}: problem mail sent`
    : `${failing}: problem mail not delivered either (${sent}); retried next run`;
}

export async function onSuccess(
  run: Run,
  h: Health,
  before: Health | undefined,
  mailed: boolean,
  recovery: Recovery | undefined,
  folded: boolean,
  waiting: Waiting = { pending: 0, muted: 0 },
) {
  const { cfg, t } = run;
  const notes: string[] = [];
  let warn = false;
  const next: Health = { ...h, failedRuns: 0 };
  let active = mailed;
  if (recovery) {
    const sent = folded || (await trySend(run, recoveryMail(recovery, healthContext(cfg, run.mutes))));
    if (sent === true) Object.assign(next, { problemMailed: undefined, firstFailure: undefined });
    notes.push(recoveryNote(folded, sent));
    warn = sent !== true;
    active ||= sent === true;
  } else {
    next.firstFailure = undefined;
  }
  if (active) Object.assign(next, { quietSince: t, lastMail: t });
  else if (heartbeatDue(cfg, h, t)) {
    const sent = await sendHeartbeat(run, h, next, waiting);
    const beat = waiting.pending + waiting.muted > 0 ? ['heartbeat', ' (failures wait)'] : ['all-quiet heartbeat', ''];
    notes.push(sent === true ? `${beat[0]} sent${beat[1]}` : `${beat[0]} not delivered (${sent}); retried next run`);
    warn = sent !== true;
  }
  const stale = h.lastSuccess === undefined || t - h.lastSuccess >= SUCCESS_REFRESH_MS;
  if (stale || !sameHealth(next, before)) next.lastSuccess = t;
  const saved = save(run, next, before);
  if (saved) notes.push(saved);
  return { notes, warn: warn || saved !== undefined };
}

function recoveryNote(folded: boolean, sent: true | string): string {
  if (folded) return 'recovery note included';
  return sent === true ? 'recovery mail sent' : `recovery mail not delivered (${sent}); retried next run`;
}

/** The heartbeat (all quiet, or what waits in the spool); once sent, `next` holds when the next one is due. */
async function sendHeartbeat(run: Run, h: Health, next: Health, waiting: Waiting): Promise<true | string> {
  const { cfg, t } = run;
  const period = cfg.health.heartbeatMs === 86_400_000 ? 'daily' : 'weekly';
  const sent = await trySend(
    run,
    heartbeatMail({ since: h.quietSince!, now: t, period, waiting }, healthContext(cfg, run.mutes)),
  );
  // The next one is due a whole period after this one's slot, so it does not drift by a run interval each time.
  const slots = Math.max(1, Math.floor((t - h.quietSince! + JITTER_MS) / cfg.health.heartbeatMs));
  if (sent === true)
    Object.assign(next, {
      quietSince: h.quietSince! + slots * cfg.health.heartbeatMs,
      lastHeartbeat: t,
      lastMail: t,
    });
  return sent;
}

function heartbeatDue(cfg: Config, h: Health, t: number): boolean {
  return cfg.health.heartbeatMs > 0 && h.quietSince !== undefined && elapsed(h.quietSince, t, cfg.health.heartbeatMs);
}

/** Never lets a health-write failure hide the run's real outcome: it becomes a note. */
function save(run: Run, next: Health, before: Health | undefined): string | undefined {
  try {
    saveHealth(run.cfg.stateDir, next, before);
    return undefined;
  } catch (err) {
    return `health record not saved (${describe(err)}): check that STATE_DIR is writable`;
  }
}
