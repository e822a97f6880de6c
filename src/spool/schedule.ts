import type { DigestSchedule } from '../config/values';

/**
 * When a digest goes out (ALERT_MODE=digest): at the boundaries of DIGEST_EVERY periods counted
 * from each midnight in MAIL_TIMEZONE (1h sends on the hour, 1d at midnight; a period that does
 * not divide the day ends early at midnight), or at the DIGEST_AT times of day, which are wall-clock
 * times in that zone (08:00 stays 08:00 across DST changes). The first run at or after a boundary
 * sends what the spool holds.
 */
const DAY = 86_400_000;

/** The first boundary strictly after `t`. */
export function boundaryAfter(t: number, s: DigestSchedule, zone: string): number {
  const { year, month, day } = wallParts(t, zone);
  const midnight = (d: number) => wallToInstant(Date.UTC(year, month - 1, day + d), zone);
  // Every schedule has a boundary each day (at least midnight), so two days ahead always hold one.
  for (let d = -1; d <= 2; d++) {
    const start = midnight(d);
    const end = midnight(d + 1);
    if (end <= t) continue;
    if ('at' in s) {
      const b = s.at.map((ms) => wallToInstant(Date.UTC(year, month - 1, day + d) + ms, zone)).find((x) => x > t);
      if (b !== undefined) return b;
    } else {
      // Elapsed time from midnight: an hourly digest stays hourly on the 23- and 25-hour days.
      const b = t < start ? start : start + (Math.floor((t - start) / s.every) + 1) * s.every;
      return Math.min(b, end);
    }
  }
  throw new Error('no digest boundary within two days');
}

/** The schedule in words, for doctor and the README: `every 1h from midnight`, `at 08:00, 16:00`. */
export function describeSchedule(s: DigestSchedule, zone: string): string {
  if ('at' in s) return `at ${s.at.map(hhmm).join(', ')} ${zone}`;
  return `every ${span(s.every)} from midnight ${zone}`;
}

const hhmm = (ms: number) =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}`;
const span = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;

const formats = new Map<string, Intl.DateTimeFormat>();

function wallParts(t: number, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let dtf = formats.get(zone);
  if (!dtf) {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, dtf);
  }
  const p: Record<string, number> = {};
  for (const part of dtf.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** The zone's offset from UTC at instant `t`, in ms (whole seconds). */
function offsetAt(t: number, zone: string): number {
  const p = wallParts(t, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant whose wall-clock time in `zone` is `wall` (given as if it were UTC), resolved as
 * Temporal's "compatible" disambiguation does: a time repeated in autumn is its first occurrence,
 * a time in a spring-forward gap moves forward by the gap's length.
 */
export function wallToInstant(wall: number, zone: string): number {
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  const valid = [wall - before, wall - after].filter((c) => c + offsetAt(c, zone) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}
