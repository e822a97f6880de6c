// Issue 12: SIGTERM / SIGINT / SIGHUP during a run (EEM or an operator stopping it). Through
// dist/run.js against the fake pxGrid and a real SMTP server: an ERROR summary line, exit 128+n,
// the failure in the health record, the lock released, the cursor untouched.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import type { FakeSmtpOptions } from '../fake/smtp';
import { calls, storedAccount } from '../helpers/pxgrid-e2e';
import { type RunResult, startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const GET_FAILURES = '/pxgrid/ise/radius/getFailures';

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !cond(); waited += 20) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs the bundle and sends it `signal` once `ready` holds; resolves with the result and how long it took to stop. */
async function runStopped(
  signal: NodeJS.Signals,
  ready: () => boolean,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<RunResult & { stopMs: number }> {
  let child: ChildProcess | undefined;
  const result = w!.run(args, env, { onSpawn: (c) => (child = c) });
  await until(ready, 'the run to reach the point to stop it');
  const sent = Date.now();
  child!.kill(signal);
  const r = await result;
  return { ...r, stopMs: Date.now() - sent };
}

const fetching = () => w!.ise.requests.some((r) => r.path === GET_FAILURES);
const health = () => JSON.parse(readFileSync(join(w!.stateDir, 'health.json'), 'utf8'));

async function worldWithFailure(smtp: FakeSmtpOptions = {}): Promise<World> {
  w = await startWorld({
    smtp,
    ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() })] },
  });
  return w;
}

/** A world whose SMTP server holds the first RCPT TO for 3 s: the run is mid-send. Says when it got there. */
async function worldStalledInRcpt(): Promise<() => boolean> {
  let inRcpt = false;
  await worldWithFailure({
    beforeRcpt: async () => {
      if (inRcpt) return;
      inRcpt = true;
      await new Promise((r) => setTimeout(r, 3000));
    },
  });
  return () => inRcpt;
}

describe('stop signals', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    '%s while ISE answers: ERROR line, exit %i, failure recorded, lock released, cursor untouched',
    async (signal, code) => {
      await worldWithFailure();
      w!.ise.fault(GET_FAILURES, { delayMs: 20_000 });
      const r = await runStopped(signal, fetching);
      expect(r.code, r.stdout + r.stderr).toBe(code);
      expect(r.stopMs).toBeLessThan(5000);
      expect(r.summary).toBe(
        `ise-to-mail: ERROR stopped by ${signal} before the run finished; the cursor is unchanged, so the next ` +
          `run fetches the same failures again`,
      );
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
      expect(health()).toMatchObject({ failedRuns: 1, lastError: { exitCode: code } });
      expect(w!.cursor()).toBeUndefined();
      // Nothing lost: the next run mails the failure.
      const next = await w!.run();
      expect(next.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    },
  );

  it('SIGTERM during the SMTP transaction: the cursor stays, the next run mails the failure', async () => {
    const inRcpt = await worldStalledInRcpt();
    const r = await runStopped('SIGTERM', inRcpt);
    expect(r.code).toBe(143);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR stopped by SIGTERM before the run finished/);
    expect(w!.cursor()).toBeUndefined();
    expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
    const next = await w!.run();
    expect(next.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    expect(w!.cursor()).toBeDefined();
  });

  // A second signal ends the run at once, wherever its cleanup was: the mail may or may not have
  // been accepted and the cursor saved, so the line claims neither.
  it('a second SIGTERM while the first waits for the DATA reply: exits at once, claims nothing', async () => {
    let inData = false;
    await worldWithFailure({
      beforeDataReply: async () => {
        inData = true;
        await new Promise((r) => setTimeout(r, 3000));
      },
    });
    let child: ChildProcess | undefined;
    const result = w!.run([], {}, { onSpawn: (c) => (child = c) });
    await until(() => inData, 'the DATA reply');
    child!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    child!.kill('SIGTERM');
    const r = await result;
    expect(r.code, r.stdout + r.stderr).toBe(143);
    expect(r.summary).toBe(
      'ise-to-mail: ERROR stopped by SIGTERM (again, during cleanup); the next run resumes from the last ' +
        'saved cursor, so no failure is lost',
    );
  });

  it('SIGTERM while the digest is sent, after the spool commit: the spool holds the failures', async () => {
    const inRcpt = await worldStalledInRcpt();
    const digest = { ALERT_MODE: 'digest' };
    const r = await runStopped('SIGTERM', inRcpt, digest, ['--flush']);
    expect(r.code, r.stdout + r.stderr).toBe(143);
    expect(r.summary).toBe(
      'ise-to-mail: ERROR stopped by SIGTERM before the run finished; the failures are held in the digest spool ' +
        'and go out with its next mail (the cursor has moved past them)',
    );
    expect(w!.cursor()).toBeDefined();
    expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
    expect(health()).toMatchObject({ failedRuns: 1, lastError: { exitCode: 143 } });
    const next = await w!.run(['--flush'], digest);
    expect(next.summary).toMatch(/^ise-to-mail: OK digest of 1 failure mailed to 2 recipients; 0 new this run/);
    expect(w!.smtp.messages).toHaveLength(1);
  });

  // Issue 23 point 15: the server has the whole message and is about to answer 250 when the stop
  // comes. The run waits for that answer and records the delivery: no resend.
  it.each([
    ['each-run', {}, [], 'the cursor has moved past them'],
    ['digest', { ALERT_MODE: 'digest' }, ['--flush'], 'the digest spool was emptied'],
  ] as const)('SIGTERM while the server answers DATA (%s): delivered once, exit 143', async (_, env, args, moved) => {
    let inData = false;
    await worldWithFailure({
      beforeDataReply: async () => {
        inData = true;
        await new Promise((r) => setTimeout(r, 1500));
      },
    });
    const r = await runStopped('SIGTERM', () => inData, env, [...args]);
    expect(r.code, r.stdout + r.stderr).toBe(143);
    expect(r.summary).toBe(
      `ise-to-mail: ERROR stopped by SIGTERM after the mail was delivered (1 failure mailed to 2 recipients); ` +
        `${moved}, nothing is sent again`,
    );
    expect(w!.smtp.messages).toHaveLength(1);
    expect(w!.cursor()).toBeDefined();
    expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
    expect(health()).toMatchObject({ failedRuns: 1, lastError: { exitCode: 143 } });
    const next = await w!.run([...args], env);
    expect(next.summary).toMatch(/^ise-to-mail: OK (no new failures|nothing new)/);
    expect(w!.smtp.messages).toHaveLength(1);
  });

  it('SIGTERM while ISE creates the account: the password ISE returns is still stored', async () => {
    await worldWithFailure();
    w!.ise.fault('/pxgrid/control/AccountCreate', { delayMs: 1500 });
    const r = await runStopped('SIGTERM', () => calls(w!, 'AccountCreate') > 0);
    expect(r.code).toBe(143);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR stopped by SIGTERM before the run finished/);
    expect(storedAccount(w!).mode).toBe(0o600);
    const next = await w!.run();
    expect(next.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    expect(calls(w!, 'AccountCreate')).toBe(1);
  });

  it('runs stopped every time raise a PROBLEM mail once they have failed for HEALTH_ALERT_AFTER', async () => {
    await worldWithFailure();
    w!.ise.fault(GET_FAILURES, { delayMs: 20_000, times: 2 });
    const first = await runStopped('SIGTERM', fetching);
    expect(first.code).toBe(143);
    expect(w!.smtp.messages).toHaveLength(0);
    const later = String(Date.now() + 35 * MIN);
    const count = w!.ise.requests.length;
    const second = await runStopped(
      'SIGTERM',
      () => w!.ise.requests.slice(count).some((q) => q.path === GET_FAILURES),
      {
        ISE_TO_MAIL_TEST_NOW: later,
      },
    );
    expect(second.code).toBe(143);
    expect(second.summary).toMatch(/stopped by SIGTERM .*failing since .* \(2 runs\): problem mail sent/);
    const [m] = await w!.smtp.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/PROBLEM/);
    expect(m!.parsed.text).toContain('stopped by SIGTERM');
    expect(health()).toMatchObject({ failedRuns: 2 });
    expect(w!.cursor()).toBeUndefined();
  });
});
