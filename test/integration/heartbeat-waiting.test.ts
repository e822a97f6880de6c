// The all-quiet heartbeat (HEARTBEAT) must not claim "no RADIUS failures" while failures wait in
// the spool (issue 23 point 16): it says how many wait and for when. In-process, real modules.
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { startWorld } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Math.ceil(Date.now() / DAY) * DAY + DAY; // a UTC midnight ahead of the real clock
const utc = (t: number) => `${new Date(t).toISOString().replace('T', ' ').slice(0, 16)}`;

async function sim(env: Record<string, string>) {
  let now = T0;
  let seq = 0;
  const w = await startWorld({ ise: { now: () => now } });
  const base = { MAIL_TIMEZONE: 'UTC', HEARTBEAT: 'daily', INCIDENTS: 'off', ...env };
  return {
    w,
    at: async (t: number) => {
      now = t;
      const r = await w.runInProcess([], base, () => t);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r.summary;
    },
    fail: (t: number) =>
      w.ise.addFailures(makeFailure({ timestamp: new Date(t).toISOString(), userName: `u-${++seq}` }, seq)),
    subjects: () => w.smtp.messages.map((m) => m.parsed.subject ?? ''),
    text: (i: number) => w.smtp.messages[i]!.parsed.text ?? '',
  };
}

describe('the heartbeat while failures wait', () => {
  test('digest mode: a day without a mail, 2 failures pending: the heartbeat says they wait', async () => {
    // Digests at noon only: the failures of the morning wait past the heartbeat's slot at midnight.
    const s = await sim({ ALERT_MODE: 'digest', DIGEST_AT: '12:00' });
    expect(await s.at(T0 + HOUR)).toBe('ise-to-mail: OK no new failures');
    s.fail(T0 + 13 * HOUR);
    s.fail(T0 + 14 * HOUR);
    await s.at(T0 + 14 * HOUR + 5 * MIN);
    const beat = await s.at(T0 + DAY + HOUR + 5 * MIN);
    expect(beat).toMatch(/heartbeat sent/);
    expect(s.subjects()).toHaveLength(1);
    expect(s.subjects()[0]).toBe(
      `[ISE] ise-to-mail working: 2 RADIUS failures wait for the digest at ${utc(T0 + DAY + 12 * HOUR)}:00 UTC`,
    );
    expect(s.subjects()[0]).not.toMatch(/all quiet|no RADIUS failures/);
    expect(s.text(0)).toMatch(/2 RADIUS failures wait in the spool for the digest at /);
  });

  test('each-run mode, only muted failures waiting: the heartbeat says they wait for the next mail', async () => {
    const s = await sim({});
    expect(await s.at(T0)).toBe('ise-to-mail: OK no new failures');
    const muted = await s.w.runInProcess(['mute', 'reason:22040', '--for', '3d'], { MAIL_TIMEZONE: 'UTC' }, () => T0);
    expect(muted.code).toBe(0);
    s.fail(T0 + HOUR);
    await s.at(T0 + HOUR + 5 * MIN);
    expect(await s.at(T0 + DAY + 5 * MIN)).toMatch(/heartbeat sent/);
    expect(s.subjects()[0]).toBe('[ISE] ise-to-mail working: 1 muted RADIUS failure waits for the next mail');
    expect(s.text(0)).toMatch(/^Active mutes: reason:22040 until .* \(id 1\)/m);
  });
});
