// Issue 12, "Local state and process": permissions, the lock, a full disk on first contact.
// Through dist/run.js against the fake pxGrid and a real SMTP server.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

  it('a FIFO as run.lock is refused at once, within RUN_DEADLINE, never read from', async () => {
    await withFailure();
    execFileSync('mkfifo', [lockFile()]);
    const started = Date.now();
    const r = await w!.run([], { RUN_DEADLINE: '5s' }, { timeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.summary).toMatch(/run\.lock is not a regular file/);
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
      // An empty (stale) lock, and three runs held at a gate that opens for all of them at once, so
      // they race for the takeover. (A FIFO once held them at the lock itself; it is refused now.)
      writeFileSync(lockFile(), '');
      const gate = join(w!.dir, `gate-${round}`);
      const launcher = ['sh', '-c', 'while [ ! -e "$0" ]; do sleep 0.01; done; exec "$@"', gate];
      const runs = [0, 1, 2].map(() => w!.run([], {}, { launcher }));
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(gate, '');
      const codes = (await Promise.all(runs)).map((r: RunResult) => r.code).sort();
      expect(codes, `round ${round}`).toEqual([0, 6, 6]);
      expect(existsSync(lockFile())).toBe(false);
    }
  });
});

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
