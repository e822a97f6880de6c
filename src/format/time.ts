/**
 * Times in the mail, in MAIL_TIMEZONE (an IANA name), always with the UTC offset so a reader in
 * another zone, or across a DST change inside one batch, can still compare them. Intl only: no
 * time-zone database is bundled.
 */
import { plausible } from '../core/times';

export type TimeFormat = (t: number | undefined) => string;

/** `2026-11-23 11:00:00 +01:00` in the given zone; `?` for an unknown time. */
export function timeFormat(zone: string): TimeFormat {
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
  return (t) => {
    if (t === undefined || !Number.isFinite(t)) return '?';
    // Outside 2000-2100 a time is a broken clock: shown as it is, in UTC, never converted.
    if (!plausible(t)) return `${new Date(t).toISOString()} (UTC)`;
    const p: Record<string, number> = {};
    for (const part of dtf.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    const offsetMin = Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
    const d = new Date(wall).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 19)} ${offsetText(offsetMin)}`;
  };
}

function offsetText(min: number): string {
  const abs = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
