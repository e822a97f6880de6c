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
    if (!plausible(t)) return Math.abs(t) <= 8.64e15 ? `${new Date(t).toISOString()} (UTC)` : '?';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Times as a mail shows them: the date and the zone once, in the header (`range`); everywhere
 * else the wall-clock time alone (`short`), with the day when the mail spans several days, and
 * with the offset only when it differs from the header's (a DST change inside the period).
 */
export interface Clock {
  /** `2026-11-23 10:02:13 +01:00`: for the few places that stand alone (the attachment, notes). */
  full: TimeFormat;
  /** `10:02:13`, `22 Nov 23:59:01`, or `02:30:00 +02:00`. */
  short: TimeFormat;
  /** `10:02`: a minute, for chart labels and spans. */
  minute: TimeFormat;
  /** `23 Nov 2026, 10:00:00 to 10:29:54` (or with both dates). */
  range: (from: number | undefined, to: number | undefined) => string;
  /** `Europe/Zurich, UTC+01:00`, or `UTC`. */
  zone: string;
  /** `10:02:13 to 10:41:00`, or `at 10:02:13` when both are the same. */
  span: (from: number | undefined, to: number | undefined) => string;
}

export function clockFor(zone: string, from: number | undefined, to: number | undefined): Clock {
  const full = timeFormat(zone);
  const parts = (t: number) => {
    const s = full(t);
    return { date: s.slice(0, 10), time: s.slice(11, 19), offset: s.slice(20) };
  };
  const ref = to !== undefined && plausible(to) ? parts(to) : undefined;
  const first = from !== undefined && plausible(from) ? parts(from) : ref;
  const oneDay = !ref || !first || ref.date === first.date;
  const day = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
  const format =
    (len: number): TimeFormat =>
    (t) => {
      if (t === undefined || !Number.isFinite(t) || !plausible(t)) return full(t);
      const p = parts(t);
      const time = p.time.slice(0, len);
      const dated = oneDay && (!ref || p.date === ref.date) ? time : `${day(p.date)} ${time}`;
      return ref && p.offset !== ref.offset ? `${dated} ${p.offset}` : dated;
    };
  const short = format(8);
  return {
    full,
    short,
    minute: format(5),
    range: (a, b) => {
      if (a === undefined || b === undefined || !plausible(a) || !plausible(b)) return `${full(a)} to ${full(b)}`;
      const [x, y] = [parts(a), parts(b)];
      const year = (p: typeof x) => `${day(p.date)} ${p.date.slice(0, 4)}`;
      if (a === b) return `${year(x)}, ${x.time}`;
      return x.date === y.date ? `${year(x)}, ${x.time} to ${y.time}` : `${year(x)} ${x.time} to ${year(y)} ${y.time}`;
    },
    zone: zone === 'UTC' || zone === 'Etc/UTC' ? 'UTC' : ref ? `${zone}, UTC${ref.offset}` : zone,
    span: (a, b) => (a === b ? `at ${short(a)}` : `${short(a)} to ${short(b)}`),
  };
}
