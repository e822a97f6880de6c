// Issue 23 point 2 on a real filesystem: dist/run.js with STATE_DIR on a tiny tmpfs that is full
// (0 bytes free) or mounted read-only, holding the state of an earlier good run. Needs a mount
// namespace (root, or unprivileged user namespaces): skipped with the reason where there is none.
// The same behaviour is proven everywhere through the test failpoint in
// test/integration/state-unwritable.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import { type RunResult, startWorld } from '../helpers/world';

const MIN = 60_000;

/** A mount namespace with a tiny tmpfs needs root or unprivileged user namespaces: probe once. */
function tmpfsAvailable(): boolean {
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs /mnt'], { timeout: 5000 });
  return r.status === 0;
}

/**
 * `sh -c` script run as `<script> <mountpoint> <good state> node run.js ...`: a fresh 256 KiB tmpfs
 * on the mountpoint, the good run's state copied in with its times, then made full or read-only.
 */
const SPOIL = {
  ENOSPC: 'head -c 1048576 /dev/zero > "$0/fill" 2>/dev/null; true',
  EROFS: 'mount -o remount,ro "$0"',
};
const launcher = (code: keyof typeof SPOIL, mnt: string, good: string) => [
  'unshare',
  '-rm',
  'sh',
  '-c',
  `mount -t tmpfs -o size=256k tmpfs "$0" && cp -p "$1"/*.json "$0"/ && ${SPOIL[code]} && shift && exec "$@"`,
  mnt,
  good,
];

describe.skipIf(!tmpfsAvailable())('STATE_DIR on a full or read-only filesystem (mount namespace)', () => {
  for (const code of ['ENOSPC', 'EROFS'] as const) {
    it(`${code}: every run says why, and the one past HEALTH_ALERT_AFTER mails a PROBLEM`, async () => {
      const t0 = Date.now();
      let now = t0;
      const w = await startWorld({ ise: { now: () => now } });
      const env = { HEALTH_ALERT_AFTER: '30m', ISE_TO_MAIL_TEST_NOW: String(t0) };
      const good = await w.run([], { ...env, STATE_DIR: w.stateDir });
      expect(good.code, good.summary).toBe(0);
      const mnt = join(w.dir, 'mnt');
      mkdirSync(mnt);
      const runs: RunResult[] = [];
      for (let m = 10; m <= 40; m += 10) {
        now = t0 + m * MIN;
        w.ise.addFailures(makeFailure({ timestamp: new Date(now - MIN).toISOString(), userName: `u${m}` }, m));
        const env2 = { ...env, STATE_DIR: mnt, ISE_TO_MAIL_TEST_NOW: String(now) };
        runs.push(await w.run([], env2, { launcher: launcher(code, mnt, w.stateDir) }));
      }
      for (const r of runs) {
        expect(r.code, r.stdout + r.stderr).toBe(2);
        expect(r.summary).toMatch(new RegExp(`cannot create lock file .*\\(${code}\\).*STATE_DIR cannot be written`));
      }
      expect(runs.map((r) => /problem mail sent/.test(r.summary))).toEqual([false, false, true, false]);
      const subjects = w.smtp.messages.map((m) => m.parsed.subject ?? '');
      expect(subjects.filter((s) => s.includes('PROBLEM'))).toHaveLength(1);
      expect(w.smtp.messages.at(-1)!.parsed.text).toMatch(/STATE_DIR cannot be written/);
    });
  }
});
