// The digest spool in-process (issue 15): exact counts survive a save, records come back for the
// attachment, a damaged segment costs attachment rows but never counts, and reset empties it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { armFailpoints } from '../../src/core/testing';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { spoolDir } from '../../src/spool/manifest';
import { Spool } from '../../src/spool/spool';
import { emptyCursor, loadCursor } from '../../src/state/cursor';
import { IdTimeSet } from '../../src/state/idset';
import { makeFailure } from '../fake/records';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = Date.parse('2026-11-23T10:00:00Z');
const ids = (n: number) => {
  const s = new IdTimeSet();
  for (let i = 0; i < n; i++) s.add(String(1000 + i), T + i);
  return s;
};

interface RunOpts {
  mute?: (r: FailureRecord) => string | undefined;
  attach?: 'csv' | 'json';
}

function spoolRun(users: string[], opts: RunOpts = {}) {
  const spool = Spool.open(dir, true);
  const d = spool.rollupForRun({ mute: opts.mute }, opts.attach ?? 'csv', 10_000_000);
  users.forEach((u, i) => {
    d.add(makeFailure({ userName: u, timestamp: new Date(T + i).toISOString(), totalFailedAttempts: 3 }, i));
  });
  spool.commit(d, { highWater: T + users.length, seen: ids(users.length) }, T);
  return spool;
}

test('counts, repeat counts and mutes survive the spool; records come back for the attachment', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-'));
  spoolRun(['alice', 'bob'], { mute: (r) => (r.userName === 'bob' ? 'user:bob (mute 1)' : undefined) });
  spoolRun(['alice', 'carol']);
  const spool = Spool.open(dir, true);
  expect([spool.total, spool.muted, spool.openedAt]).toEqual([3, 1, T]);
  expect(loadCursor(dir).highWater).toBe(T + 2);
  const { rollup: digest, notes } = spool.rollupToSend({ attach: 'csv' });
  expect(notes).toEqual([]);
  expect(digest.details().map((r) => [r.user, r.count, r.attempts])).toEqual([
    ['carol', 1, 3],
    ['alice', 2, 6],
  ]);
  expect([...digest.muted]).toEqual([['user:bob (mute 1)', 1]]);
  const csv = gunzipSync(digest.attachment()!.content()).toString('utf8');
  expect(csv.split('\r\n').filter((l) => /alice|bob|carol/.test(l))).toHaveLength(4);
  spool.reset();
  expect(readdirSync(spoolDir(dir))).toEqual(['spool.json']);
  expect(Spool.open(dir, true).total).toBe(0);
});

test('a damaged segment costs attachment rows, never counts; leftovers of a crashed run are removed', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-'));
  spoolRun(['alice', 'bob']);
  const seg = readdirSync(spoolDir(dir)).find((f) => f.startsWith('seg-'))!;
  writeFileSync(join(spoolDir(dir), seg), 'not gzip');
  writeFileSync(join(spoolDir(dir), 'seg-99.gz'), 'left by a crashed run');
  const spool = Spool.open(dir, true);
  expect(readdirSync(spoolDir(dir)).sort()).toEqual([seg, 'spool.json']);
  const { rollup: digest, notes } = spool.rollupToSend({ attach: 'csv' });
  expect(notes).toEqual([
    `spool segment ${seg} is damaged: its rows are left out of the attachment (the digest's counts stay exact)`,
  ]);
  expect(digest.total).toBe(2);
  expect([digest.attachment()!.rows, digest.attachment()!.omitted]).toEqual([0, 2]);
});

test('a cursor committed with the spool but not yet moved is moved by the next open', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-'));
  const spool = Spool.open(dir, true);
  const d = spool.rollupForRun({}, 'none', 1000);
  d.add(makeFailure({ timestamp: new Date(T).toISOString() }));
  // Commit as a run does, then crash before the rename (the crash hook throws here instead).
  armFailpoints((phase) => {
    if (phase === 'spool-commit') throw new Error('crash');
  });
  try {
    expect(() => spool.commit(d, { highWater: T, seen: ids(1) }, T)).toThrow('crash');
  } finally {
    armFailpoints(undefined);
  }
  expect(loadCursor(dir)).toEqual(emptyCursor());
  expect(Spool.open(dir, false).cursorFile()).toMatch(/spool\/cursor-1\.json$/);
  Spool.open(dir, true);
  expect(loadCursor(dir).highWater).toBe(T);
});

test('spooled CSV members go into the attachment as they are, and a smaller limit still cuts whole rows', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-'));
  const users = Array.from({ length: 3000 }, (_, i) => `user-${i}-${(i * 7919).toString(36)}`);
  spoolRun(users);
  const { rollup: digest } = Spool.open(dir, true).rollupToSend({ attach: 'csv' });
  const attachment = digest.attachment()!;
  expect([attachment.rows, attachment.omitted]).toEqual([3000, 0]);
  const all = gunzipSync(attachment.content()).toString('utf8').split('\r\n');
  const budget = Math.floor(attachment.bytes / 3);
  attachment.trimTo(budget);
  expect(attachment.bytes).toBeLessThanOrEqual(budget);
  const cut = gunzipSync(attachment.content()).toString('utf8').split('\r\n');
  expect(attachment.rows + attachment.omitted).toBe(3000);
  expect(attachment.rows).toBeGreaterThan(500);
  expect(attachment.rows).toBeLessThan(1500);
  // The header and then the first rows, each whole, in order.
  expect(cut.slice(0, -1)).toEqual(all.slice(0, attachment.rows + 1));
});

test('MAIL_ATTACH=json: rows come back as one valid JSON array; rows of another format are left out, said', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-'));
  spoolRun(['alice', 'bob'], { attach: 'json' });
  spoolRun(['carol'], { attach: 'csv' });
  const { rollup: digest, notes } = Spool.open(dir, true).rollupToSend({ attach: 'json' });
  const records = JSON.parse(gunzipSync(digest.attachment()!.content()).toString('utf8')) as Array<{
    userName: string;
  }>;
  expect(records.map((r) => r.userName)).toEqual(['alice', 'bob']);
  expect(notes).toEqual(['1 spooled row in csv, but MAIL_ATTACH is now json: not attached']);
  expect(digest.attachment()!.omitted).toBe(1);
});
