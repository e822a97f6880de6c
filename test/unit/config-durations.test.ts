// A Node.js timer holds at most 2^31-1 ms; a longer delay fires after 1 ms
// (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args): RUN_DEADLINE=25d ended
// every run at once. Every duration setting is capped in the config check, naming the maximum.
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { configDir, FULL, usageMessage } from '../helpers/config';

const DURATIONS = [
  'CURSOR_OVERLAP',
  'RUN_DEADLINE',
  'HEALTH_ALERT_AFTER',
  'HEALTH_REPEAT',
  'INCIDENT_LEARNING',
  'INCIDENT_QUIET',
  'INCIDENT_NAS_WIDE_WINDOW',
  'INCIDENT_NEW_REASON_MEMORY',
  'INCIDENT_LOCKOUT_WINDOW',
];
const load = (env: Record<string, string>) => loadConfig({ baseDir: configDir(), env: { ...FULL, ...env } });

describe('durations a timer cannot hold', () => {
  test('RUN_DEADLINE of 25 days is a config error naming the variable and the maximum', () => {
    expect(usageMessage(() => load({ RUN_DEADLINE: '25d' }))).toBe(
      'RUN_DEADLINE must be at most 2147483647ms (about 24.8 days, the longest a timer can wait; got "25d") ' +
        '(from the environment)',
    );
  });

  test('every duration setting is refused past 2^31-1 ms, all named in one message', () => {
    const msg = usageMessage(() => load(Object.fromEntries(DURATIONS.map((k) => [k, '2147483648ms']))));
    for (const key of DURATIONS) expect(msg).toContain(`${key} must be at most 2147483647ms`);
  });

  test('the maximum itself is accepted', () => {
    const cfg = load({ RUN_DEADLINE: '2147483647ms', INCIDENT_NEW_REASON_MEMORY: '24d' });
    expect(cfg.deadlineMs).toBe(2 ** 31 - 1);
    expect(cfg.incidents.newReason.memoryMs).toBe(24 * 86_400_000);
  });
});
