// Digest schedule (issue 15): DIGEST_EVERY periods aligned to midnight in MAIL_TIMEZONE, DIGEST_AT times.
import { describe, expect, test } from 'vitest';
import { parseTimesOfDay } from '../../src/config/values';
import { boundaryAfter, describeSchedule, wallToInstant } from '../../src/spool/schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const H = 3_600_000;

describe('boundaryAfter', () => {
  test('1h sends on the hour, 1d at midnight, in the mail time zone', () => {
    expect(iso(boundaryAfter(at('2026-11-23T10:05:00Z'), { every: H }, 'UTC'))).toBe('2026-11-23T11:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-11-23T11:00:00Z'), { every: H }, 'UTC'))).toBe('2026-11-23T12:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-11-23T10:05:00Z'), { every: 24 * H }, 'Europe/Zurich'))).toBe(
      '2026-11-23T23:00:00.000Z',
    );
    // India is 5:30 ahead: its hours start at :30 UTC.
    expect(iso(boundaryAfter(at('2026-11-23T10:05:00Z'), { every: H }, 'Asia/Kolkata'))).toBe(
      '2026-11-23T10:30:00.000Z',
    );
  });

  test('periods that do not divide the day restart at midnight', () => {
    const s = { every: 7 * H };
    expect(iso(boundaryAfter(at('2026-11-23T20:00:00Z'), s, 'UTC'))).toBe('2026-11-23T21:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-11-23T21:00:00Z'), s, 'UTC'))).toBe('2026-11-24T00:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-11-23T10:00:30Z'), { every: 60_000 }, 'UTC'))).toBe('2026-11-23T10:01:00.000Z');
  });

  test('DIGEST_AT times of day, wall clock across DST changes', () => {
    const s = { at: parseTimesOfDay('16:00, 08:00')! };
    expect(s.at).toEqual([8 * H, 16 * H]);
    expect(iso(boundaryAfter(at('2026-11-23T07:30:00Z'), s, 'UTC'))).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-11-23T16:00:00Z'), s, 'UTC'))).toBe('2026-11-24T08:00:00.000Z');
    // Zurich: 08:00 is 07:00Z in winter and 06:00Z in summer (DST from 2026-03-29).
    expect(iso(boundaryAfter(at('2026-03-28T12:00:00Z'), s, 'Europe/Zurich'))).toBe('2026-03-28T15:00:00.000Z');
    expect(iso(boundaryAfter(at('2026-03-28T15:00:00Z'), s, 'Europe/Zurich'))).toBe('2026-03-29T06:00:00.000Z');
  });

  test('hourly across the spring and autumn changes: every wall-clock hour once, in order', () => {
    for (const [from, hours] of [
      ['2026-03-28T22:00:00Z', 23],
      ['2026-10-24T22:00:00Z', 25],
    ] as const) {
      let t = at(from);
      const seen: number[] = [];
      for (let i = 0; i < hours; i++) {
        t = boundaryAfter(t, { every: H }, 'Europe/Zurich');
        seen.push(t);
      }
      expect(seen.every((b, i) => i === 0 || b - seen[i - 1]! === H)).toBe(true);
    }
  });

  test('wall times in a gap move forward by the gap, repeated ones take their first occurrence', () => {
    expect(iso(wallToInstant(at('2026-03-29T02:30:00Z'), 'Europe/Zurich'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(wallToInstant(at('2026-10-25T02:30:00Z'), 'Europe/Zurich'))).toBe('2026-10-25T00:30:00.000Z');
  });
});

test('parse and describe', () => {
  expect(parseTimesOfDay('8:00,16:30')).toEqual([8 * H, 16.5 * H]);
  for (const bad of ['', '24:00', '08:60', '8', '08:00,noon']) expect(parseTimesOfDay(bad)).toBeUndefined();
  expect(describeSchedule({ every: H }, 'UTC')).toBe('every 1h from midnight UTC');
  expect(describeSchedule({ at: [8 * H, 16 * H] }, 'Europe/Zurich')).toBe('at 08:00, 16:00 Europe/Zurich');
});
