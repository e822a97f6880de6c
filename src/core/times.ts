/**
 * Times on the wire. ISE documents `timestamp` as ISO-8601 text with `Z` or an offset
 * (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/Radius-Failure); other versions and
 * proxies send epoch seconds or milliseconds. Every clock value is checked against the years
 * 2000-2100 before it may bound anything: outside them it is a broken clock, not a time.
 */
import { parseIso } from './isotime';

export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

/** Largest magnitude a JavaScript Date holds (ECMA-262 §21.4.1.22, "Time Values and Time Range"). */
const MAX_DATE_MS = 8.64e15;
/** Below this a number is epoch seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_BELOW = 1e11;

export const plausible = (t: number | undefined): t is number => t !== undefined && t >= EARLIEST && t <= LATEST;

/**
 * An instant as every summary line shows it: ISO 8601 in UTC with milliseconds,
 * `2026-11-23T10:00:00.123Z`, the form of `(newest …)` that EEM applets match; `?` when unknown.
 * One form for every fragment, whatever MAIL_TIMEZONE says (the mails and doctor use that zone).
 */
export function summaryTime(t: number | undefined): string {
  return t !== undefined && Number.isFinite(t) && Math.abs(t) <= MAX_DATE_MS ? new Date(t).toISOString() : '?';
}

/** A record's instant (ms since epoch), or undefined when it is not one. */
export function recordTime(timestamp: unknown): number | undefined {
  let t: number;
  if (typeof timestamp === 'number') t = Math.abs(timestamp) < SECONDS_BELOW ? timestamp * 1000 : timestamp;
  // ISO text first (a '-' at 4 is never all digits): parseIso is Date.parse, faster for ISE's shape.
  else if (typeof timestamp === 'string' && timestamp.charCodeAt(4) === 45) t = parseIso(timestamp);
  else if (typeof timestamp === 'string')
    t = /^\d{9,13}$/.test(timestamp) ? (recordTime(Number(timestamp)) ?? NaN) : Date.parse(timestamp);
  else return undefined;
  return Number.isFinite(t) && Math.abs(t) <= MAX_DATE_MS ? Math.floor(t) : undefined;
}

/** ISE's clock from an HTTP `Date` header (RFC 9110 §6.6.1), when present and plausible. */
export function headerTime(date: string | undefined): number | undefined {
  const t = date === undefined ? Number.NaN : Date.parse(date);
  return plausible(t) ? t : undefined;
}

/** Date and time without a zone: ECMAScript reads it as the device's local time, not ISE's. */
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Why a record's time cannot be placed on ISE's clock. */
export type Unplaced = 'missing' | 'no-zone' | 'implausible' | 'unreadable';

/**
 * Why `timestamp` gives no instant to place a record by (and to move the cursor with), or undefined
 * when `t` (its recordTime) is one: none at all, a date and time without a zone (ISE's local time
 * or UTC? it does not say), a year outside 2000-2100, text that is no time.
 */
export function unplaced(timestamp: unknown, t: number | undefined): Unplaced | undefined {
  if (timestamp === undefined || timestamp === null || timestamp === '') return 'missing';
  if (t === undefined) return 'unreadable';
  if (!plausible(t)) return 'implausible';
  // ISE's own shape ends in `Z` or `±hh:mm`: only other text needs the pattern.
  if (typeof timestamp !== 'string') return undefined;
  const n = timestamp.length;
  const sign = timestamp.charCodeAt(n - 6);
  if (timestamp.charCodeAt(n - 1) === 90 || ((sign === 43 || sign === 45) && timestamp.charCodeAt(n - 3) === 58))
    return undefined;
  return NO_ZONE.test(timestamp) ? 'no-zone' : undefined;
}

/** A record's instant, when it can be placed (see unplaced); undefined otherwise. */
export function placedTime(timestamp: unknown): number | undefined {
  const t = recordTime(timestamp);
  return unplaced(timestamp, t) === undefined ? t : undefined;
}
