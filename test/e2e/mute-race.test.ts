// `mute` and `unmute` as concurrent processes (issue 23 point 12): each read-modify-write of
// mutes.json happens under the run lock, so no change is lost and an unmute reported OK holds.
// Spawns dist/run.js: the race is between processes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBundle, startWorld } from '../helpers/world';

describe('mute commands racing each other', () => {
  test('8 parallel mutes, 3 rounds: every mute is kept', async () => {
    const w = await startWorld();
    const mute = (name: string) => w.run(['mute', `nas:${name}`, '--for', '1h']);
    for (let round = 0; round < 3; round++) {
      const names = Array.from({ length: 8 }, (_, i) => `sw-${round}-${i}`);
      const runs = await Promise.all(names.map(mute));
      for (const r of runs) expect(r.code, r.stdout + r.stderr).toBe(0);
      const list = await w.run(['mutes']);
      for (const n of names) expect(list.stdout).toContain(`nas:${n}`);
    }
  }, 120_000);

  test('unmute racing mute: both hold', async () => {
    const w = await startWorld();
    for (let round = 0; round < 6; round++) {
      const first = await w.run(['mute', `user:guest-${round}`, '--for', '1h']);
      const id = /\(id (\d+)\)/.exec(first.summary)![1]!;
      const [un, mu] = await Promise.all([w.run(['unmute', id]), w.run(['mute', `nas:sw-${round}`, '--for', '1h'])]);
      expect(un.summary).toBe(`ise-to-mail: OK unmuted user:guest-${round} (id ${id})`);
      expect(mu.code, mu.stdout).toBe(0);
      const list = await w.run(['mutes']);
      expect(list.stdout).not.toContain(`user:guest-${round}`);
      expect(list.stdout).toContain(`nas:sw-${round}`);
    }
  }, 120_000);

  test('a run holding the lock: mute waits, then exits 6 saying nothing changed', async () => {
    const w = await startWorld();
    mkdirSync(w.stateDir, { recursive: true, mode: 0o700 });
    // A live process (this test) holds the lock, as a long poll would.
    const lock = join(w.stateDir, 'run.lock');
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`);
    const started = Date.now();
    const r = await runBundle(w.dir, ['mute', 'nas:sw-1', '--for', '1h'], w.env);
    expect(Date.now() - started).toBeGreaterThan(5_000);
    expect(r.code).toBe(6);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR .*holds .*run\.lock.*: the mute was not saved; try again/);
    expect((await w.run(['mutes'])).summary).toBe('ise-to-mail: OK no active mutes');
  }, 60_000);
});
