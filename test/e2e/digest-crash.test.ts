// Digest mode killed at every spool phase (ISE_TO_MAIL_TEST_CRASH, SIGKILL as a power cut): the
// bundle itself, since what is proven is what a dead process leaves in STATE_DIR.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { H0, HOUR, MIN, sim } from '../helpers/digest-sim';

describe('crash at every phase: each failure mailed once (twice only after the mail was accepted)', () => {
  const phases = ['after-fetch', 'spool-segment', 'spool-commit', 'spool-cursor', 'after-send', 'spool-reset'];
  test.each(phases)('killed at %s', async (phase) => {
    const s = await sim({}, { spawn: true });
    await s.at(5 * MIN);
    s.fail(10 * MIN, 'u-1');
    await s.at(15 * MIN);
    s.fail(50 * MIN, 'u-2');
    const killed = await s.at(HOUR + 2 * MIN, [], { ISE_TO_MAIL_TEST_CRASH: phase });
    expect(killed.summary).toBe('');
    expect(killed.code).not.toBe(0);
    s.fail(HOUR + 4 * MIN, 'u-3');
    const next = await s.at(HOUR + 6 * MIN);
    expect(next.code).toBe(0);
    await s.at(2 * HOUR + 5 * MIN);
    await s.at(2 * HOUR + 15 * MIN);
    const expected: Record<string, string[][]> = {
      'after-send': [
        ['u-1', 'u-2'],
        ['u-1', 'u-2', 'u-3'],
      ],
      'spool-reset': [['u-1', 'u-2'], ['u-3']],
    };
    expect(s.mailed()).toEqual(expected[phase] ?? [['u-1', 'u-2', 'u-3']]);
    expect(s.spoolFiles()).toEqual(['spool.json']);
    expect(existsSync(join(s.w.stateDir, 'run.lock'))).toBe(false);
  });
});

// Issue 23 point 8: past 8 segments a run merges them. Killed (SIGKILL) at either step of the
// merge, the spool still attaches every failure exactly once, and it stays small.
describe('segment merge', () => {
  test.each(['spool-merge', 'spool-merged'])('killed at %s: each failure mailed once', async (phase) => {
    // One digest a day, twelve hours away from the runs: a DIGEST_EVERY=1d boundary (midnight)
    // falls inside the 65 simulated minutes when the suite starts near 22:00 UTC.
    const noon = new Date(H0 + 12 * HOUR).toISOString().slice(11, 16);
    const env = { DIGEST_AT: noon, MAIL_TIMEZONE: 'UTC', INCIDENTS: 'off' };
    const s = await sim(env, { spawn: true });
    await s.at(0);
    const users: string[] = [];
    for (let run = 1; run <= 9; run++) {
      users.push(`u-${run}`);
      s.fail(run * 5 * MIN - MIN, `u-${run}`);
      const crash: Record<string, string> = run === 9 ? { ISE_TO_MAIL_TEST_CRASH: phase } : {};
      const r = await s.at(run * 5 * MIN, [], crash);
      if (run < 9) expect(r.summary, r.stdout + r.stderr).toMatch(/^ise-to-mail: OK 1 new failure spooled/);
      else expect(r.summary).toBe('');
    }
    for (let run = 10; run <= 12; run++) {
      users.push(`u-${run}`);
      s.fail(run * 5 * MIN - MIN, `u-${run}`);
      expect((await s.at(run * 5 * MIN)).code).toBe(0);
    }
    expect(s.spoolFiles().filter((f) => f.startsWith('seg-')).length).toBeLessThanOrEqual(9);
    const sent = await s.at(13 * 5 * MIN, ['--flush']);
    expect(sent.summary).toMatch(/^ise-to-mail: OK digest of 12 failures mailed/);
    expect(s.mailed()).toEqual([users.sort()]);
    expect(s.spoolFiles()).toEqual(['spool.json']);
  });
});
