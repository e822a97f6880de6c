// The test-only knob that starts the simulated clocks at a chosen UTC hour (test/helpers/sim-start.ts).
import { describe, expect, test } from 'vitest';
import { simStart } from '../helpers/sim-start';

const HOUR = 3_600_000;
const usual = Date.UTC(2026, 11, 7, 21, 47, 12); // Monday 21:47:12 UTC
// The knob as the environment would hold it: these tests never read the real one (test:clock sets it).
const at = (hour: string) => ({ ISE_TO_MAIL_TEST_SIM_START_HOUR: hour });

describe('ISE_TO_MAIL_TEST_SIM_START_HOUR', () => {
  test('unset or empty: the usual start', () => {
    expect(simStart(usual, {})).toBe(usual);
    expect(simStart(usual, at(''))).toBe(usual);
  });

  test('the next instant at that UTC hour, same minute, never before the usual start', () => {
    expect(new Date(simStart(usual, at('23'))).toISOString()).toBe('2026-12-07T23:47:12.000Z');
    expect(new Date(simStart(usual, at('0'))).toISOString()).toBe('2026-12-08T00:47:12.000Z');
    expect(new Date(simStart(usual, at('21'))).toISOString()).toBe('2026-12-07T21:47:12.000Z');
    expect(new Date(simStart(usual, at('12'))).toISOString()).toBe('2026-12-08T12:47:12.000Z');
    for (let h = 0; h < 24; h++) {
      const t = simStart(usual, at(String(h)));
      expect(new Date(t).getUTCHours()).toBe(h);
      expect(t - usual).toBeGreaterThanOrEqual(0);
      expect(t - usual).toBeLessThan(24 * HOUR);
    }
  });

  test('anything but an hour 0..23 stops the test run with the knob named', () => {
    for (const bad of ['24', '-1', '7.5', 'noon']) {
      expect(() => simStart(usual, at(bad))).toThrow(
        `ISE_TO_MAIL_TEST_SIM_START_HOUR=${bad}: expected a UTC hour 0..23`,
      );
    }
  });
});
