// Issue 23 points 9 and 10: what a run may delete in STATE_DIR. In-process through the real
// modules against the fake pxGrid and a real SMTP server.
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import { startWorld, type World } from '../helpers/world';

const MIN = 60_000;

async function world(): Promise<World> {
  const w = await startWorld({
    ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() })] },
  });
  mkdirSync(w.stateDir, { recursive: true });
  return w;
}

/** A file `ageMs` old. */
function plant(file: string, ageMs: number, content = 'x'): void {
  writeFileSync(file, content);
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(file, t, t);
}

describe('temp files of killed writes (point 9)', () => {
  it('a run sweeps our own stale temp files, and only those', async () => {
    const w = await world();
    const dir = w.stateDir;
    const stale = [
      '.cursor.json.912277467.tmp',
      '.incidents.json.12.tmp',
      '.health.json.5.tmp',
      '.withheld.json.3.tmp',
      '.mutes.json.8.tmp',
      '.run.lock.77.tmp',
      'run.lock.99.stale',
    ];
    for (const f of stale) plant(join(dir, f), 30 * MIN, 'x'.repeat(4096));
    // A write in progress by a run starting now, and files that are not ours, stay.
    const kept = ['.cursor.json.4.tmp', '.notes.json.1.tmp', 'cursor.json.bak', '.cursor.json.tmp', 'backup.tar'];
    plant(join(dir, kept[0]!), 0);
    for (const f of kept.slice(1)) plant(join(dir, f), 30 * MIN);
    const r = await w.runInProcess();
    expect(r.code, r.summary).toBe(0);
    const left = readdirSync(dir);
    for (const f of stale) expect(left).not.toContain(f);
    for (const f of kept) expect(left).toContain(f);
  });
});

describe('spool recovery (point 10)', () => {
  it('deletes only the files the spool names as its own', async () => {
    const w = await world();
    const spool = join(w.stateDir, 'spool');
    mkdirSync(spool);
    const foreign = ['notes.txt', 'important.conf', 'seg-1.gz.orig'];
    for (const f of foreign) plant(join(spool, f), 30 * MIN);
    const debris = ['seg-7.gz', 'cursor-7.json', '.spool.json.3.tmp', '.seg-8.gz.4.tmp'];
    for (const f of debris) plant(join(spool, f), 30 * MIN);
    const r = await w.runInProcess([], { ALERT_MODE: 'digest', DIGEST_EVERY: '1h' });
    expect(r.code, r.summary).toBe(0);
    const left = readdirSync(spool);
    for (const f of foreign) expect(left).toContain(f);
    for (const f of debris) expect(left).not.toContain(f);
  });

  it('refuses a spool that is a symlink, and deletes nothing through it', async () => {
    const w = await world();
    const other = join(w.dir, 'other-dir');
    mkdirSync(other);
    for (const f of ['notes.txt', 'backup.tar', 'seg-3.gz']) plant(join(other, f), 30 * MIN);
    symlinkSync(other, join(w.stateDir, 'spool'));
    const r = await w.runInProcess([], { ALERT_MODE: 'digest', DIGEST_EVERY: '1h' });
    expect(r.code, r.summary).toBe(2);
    expect(r.summary).toMatch(/spool is not a directory/);
    expect(readdirSync(other).sort()).toEqual(['backup.tar', 'notes.txt', 'seg-3.gz']);
    expect(existsSync(join(w.stateDir, 'spool'))).toBe(true);
  });
});
