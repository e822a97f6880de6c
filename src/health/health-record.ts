import * as z from 'zod/mini';
import { AppError, type ErrorKind, KIND_EXIT, stateError } from '../core/errors';
import { plural } from '../core/plural';
import { printable } from '../core/printable';
import { checkOf, int } from '../core/shape';
import { writeFileAtomic } from '../state/atomic';
import { readStateJson, stateFile } from '../state/files';

/**
 * The health record: how the alerter itself is doing, so it can mail the team when it stops
 * working (docs/health.md). It never decides what failures are mailed: losing it loses no
 * failure, only the timing of health mails. All times are ms since epoch.
 *
 * Version 1 on disk: the same fields, times as ISO strings or null.
 */
export interface Health {
  /** Last run that completed (exit 0); refreshed at most hourly when nothing else changes. */
  lastSuccess?: number;
  /** Start of the first failed run of the current streak. */
  firstFailure?: number;
  /** Consecutive failed runs (0 when the last run succeeded). */
  failedRuns: number;
  lastError?: LastError;
  /** Last problem mail of the current outage; cleared once its recovery note was delivered. */
  problemMailed?: number;
  /** Start of the current quiet period (heartbeat anchor): last digest, recovery or heartbeat. */
  quietSince?: number;
  /** Last mail of any kind the server accepted. */
  lastMail?: number;
  lastHeartbeat?: number;
}

/** The failure that ended the last failed run; `kind` decides the PROBLEM mail's subject. */
export interface LastError {
  kind: ErrorKind;
  exitCode: number;
  message: string;
  at: number;
}

/** Records written before errors had kinds: the generic kind of their exit code. */
const KIND_OF_EXIT: Record<number, ErrorKind> = { 2: 'usage', 3: 'account', 4: 'ise-protocol', 5: 'mail', 6: 'locked' };
const KINDS = Object.keys(KIND_EXIT) as [ErrorKind, ...ErrorKind[]];

const fileShape = () => {
  const iso = z.nullable(z.string());
  return z.object({
    version: z.literal(1),
    lastSuccess: iso,
    firstFailure: iso,
    failedRuns: int(0),
    lastError: z.nullable(
      z.object({ kind: z.optional(z.enum(KINDS)), exitCode: int(), message: z.string(), at: z.string() }),
    ),
    problemMailed: iso,
    quietSince: iso,
    lastMail: iso,
    lastHeartbeat: iso,
  });
};
type HealthFile = z.output<ReturnType<typeof fileShape>>;
const healthFile = checkOf(fileShape);

export const HEALTH_RESET = 'delete it to reset (it only times the health mails; no RADIUS failure is lost)';
export const TIME_FIELDS = [
  'lastSuccess',
  'firstFailure',
  'problemMailed',
  'quietSince',
  'lastMail',
  'lastHeartbeat',
] as const;

export function newHealth(now: number): Health {
  return { failedRuns: 0, quietSince: now };
}

/** The stored record, or undefined when there is none yet. Corrupt: exit 2 naming the file. */
export function loadHealth(stateDir: string): Health | undefined {
  const file = stateFile.health(stateDir);
  const data = readStateJson(file, healthFile, HEALTH_RESET);
  if (!data) return undefined;
  const time = (v: string | null) => {
    if (v === null) return undefined;
    const t = Date.parse(v);
    if (!Number.isFinite(t)) throw stateError(`state file ${file} has an invalid time; ${HEALTH_RESET}`);
    return t;
  };
  const h: Health = { failedRuns: data.failedRuns };
  for (const k of TIME_FIELDS) {
    const t = time(data[k]);
    if (t !== undefined) h[k] = t;
  }
  if (data.lastError)
    h.lastError = {
      kind: data.lastError.kind ?? KIND_OF_EXIT[data.lastError.exitCode] ?? 'internal',
      exitCode: data.lastError.exitCode,
      message: data.lastError.message,
      at: time(data.lastError.at) ?? 0,
    };
  return h;
}

function serialize(h: Health): string {
  const time = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
  const data = { version: 1 } as HealthFile;
  for (const k of TIME_FIELDS) data[k] = time(h[k]);
  data.failedRuns = h.failedRuns;
  data.lastError = h.lastError
    ? { ...h.lastError, message: printable(h.lastError.message), at: time(h.lastError.at)! }
    : null;
  return `${JSON.stringify(data)}\n`;
}

export function sameHealth(a: Health, b: Health | undefined): boolean {
  return b !== undefined && serialize(a) === serialize(b);
}

/**
 * Writes the record when it differs from `before` (undefined: no file yet), to spare the
 * device's flash. Returns true when it wrote.
 */
export function saveHealth(stateDir: string, next: Health, before: Health | undefined): boolean {
  if (sameHealth(next, before)) return false;
  writeFileAtomic(stateFile.health(stateDir), serialize(next), 0o600);
  return true;
}

/** An instant as ISO 8601 UTC to the second. */
export const isoSecond = (t: number) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');

function ago(ms: number): string {
  if (ms < 0) return 'in the future: check the clock';
  const m = Math.round(ms / 60_000);
  if (m < 120) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

/** Lines for `doctor`: each starts with `health:`. Never throws; a bad record becomes a FAIL line. */
export function describeHealth(stateDir: string, now: number): string[] {
  let h: Health | undefined;
  try {
    h = loadHealth(stateDir);
  } catch (err) {
    return [`health: FAIL ${err instanceof AppError ? err.message : String(err)}`];
  }
  if (!h) return ['health: no record yet (the first scheduled run writes it)'];
  const when = (t: number | undefined) => (t === undefined ? 'never' : `${isoSecond(t)} (${ago(now - t)})`);
  const lines = [`health: last successful poll ${when(h.lastSuccess)}, ${plural(h.failedRuns, 'failed run')} in a row`];
  if (h.failedRuns > 0 && h.firstFailure !== undefined)
    lines.push(`health: FAILING since ${isoSecond(h.firstFailure)}`);
  if (h.lastError)
    lines.push(`health: last error ${when(h.lastError.at)} (exit ${h.lastError.exitCode}): ${h.lastError.message}`);
  if (h.problemMailed !== undefined)
    lines.push(`health: problem mail sent ${when(h.problemMailed)}; a recovery note follows the first successful run`);
  lines.push(`health: last mail sent ${when(h.lastMail)}, last heartbeat ${when(h.lastHeartbeat)}`);
  return lines;
}
