// Digest mode with a device clock that was wrong for one run (or a hand-edited spool.json): a time
// stored in the future is never trusted. In-process through the real modules, the fake ISE and SMTP.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { simStart } from '../helpers/sim-start';
import { startWorld } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// An hour boundary ahead of the real clock: the fake ISE's clock follows the test's.
const H0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
/** Summary lines show times as ISO UTC, like `(newest …)`. */
const at = (t: number) => new Date(t).toISOString();

async function sim() {
  let now = H0;
  let seq = 0;
  const w = await startWorld({ ise: { now: () => now } });
  const env = { ALERT_MODE: 'digest', DIGEST_EVERY: '1h', HEARTBEAT: 'off', INCIDENTS: 'off' };
  return {
    w,
    run: async (t: number, args: string[] = [], ise = t) => {
      now = ise;
      const r = await w.runInProcess(args, env, () => t);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r;
    },
    fail: (t: number) =>
      w.ise.addFailures(makeFailure({ timestamp: new Date(t).toISOString(), userName: `u-${++seq}` }, seq)),
    manifest: () => join(w.stateDir, 'spool', 'spool.json'),
  };
}

const CLAMPED = /spool\.json openedAt .* lay in the future: counted from now/;

describe('a stored time in the future', () => {
  test('one run with the clock 2 days ahead delays no digest past its boundary once the clock is right', async () => {
    const s = await sim();
    expect((await s.run(H0 + 5 * MIN)).summary).toBe('ise-to-mail: OK no new failures');
    s.fail(H0 + 8 * MIN);
    // The device clock jumps 2 days ahead for one run; ISE's stays right.
    const skewed = await s.run(H0 + 2 * DAY + 10 * MIN, [], H0 + 10 * MIN);
    expect(skewed.summary).toContain(`1 pending for the digest at ${at(H0 + 2 * DAY + HOUR)}`);
    s.fail(H0 + 18 * MIN);
    const back = await s.run(H0 + 20 * MIN);
    expect(back.summary).toMatch(/^ise-to-mail: WARN 1 new failure spooled; 2 pending for the digest at /);
    expect(back.summary).toContain(`for the digest at ${at(H0 + HOUR)}`);
    expect(back.summary).toMatch(CLAMPED);
    const json = await s.run(H0 + 30 * MIN, ['run', '--json']);
    expect(JSON.parse(json.summary).message).toMatch(/for the digest at \S+T\S+\.\d{3}Z$/);
    expect(s.w.smtp.messages).toHaveLength(0);
    // The boundary passes on the corrected clock: the digest goes out.
    expect((await s.run(H0 + HOUR + 5 * MIN)).summary).toMatch(/^ise-to-mail: OK digest of 2 failures mailed/);
    expect(s.w.smtp.messages).toHaveLength(1);
  });

  test('a hand-edited openedAt in 2099: clamped and said, in the summary line and in --json', async () => {
    const s = await sim();
    await s.run(H0 + 5 * MIN);
    s.fail(H0 + 8 * MIN);
    await s.run(H0 + 10 * MIN);
    const m = JSON.parse(readFileSync(s.manifest(), 'utf8'));
    writeFileSync(s.manifest(), JSON.stringify({ ...m, openedAt: '2099-01-01T00:00:00.000Z' }));
    const r = await s.run(H0 + 20 * MIN, ['run', '--json']);
    const out = JSON.parse(r.summary);
    expect(out.status).toBe('WARN');
    expect(out.message).toContain(`1 pending for the digest at ${at(H0 + HOUR)}`);
    expect(out.message).toMatch(CLAMPED);
    expect(out.message).toContain('2099-01-01');
    // Said once: the clamped time is what the spool holds now.
    expect(JSON.parse(readFileSync(s.manifest(), 'utf8')).openedAt).toBe(new Date(H0 + 20 * MIN).toISOString());
    expect((await s.run(H0 + 25 * MIN)).summary).toBe(
      `ise-to-mail: OK no new failures; 1 pending for the digest at ${at(H0 + HOUR)}`,
    );
  });
});

describe('health.json times in the future', () => {
  test('a heartbeat sent with the clock 2 days ahead delays the next one by no more than its period', async () => {
    let now = H0;
    const w = await startWorld({ ise: { now: () => now } });
    const env = { HEARTBEAT: 'daily', MAIL_TIMEZONE: 'UTC' };
    const run = async (t: number) => {
      now = t;
      const r = await w.runInProcess([], env, () => t);
      expect(r.code, r.stdout).toBe(0);
      return r.summary;
    };
    expect(await run(H0)).toBe('ise-to-mail: OK no new failures');
    // Two days ahead for one run: nothing mailed for "two days", so a heartbeat goes out.
    expect(await run(H0 + 2 * DAY + 5 * MIN)).toMatch(/all-quiet heartbeat sent$/);
    const back = await run(H0 + 10 * MIN);
    expect(back).toMatch(/^ise-to-mail: WARN no new failures; /);
    expect(back).toMatch(/health\.json held times in the future .*: taken as now/);
    expect(await run(H0 + 20 * MIN)).toBe('ise-to-mail: OK no new failures');
    expect(await run(H0 + DAY + 15 * MIN)).toMatch(/all-quiet heartbeat sent$/);
    expect(w.smtp.messages).toHaveLength(2);
  });
});

describe('a mute created with the clock ahead', () => {
  test('is not trusted once the clock is right: ignored, said by mutes and the run', async () => {
    let now = H0;
    const w = await startWorld({ ise: { now: () => now } });
    const env = { MAIL_TIMEZONE: 'UTC' };
    const at = (t: number, args: string[]) => {
      now = t;
      return w.runInProcess(args, env, () => t);
    };
    expect((await at(H0 + 365 * DAY, ['mute', 'nas:sw-lab-01', '--for', '1h'])).code).toBe(0);
    const list = await at(H0, ['mutes']);
    expect(list.stdout).toMatch(/^1 +nas:sw-lab-01 .*created .* in the future: ignored, mute it again/m);
    expect(list.summary).toBe('ise-to-mail: WARN no active mutes; 1 untrusted mute ignored');
    w.ise.addFailures(makeFailure({ timestamp: new Date(H0 + MIN).toISOString(), networkDeviceName: 'sw-lab-01' }, 1));
    const r = await at(H0 + 2 * MIN, []);
    expect(r.summary).toMatch(/^ise-to-mail: WARN 1 new failure mailed to 2 recipients/);
    expect(r.summary).toMatch(/mute 1 \(nas:sw-lab-01\): created .* in the future: ignored/);
    expect(w.smtp.messages).toHaveLength(1);
  });
});

describe('a hand-edited mute', () => {
  test.each(['2099-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'])(
    'until %s, beyond the longest mute: ignored and said',
    async (until) => {
      const w = await startWorld();
      const now = Date.now();
      expect((await w.runInProcess(['mute', 'nas:sw-lab-01', '--for', '1h'], {}, () => now)).code).toBe(0);
      const file = join(w.stateDir, 'mutes.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.mutes[0].until = until;
      writeFileSync(file, JSON.stringify(data));
      const list = await w.runInProcess(['mutes'], {}, () => now);
      expect(list.stdout).toMatch(/^1 +nas:sw-lab-01 .*beyond the longest mute \(366d\): ignored, mute it again/m);
      expect(list.summary).toBe('ise-to-mail: WARN no active mutes; 1 untrusted mute ignored');
      w.ise.addFailures(makeFailure({ networkDeviceName: 'sw-lab-01' }, 1));
      const r = await w.runInProcess([], {}, () => now + MIN);
      expect(r.summary).toMatch(/^ise-to-mail: WARN 1 new failure mailed to 2 recipients/);
      expect(r.summary).toMatch(/mute 1 \(nas:sw-lab-01\): until .*, beyond the longest mute \(366d\): ignored/);
      expect(w.smtp.messages).toHaveLength(1);
    },
  );
});
