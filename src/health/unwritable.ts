import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorKind, KIND_EXIT } from '../core/errors';
import { summaryTime } from '../core/times';
import { incidentsFile } from '../incidents/state';
import { MANIFEST, spoolDir } from '../spool/manifest';
import { stateFile } from '../state/files';
import { healthContext, problemMail } from './health-mail';
import type { Health } from './health-record';
import { type Run, trySend } from './health-send';
import { JITTER_MS } from './timing';

/**
 * The PROBLEM mail of a run that cannot write STATE_DIR (a full or read-only flash): no health
 * record can count the failed runs or remember a mail sent, so the mail is timed without writing.
 * The condition is dated from the last state a run wrote (the newest mtime of the state files).
 * The runs that start within WINDOW_MS after HEALTH_ALERT_AFTER past that time send it, and then
 * those within WINDOW_MS after each full hour past that time. That state was written by a
 * scheduled run, so with a schedule that divides the hour (as the `eem` command's do) a run
 * starts at each full hour: one mail an hour at 5-minute runs or slower, three at 2-minute runs
 * (docs/health.md). Anchored on HEALTH_ALERT_AFTER alone, a schedule it is no multiple of (hourly
 * runs, 30m) would never meet the window.
 */
const REPEAT_MS = 3_600_000;
const WINDOW_MS = 5 * 60_000;

/**
 * Files only runs write: not mutes.json, written by hand at any minute; not run.lock, which a
 * full flash may still take.
 */
const WRITTEN = (dir: string) => [
  stateFile.cursor(dir),
  stateFile.health(dir),
  stateFile.credentials(dir),
  incidentsFile(dir),
  join(spoolDir(dir), MANIFEST),
];

/** When STATE_DIR last took a write, or undefined when it holds none of the state files. */
export function lastStateWrite(stateDir: string): number | undefined {
  let newest: number | undefined;
  for (const file of WRITTEN(stateDir)) {
    try {
      const t = statSync(file).mtimeMs;
      newest = newest === undefined ? t : Math.max(newest, t);
    } catch {
      /* not there: never written */
    }
  }
  return newest === undefined ? undefined : Math.floor(newest);
}

/** Whether a run at `t` sends the mail, and when the next one that does is due. */
export function unwritableSchedule(alertAfterMs: number, since: number, t: number): { send: boolean; next: number } {
  // A run starting up to JITTER_MS early counts as on time, as for every health mail.
  const first = since + alertAfterMs - JITTER_MS;
  if (t < first) return { send: false, next: first };
  const intoHour = (t - (since - JITTER_MS)) % REPEAT_MS;
  return { send: t - first < WINDOW_MS || intoHour < WINDOW_MS, next: t - intoHour + REPEAT_MS };
}

/**
 * Sends the PROBLEM mail when due by the rule above; `h` is the health record as read (a streak it
 * holds dates the problem earlier). Returns the note for the summary line: why, and when.
 */
export async function unwritableNote(run: Run, h: Health | undefined, kind: ErrorKind, message: string) {
  const { cfg, t } = run;
  const written = lastStateWrite(cfg.stateDir);
  const streak = h && h.failedRuns > 0 ? h.firstFailure : undefined;
  const known = [written, streak].filter((x): x is number => x !== undefined);
  // Nothing was ever written, nor a failing streak recorded: a new install on a flash that never
  // took a write. No PROBLEM mail can be timed, and the operator must hear that no alert will come.
  if (known.length === 0)
    return 'STATE_DIR has never been written: no failure and no PROBLEM mail can be sent until it is writable';
  const last = written === undefined ? 'never' : summaryTime(written);
  const head = `STATE_DIR cannot be written (last state written ${last})`;
  const since = Math.min(...known);
  const { send, next } = unwritableSchedule(cfg.health.alertAfterMs, since, t);
  if (!send) return `${head}: problem mail from ${summaryTime(next)}, then about hourly while this lasts`;
  if (kind === 'mail') return `${head}: no problem mail, the mail server itself is what fails`;
  const problem = { kind, exitCode: KIND_EXIT[kind], message, since, failedRuns: 0, repeatMs: REPEAT_MS };
  const sent = await trySend(
    run,
    problemMail({ ...problem, lastSuccess: h?.lastSuccess, unwritable: true }, healthContext(cfg, run.mutes)),
  );
  return sent === true
    ? `${head}: problem mail sent, repeated about hourly while this lasts`
    : `${head}: problem mail not delivered either (${sent}); retried about hourly`;
}
