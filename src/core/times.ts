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
