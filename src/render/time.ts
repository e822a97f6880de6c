/**
 * Times in the mail, in MAIL_TIMEZONE (an IANA name), always with the UTC offset so a reader in
 * another zone, or across a DST change inside one batch, can still compare them. Intl only: no
 * time-zone database is bundled.
 */
import { plausible } from '../core/times';

export type TimeFormat = (t: number | undefined) => string;

/** `2026-11-23 11:00:00 +01:00` in the given zone; `?` for an unknown time. */
export function timeFormat(zone: string): TimeFormat {
  const offsetOf = zoneOffset(zone);
  return (t) => {
    if (t === undefined || !Number.isFinite(t)) return '?';
    // Outside 2000-2100 a time is a broken clock: shown as it is, in UTC, never converted.
    if (!plausible(t)) return `${new Date(t).toISOString()} (UTC)`;
    const offsetMin = offsetOf(t);
    const d = new Date(Math.floor(t / 1000) * 1000 + offsetMin * 60_000).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 19)} ${offsetText(offsetMin)}`;
  };
}

/** 15 minutes: every offset change of today's zones falls on such a boundary (offsets are whole quarter hours). */
const BUCKET_MS = 15 * 60_000;
/** Quarter hours remembered: a week of them; hostile timestamps spread wider only cost a recount. */
const KNOWN_MAX = 672;

/**
 * The zone's UTC offset (minutes) at an instant. Intl's formatToParts costs tens of microseconds
 * and a mail shows thousands of times, so it runs once per quarter hour seen; UTC needs none.
 */
function zoneOffset(zone: string): (t: number) => number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return () => 0;
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const known = new Map<number, number>();
  return (t) => {
    const bucket = Math.floor(t / BUCKET_MS);
    let offset = known.get(bucket);
    if (offset === undefined) {
      const at = bucket * BUCKET_MS;
      const p: Record<string, number> = {};
      for (const part of dtf.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
      offset = Math.round((wall - at) / 60_000);
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(bucket, offset);
    }
    return offset;
  };
}

function offsetText(min: number): string {
  const abs = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
