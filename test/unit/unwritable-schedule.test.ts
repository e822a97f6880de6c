// When a run that cannot write STATE_DIR sends its PROBLEM mail (src/health/unwritable.ts): a pure
// function of the run's start, the last state written and HEALTH_ALERT_AFTER.
import { describe, expect, it } from 'vitest';
import { unwritableSchedule } from '../../src/health/unwritable';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Runs every `every` from `first` for `hours`: which of them send, in minutes after `since`. */
function senders(every: number, opts: { since?: number; first?: number; hours?: number; alertAfter?: number } = {}) {
  const { since = 0, first = since, hours = 5, alertAfter = 30 * MIN } = opts;
  const sent: number[] = [];
  for (let t = first; t < first + hours * HOUR; t += every)
    if (unwritableSchedule(alertAfter, since, t).send) sent.push((t - since) / MIN);
  return sent;
}

describe('the PROBLEM mail of an unwritable STATE_DIR', () => {
  it('never before HEALTH_ALERT_AFTER, then at each full hour since the last state written', () => {
    // The last state was written 4 s into a scheduled run: runs start 4 s before each mark.
    for (const every of [5, 10, 15, 30]) {
      const sent = senders(every * MIN, { since: 4000, first: 0 }).map(Math.round);
      expect(sent, `every ${every} min`).toEqual([30, 60, 120, 180, 240]);
    }
    // Schedules HEALTH_ALERT_AFTER is no multiple of: the first full hour past it.
    for (const every of [20, 60])
      expect(senders(every * MIN, { since: 4000, first: 0 }).map(Math.round)).toEqual([60, 120, 180, 240]);
  });

  it('more often only with runs closer together than the 5-minute window (three at 2-minute runs)', () => {
    const sent = senders(2 * MIN, { since: 4000, first: 0, hours: 2 }).map(Math.round);
    expect(sent).toEqual([30, 32, 34, 60, 62, 64]);
  });

  it('says when the next one is due', () => {
    expect(unwritableSchedule(30 * MIN, 0, 10 * MIN)).toEqual({ send: false, next: 29 * MIN });
    expect(unwritableSchedule(30 * MIN, 0, 40 * MIN)).toEqual({ send: false, next: 59 * MIN });
  });
});
