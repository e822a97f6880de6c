// Issue 23 point 2: a full or read-only STATE_DIR must not silence the alerts. In-process through
// the real modules against the fake pxGrid and a real SMTP server; the full or read-only flash is
// the test failpoint ISE_TO_MAIL_TEST_STATE_FAULT (src/core/failpoints.ts), which makes every
// write into STATE_DIR fail with that system error while reads keep working, as on such a flash.
// test/e2e/state-full.test.ts shows the same on a real tiny filesystem where one can be mounted.
import { afterEach, describe, expect, it } from 'vitest';
import { setStateFault } from '../../src/core/testing';
import { makeFailure } from '../fake/records';
import { type RunResult, startWorld, type World } from '../helpers/world';

const MIN = 60_000;

interface Sim {
  w: World;
  /** One run `offsetMs` after the first, with one new failure logged just before it. */
  at(offsetMs: number, extra?: Record<string, string>, args?: string[], fresh?: boolean): Promise<RunResult>;
  subjects(): string[];
  texts(): string[];
}

afterEach(() => setStateFault(undefined));

async function sim(env: Record<string, string> = {}): Promise<Sim> {
  // Real time at the start: the mtime of the last state written is real time too.
  const t0 = Date.now();
  let now = t0;
  const w = await startWorld({ ise: { now: () => now } });
  let seq = 0;
  return {
    w,
    at: (offsetMs, extra = {}, args = [], fresh = true) => {
      now = t0 + offsetMs;
      if (fresh)
        w.ise.addFailures(makeFailure({ timestamp: new Date(now - MIN).toISOString(), userName: `u${++seq}` }, seq));
      return w.runInProcess(args, { HEALTH_ALERT_AFTER: '30m', ...env, ...extra }, () => now);
    },
    subjects: () => w.smtp.messages.map((m) => m.parsed.subject ?? ''),
    texts: () => w.smtp.messages.map((m) => m.parsed.text ?? ''),
  };
}

const problems = (s: Sim) => s.subjects().filter((x) => x.includes('PROBLEM'));

describe('a STATE_DIR that cannot be written', () => {
  for (const code of ['ENOSPC', 'EROFS']) {
    it(`${code} on every write: a refused lock mails PROBLEM past HEALTH_ALERT_AFTER, then hourly`, async () => {
      const s = await sim();
      const first = await s.at(0);
      expect(first.code, first.summary).toBe(0);
      const before = s.w.smtp.messages.length;
      setStateFault(code);
      const runs: Array<[number, RunResult]> = [];
      for (let m = 10; m <= 120; m += 10) runs.push([m, await s.at(m * MIN)]);
      for (const [, r] of runs) {
        expect(r.code, r.summary).toBe(2);
        expect(r.summary).toMatch(new RegExp(`cannot create lock file .*\\(${code}\\)`));
      }
      // Only health mails: no failure can be mailed while the cursor cannot move.
      const mails = s.subjects().slice(before);
      expect(mails).toHaveLength(3);
      expect(mails.every((x) => x.includes('PROBLEM'))).toBe(true);
      // Which runs sent it: the one 30 min after the last state was written, then each full hour.
      const sentBy = runs.filter(([, r]) => /problem mail sent/.test(r.summary)).map(([m]) => m);
      expect(sentBy).toEqual([30, 60, 120]);
      // The text part wraps at 78 columns, continuation lines indented.
      const text = s.texts().at(-1)!.replace(/\n +/g, ' ');
      expect(text).toMatch(new RegExp(`\\(${code}\\)`));
      expect(text).toMatch(/STATE_DIR cannot be written/);
      expect(text).toMatch(/repeats about hourly/);
      // The runs in between say when it comes.
      expect(runs[0]![1].summary).toMatch(
        /STATE_DIR cannot be written \(last state written \S+T\S+\.\d{3}Z\): problem mail from \S+T\S+\.\d{3}Z, /,
      );
    });
  }

  it('a new install whose STATE_DIR was never writable: the line says no alert comes until it is', async () => {
    const s = await sim();
    setStateFault('EROFS');
    const r = await s.at(0);
    expect(r.code, r.summary).toBe(2);
    expect(r.summary).toMatch(/cannot create lock file .*\(EROFS\)/);
    expect(r.summary).toMatch(
      /STATE_DIR has never been written: no failure and no PROBLEM mail can be sent until it is writable$/,
    );
  });

  it('digest mode, spool and state files full (the lock fits): PROBLEM mail within HEALTH_ALERT_AFTER', async () => {
    const s = await sim({ ALERT_MODE: 'digest', DIGEST_EVERY: '1h', INCIDENTS: 'off' });
    expect((await s.at(0)).code).toBe(0);
    setStateFault('ENOSPC:spool.json,cursor.json,health.json,incidents.json');
    const runs: RunResult[] = [];
    for (let m = 10; m <= 40; m += 10) runs.push(await s.at(m * MIN));
    for (const r of runs) expect(r.code, r.summary).toBe(2);
    expect(problems(s)).toHaveLength(1);
    expect(runs[2]!.summary).toMatch(/problem mail sent/);
  });

  it('digest mode: a failed write of incidents.json blocks neither the spool commit nor the mail', async () => {
    const s = await sim({ ALERT_MODE: 'digest', DIGEST_EVERY: '1h', INCIDENTS: 'on' });
    expect((await s.at(0)).code).toBe(0);
    setStateFault('ENOSPC:incidents.json');
    // --flush: the digest goes now, whatever the hour (a due digest takes the same path).
    const flushed = await s.at(10 * MIN, {}, ['--flush']);
    expect(flushed.code, flushed.summary).toBe(0);
    expect(flushed.summary).toMatch(
      /^ise-to-mail: WARN digest of 2 failures mailed .*incidents\.json not saved \(ENOSPC\)/,
    );
    expect(s.subjects().filter((x) => x.includes('digest'))).toHaveLength(1);
    const next = await s.at(20 * MIN);
    expect(next.code, next.summary).toBe(0);
    expect(next.summary).toMatch(/1 new failure spooled.*incidents\.json not saved \(ENOSPC\)/);
  });

  it('each-run mode, cursor.json cannot be saved: every re-mail of the batch says so in subject and body', async () => {
    const s = await sim();
    expect((await s.at(0)).code).toBe(0);
    const before = s.w.smtp.messages.length;
    setStateFault('ENOSPC:cursor.json');
    const a = await s.at(10 * MIN);
    const b = await s.at(20 * MIN);
    for (const r of [a, b]) {
      expect(r.code, r.summary).toBe(2);
      expect(r.summary).toMatch(/cursor was not saved/);
    }
    const subjects = s.subjects().slice(before);
    const texts = s.texts().slice(before);
    expect(subjects).toHaveLength(2);
    for (const x of subjects) expect(x).toMatch(/cursor not saved/);
    for (const x of texts) expect(x).toMatch(/cursor could not be saved \(ENOSPC\).*mailed again/s);
    // With room again the cursor moves and the next mail is plain.
    setStateFault(undefined);
    const c = await s.at(30 * MIN);
    expect(c.code, c.summary).toBe(0);
    expect(s.subjects().at(-1)).not.toMatch(/cursor not saved/);
  });

  it('digest mode, the spool cannot be emptied: every re-sent digest says so in subject and body', async () => {
    const s = await sim({ ALERT_MODE: 'digest', DIGEST_EVERY: '1h', INCIDENTS: 'off' });
    expect((await s.at(0)).code).toBe(0);
    setStateFault('ENOSPC:spool.json');
    // No new failure: nothing to commit, so only emptying the spool after the mail needs a write.
    const a = await s.at(10 * MIN, {}, ['--flush'], false);
    const b = await s.at(20 * MIN, {}, ['--flush'], false);
    for (const r of [a, b]) {
      expect(r.code, r.summary).toBe(2);
      expect(r.summary).toMatch(/the spool was not emptied/);
    }
    expect(s.subjects()).toHaveLength(2);
    for (const x of s.subjects()) expect(x).toMatch(/spool not emptied/);
    for (const x of s.texts()) expect(x).toMatch(/spool could not be emptied \(ENOSPC\).*sent again/s);
    setStateFault(undefined);
    const c = await s.at(30 * MIN, {}, ['--flush']);
    expect(c.code, c.summary).toBe(0);
    expect(s.subjects().at(-1)).not.toMatch(/spool not emptied/);
  });
});
