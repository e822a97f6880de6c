// Issue 23 point 8: while failures cannot go out, every run adds a spool segment. The spool merges
// them: the files and spool.json stay bounded however many runs pass, every row is attached once
// and in order, and a crash at any step of a merge loses and repeats nothing. In-process, on real
// files (the spool module as a run drives it).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { armFailpoints, type CrashPhase } from '../../src/core/testing';
import { spoolDir } from '../../src/spool/manifest';
import { Spool } from '../../src/spool/spool';
import { IdTimeSet } from '../../src/state/idset';
import { makeFailure } from '../fake/records';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = Date.parse('2026-11-23T10:00:00Z');
let n = 0;

/** One run that spools `count` failures (port p-<n>, two users), as a digest-mode run does. */
function spoolRun(count: number, crash?: (phase: CrashPhase) => void, attach: 'csv' | 'json' = 'csv') {
  const spool = Spool.open(dir, true);
  const d = spool.rollupForRun({}, attach, 10_000_000);
  const seen = new IdTimeSet();
  for (let i = 0; i < count; i++) {
    n++;
    d.add(makeFailure({ userName: `u-${n % 2}`, nasPortId: `p-${n}`, timestamp: new Date(T + n).toISOString() }, n));
    seen.add(String(n), T + n);
  }
  armFailpoints(crash);
  try {
    spool.commit(d, { highWater: T + n, seen }, T);
  } finally {
    armFailpoints(undefined);
  }
}

function files() {
  return readdirSync(spoolDir(dir)).sort();
}

/** The ports of the rows the digest would attach, in order. */
function attachedPorts(attach: 'csv' | 'json' = 'csv'): string[] {
  const { rollup: digest, notes } = Spool.open(dir, true).rollupToSend({ attach });
  if (attach === 'csv') expect(notes).toEqual([]);
  const text = gunzipSync(digest.attachment()!.content()).toString('utf8');
  return [...text.matchAll(/\bp-\d+\b/g)].map((m) => m[0]);
}

const ports = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p-${from + i}`);

test('120 runs that cannot send: a few segment files, a small spool.json, every row attached once in order', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-merge-'));
  n = 0;
  for (let run = 0; run < 60; run++) spoolRun(2);
  const segs = files().filter((f) => f.startsWith('seg-'));
  expect(segs.length).toBeLessThanOrEqual(9);
  const manifest = statSync(join(spoolDir(dir), 'spool.json')).size;
  for (let run = 0; run < 60; run++) spoolRun(2);
  expect(files().filter((f) => f.startsWith('seg-')).length).toBeLessThanOrEqual(9);
  // Bounded regardless of the run count: 60 more runs leave spool.json about where it was.
  expect(statSync(join(spoolDir(dir), 'spool.json')).size).toBeLessThan(manifest + 1024);
  expect(Spool.open(dir, true).total).toBe(240);
  expect(attachedPorts()).toEqual(ports(1, 240));
});

test('MAIL_ATTACH changed meanwhile: each format is merged on its own, in place', () => {
  dir = mkdtempSync(join(tmpdir(), 'spool-merge-'));
  n = 0;
  for (let run = 0; run < 12; run++) spoolRun(1, undefined, run < 6 ? 'csv' : 'json');
  expect(files().filter((f) => f.startsWith('seg-')).length).toBeLessThanOrEqual(5);
  expect(attachedPorts('json')).toEqual(ports(7, 12));
  expect(Spool.open(dir, true).rollupToSend({ attach: 'json' }).notes).toEqual([
    '6 spooled rows in csv, but MAIL_ATTACH is now json: not attached',
  ]);
});

test.each(['spool-merge', 'spool-merged'] as const)('killed at %s: nothing lost, nothing twice', (phase) => {
  dir = mkdtempSync(join(tmpdir(), 'spool-merge-'));
  n = 0;
  for (let run = 0; run < 8; run++) spoolRun(3);
  // The ninth run commits its records, then dies during the merge (the hook throws where a kill would land).
  expect(() =>
    spoolRun(3, (p) => {
      if (p === phase) throw new Error('killed');
    }),
  ).toThrow('killed');
  expect(attachedPorts()).toEqual(ports(1, 27));
  // Recovery deleted what the dead merge left; the next runs merge again.
  expect(files().filter((f) => f.startsWith('seg-')).length).toBeLessThanOrEqual(9);
  for (let run = 0; run < 3; run++) spoolRun(3);
  expect(attachedPorts()).toEqual(ports(1, 36));
  expect(files().filter((f) => f.startsWith('seg-')).length).toBeLessThanOrEqual(9);
  Spool.open(dir, true).reset();
  expect(files()).toEqual(['spool.json']);
});
