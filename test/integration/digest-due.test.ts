// Digest mode: the summary lines that say when the digest goes out, pinned for each way its due
// time is found (a spool only a dry run would open, a spool open since before the last boundary,
// --flush) and for a run whose failures were all filtered out. Through the CLI in-process with a
// simulated clock (ISE_TO_MAIL_TEST_NOW), as in digest.test.ts.
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { simStart } from '../helpers/sim-start';
import { startWorld } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
// An hour boundary ahead of the real clock: the fake ISE's Date header (real time) seeds the cursor.
const H0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
/** Summary lines show times as ISO UTC, like `(newest …)`. */
const at = (offset: number) => new Date(H0 + offset).toISOString();
const NOTHING = 'nothing sent, cursor unchanged';

async function sim() {
  let now = H0;
  let seq = 0;
  const w = await startWorld({ ise: { now: () => now } });
  return {
    run: async (offset: number, args: string[] = [], env: Record<string, string> = {}) => {
      now = H0 + offset;
      const r = await w.runInProcess(args, { ALERT_MODE: 'digest', ISE_TO_MAIL_TEST_NOW: String(now), ...env });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r.summary;
    },
    fail: (offset: number, userName: string) =>
      w.ise.addFailures(makeFailure({ timestamp: new Date(H0 + offset).toISOString(), userName }, ++seq)),
    mails: () => w.smtp.messages.length,
  };
}

describe('when the digest goes out', () => {
  test('--dry-run: the boundary after the spool opens (or would), now with --flush or once overdue', async () => {
    const s = await sim();
    expect(await s.run(5 * MIN)).toBe('ise-to-mail: OK no new failures');
    s.fail(10 * MIN, 'u-1');
    const dry = 'ise-to-mail: OK dry run: 1 new failure found; the digest of 1 failure would go out';
    expect(await s.run(15 * MIN, ['run', '--dry-run'])).toBe(`${dry} at ${at(HOUR)}; ${NOTHING}`);
    expect(await s.run(15 * MIN, ['run', '--dry-run', '--flush'])).toBe(`${dry} now; ${NOTHING}`);
    expect(await s.run(15 * MIN, ['run', '--dry-run'], { ALERT_MODE: 'each-run' })).toMatch(
      /^ise-to-mail: OK dry run: 1 new failure found, nothing sent, cursor unchanged/,
    );
    expect(await s.run(16 * MIN)).toBe(
      `ise-to-mail: OK 1 new failure spooled; 1 pending for the digest at ${at(HOUR)}`,
    );
    expect(await s.run(20 * MIN, ['run', '--dry-run'])).toBe(
      `ise-to-mail: OK dry run: 0 new failures found; the digest of 1 failure would go out at ${at(HOUR)}; ${NOTHING}`,
    );
    expect(await s.run(21 * MIN, ['run', '--dry-run'], { ALERT_MODE: 'each-run' })).toBe(
      `ise-to-mail: OK dry run: 0 new failures found; the digest of 1 failure would go out now; ${NOTHING}`,
    );
    s.fail(HOUR + MIN, 'u-2');
    // The spool opened before the hour: its digest is overdue, whatever the boundary after this run.
    expect(await s.run(HOUR + 2 * MIN, ['run', '--dry-run'])).toBe(
      `ise-to-mail: OK dry run: 1 new failure found; the digest of 2 failures would go out now; ${NOTHING}`,
    );
    expect(s.mails()).toBe(0);
  });

  test('failures all filtered out: none for the mail body, nothing pending', async () => {
    const s = await sim();
    const lab = { EXCLUDE_USERS: 'lab-*' };
    expect(await s.run(5 * MIN, [], lab)).toBe('ise-to-mail: OK no new failures');
    s.fail(10 * MIN, 'lab-1');
    expect(await s.run(15 * MIN, ['run', '--dry-run'], lab)).toBe(
      `ise-to-mail: OK dry run: 1 new failure, nothing for the mail body; ${NOTHING}`,
    );
    expect(await s.run(16 * MIN, [], lab)).toBe('ise-to-mail: OK 1 new failure, none for the mail body');
    expect(await s.run(20 * MIN, [], lab)).toBe('ise-to-mail: OK no new failures');
    expect(s.mails()).toBe(0);
  });
});
