// Issue 12, "Local state and process": permissions, the lock, a full disk on first contact.
// Through dist/run.js against the fake pxGrid and a real SMTP server.
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import { calls, storedAccount } from '../helpers/pxgrid-e2e';
import { type RunResult, startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const lockFile = () => join(w!.stateDir, 'run.lock');
const writeLock = (pid: number, started: number) =>
  writeFileSync(lockFile(), `${JSON.stringify({ pid, started: new Date(started).toISOString() })}\n`);
const withFailure = async () => {
  w = await startWorld({ ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() })] } });
  mkdirSync(w.stateDir, { recursive: true });
  return w;
};
const umask000 = { launcher: ['sh', '-c', 'umask 000; exec "$@"', 'sh'] };
const modes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, (statSync(join(dir, f)).mode & 0o777).toString(8)]));

describe('permissions under umask 000', () => {
  it('the state directory is 0700 and every file in it 0600, the lock included', async () => {
    w = await startWorld({ ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() })] } });
    // Killed after the fetch: the lock stays behind, so its mode can be seen.
    const killed = await w.run([], { ISE_TO_MAIL_TEST_CRASH: 'after-fetch' }, umask000);
    expect(killed.code).not.toBe(0);
    expect((statSync(w.stateDir).mode & 0o777).toString(8)).toBe('700');
    expect(modes(w.stateDir)).toEqual({ 'pxgrid-account.json': '600', 'run.lock': '600' });
    const r = await w.run([], {}, umask000);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(modes(w.stateDir)).toEqual({ 'cursor.json': '600', 'health.json': '600', 'pxgrid-account.json': '600' });
  });
});

describe('lock', () => {
  it.each([
    ['empty (left by a full disk)', ''],
    ['unparsable', '{"pid":12'],
  ])('an %s lock file is stale: the run takes it over', async (_what, content) => {
    await withFailure();
    writeFileSync(lockFile(), content);
    const r = await w!.run();
    expect(r.code, r.summary).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  });

  it.each([
    ['in the future', 10 * MIN],
    ['older than the longest possible run', -4 * MIN],
  ])('a lock whose owner is alive but started %s is stale', async (_what, offset) => {
    await withFailure();
    writeLock(process.pid, Date.now() + offset);
    const r = await w!.run([], { RUN_DEADLINE: '150s' });
    expect(r.code, r.summary).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('a live lock is respected; once held longer than HEALTH_ALERT_AFTER the refusal is a failed run', async () => {
    await withFailure();
    writeLock(process.pid, Date.now() - 30_000);
    const young = await w!.run([], { HEALTH_ALERT_AFTER: '2m' });
    expect(young.code).toBe(6);
    expect(young.summary).toMatch(/^ise-to-mail: WARN another run \(pid \d+, started .*\) holds .*run\.lock/);
    expect(existsSync(join(w!.stateDir, 'health.json'))).toBe(false);
    writeLock(process.pid, Date.now() - 3 * MIN);
    const stuck = await w!.run([], { HEALTH_ALERT_AFTER: '2m' });
    expect(stuck.code).toBe(6);
    expect(stuck.summary).toMatch(/^ise-to-mail: ERROR another run .* has held .*run\.lock for 3 min/);
    expect(stuck.summary).toMatch(/problem mail sent/);
    const health = JSON.parse(readFileSync(join(w!.stateDir, 'health.json'), 'utf8'));
    expect(health).toMatchObject({ failedRuns: 1, lastError: { exitCode: 6 } });
    const [m] = await w!.smtp.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/PROBLEM/);
    // The lock is not ours: left in place, and no failure was fetched or mailed.
    expect(existsSync(lockFile())).toBe(true);
    expect(calls(w!, 'getFailures')).toBe(0);
  });

  it('runs racing for one stale lock: exactly one takes it over, every time', { timeout: 120_000 }, async () => {
    await withFailure();
    w!.ise.fault('/pxgrid/ise/radius/getFailures', { delayMs: 800, times: 100 });
    for (let round = 0; round < 4; round++) {
      // A FIFO as the stale lock: every run blocks opening it until the test opens it for writing,
      // so all of them find it stale (empty) at the same instant and race for the takeover.
      execFileSync('mkfifo', [lockFile()]);
      utimesSync(lockFile(), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
      const children: ChildProcess[] = [];
      const runs = [0, 1, 2].map(() => w!.run([], {}, { onSpawn: (c) => children.push(c) }));
      await allBlockedOnFifo(children);
      spawnSync('sh', ['-c', `exec 3>"${lockFile()}"; exec 3>&-`], { timeout: 5000 });
      const codes = (await Promise.all(runs)).map((r: RunResult) => r.code).sort();
      expect(codes, `round ${round}`).toEqual([0, 6, 6]);
      expect(existsSync(lockFile())).toBe(false);
    }
  });
});

/** Waits until every child sleeps opening the FIFO (Linux wchan `wait_for_partner`), or 3 s without wchan. */
async function allBlockedOnFifo(children: ChildProcess[]): Promise<void> {
  const wchan = (c: ChildProcess) => {
    try {
      return readFileSync(`/proc/${c.pid}/wchan`, 'utf8');
    } catch {
      return undefined;
    }
  };
  let seen = false;
  for (let waited = 0; waited < 30_000; waited += 50) {
    const states = children.map(wchan);
    if (states.every((s) => s === 'wait_for_partner')) return;
    seen ||= states.includes('wait_for_partner');
    if (!seen && waited >= 3000) return; // wchan hidden by this kernel
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the runs never reached the lock');
}

/** A mount namespace with a tiny tmpfs needs root or unprivileged user namespaces: probe once. */
function tmpfsAvailable(): boolean {
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs /mnt'], { timeout: 5000 });
  return r.status === 0;
}

describe('full disk', () => {
  it.skipIf(!tmpfsAvailable())(
    'on first contact: no AccountCreate while STATE_DIR cannot hold the account file',
    async () => {
      w = await startWorld({ ise: { failures: [makeFailure({ timestamp: new Date().toISOString() })] } });
      mkdirSync(w.stateDir);
      // A fresh 8 KiB tmpfs on STATE_DIR holding a 4 KiB file: one page left, which the lock takes.
      const fill = 'mount -t tmpfs -o size=8k tmpfs "$0" && head -c 4096 /dev/zero > "$0/fill" && exec "$@"';
      const full = await w.run([], {}, { launcher: ['unshare', '-rm', 'sh', '-c', fill, w.stateDir] });
      expect(full.code, full.stdout + full.stderr).toBe(2);
      expect(full.summary).toMatch(
        /^ise-to-mail: ERROR STATE_DIR .* has no room for the pxGrid account file \(ENOSPC\)/,
      );
      expect(full.summary).toMatch(/nothing was asked of ISE/);
      expect(calls(w, 'AccountCreate')).toBe(0);
      // With room again, the first run creates the account once and keeps its password.
      const ok = await w.run();
      expect(ok.code, ok.summary).toBe(0);
      expect(calls(w, 'AccountCreate')).toBe(1);
      expect(storedAccount(w).password.length).toBeGreaterThan(0);
    },
  );
});
