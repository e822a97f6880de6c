/**
 * `eem --every`: how often the poll runs. IOS-XE EEM takes a cron entry, which repeats evenly only
 * on divisors of an hour or a day, and a policy still running when the next starts holds a second
 * VTY line, so the interval may not be shorter than `maxrun`. The NX-OS scheduler repeats any
 * days:hours:minutes interval and has no maxrun and no VTY, so neither rule applies there.
 */
import { parseDuration } from '../config/values';
import { usageError } from '../core/errors';

export interface Schedule {
  /** The interval. */
  minutes: number;
  /** 5-field cron entry for `event timer cron cron-entry` (IOS-XE only). */
  cron?: string;
  /** NX-OS `time start now repeat` interval, days:hours:minutes. */
  repeat: string;
}

/** The intervals cron repeats evenly: minutes that divide an hour, hours that divide a day, a day. */
const EVEN_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

const intervalText = (minutes: number) =>
  minutes === 1440 ? '1d' : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;

function minutesOf(every: string): number {
  const ms = parseDuration(every.replace(/min\s*$/i, 'm'));
  if (ms === undefined || ms <= 0)
    throw usageError(`--every "${every}" is not a duration: use minutes, hours or 1d, e.g. 5m, 15m, 1h`);
  return ms / 60_000;
}

const repeatOf = (m: number) => `${Math.floor(m / 1440)}:${Math.floor((m % 1440) / 60)}:${m % 60}`;

/** The NX-OS scheduler job's interval: any whole number of minutes. */
export function nxosSchedule(every: string): Schedule {
  const minutes = minutesOf(every);
  if (!Number.isInteger(minutes))
    throw usageError(`--every "${every}": the NX-OS scheduler repeats in whole minutes, e.g. 5m, 90m, 2h`);
  return { minutes, repeat: repeatOf(minutes) };
}

/**
 * The IOS-XE cron entry. `maxrunS` is the applet's maxrun: the error lists only the intervals it
 * accepts, so the value the user picks from the message works.
 */
export function cronSchedule(every: string, maxrunS = 0): Schedule {
  const minutes = minutesOf(every);
  const valid = EVEN_MINUTES.filter((m) => m * 60 >= maxrunS);
  if (!EVEN_MINUTES.includes(minutes)) {
    const floor = maxrunS > 0 ? `, at least --maxrun ${maxrunS}s` : '';
    throw usageError(
      `--every "${every}" cannot repeat evenly in cron: use ${valid.map(intervalText).join(' ')} ` +
        `(divisors of an hour or a day${floor})`,
    );
  }
  // Overlapping policies each hold a VTY line: the next run must not start before this one is killed.
  if (minutes * 60 < maxrunS) {
    throw usageError(
      `--every ${every.trim()} is shorter than --maxrun ${maxrunS}s: a run still going when the next starts ` +
        `would hold a second VTY line; use --every ${intervalText(valid[0] ?? 1440)} or more, or a lower --maxrun`,
    );
  }
  const repeat = repeatOf(minutes);
  if (minutes < 60) return { minutes, cron: minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, repeat };
  const hours = minutes / 60;
  if (hours < 24) return { minutes, cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, repeat };
  return { minutes, cron: '0 0 * * *', repeat };
}
