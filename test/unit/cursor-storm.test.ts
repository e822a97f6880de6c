import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, emptyCursor, loadCursor, MAX_TRACKED_IDS, queryStart, saveCursor } from '../../src/state/cursor';
import { IdTimeSet } from '../../src/state/idset';

const dir = () => mkdtempSync(join(tmpdir(), 'ise-to-mail-cursor-'));
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

describe('cursor with a storm-sized seen list', () => {
  it('saves and loads 100 000 ids exactly, oldest first', () => {
    const d = dir();
    const mailed = new IdTimeSet();
    for (let i = 0; i < 100_000; i++) mailed.add((1603571391695194n + BigInt(i * 3)).toString(), T0 + (i % 5000) * 100);
    const cursor = advance(emptyCursor(), mailed, 10 * 60_000);
    saveCursor(d, cursor);
    const file = JSON.parse(readFileSync(join(d, 'cursor.json'), 'utf8')) as {
      highWater: string;
      seen: [string, string][];
    };
    expect(file.highWater).toBe(new Date(T0 + 4999 * 100).toISOString());
    expect(file.seen).toHaveLength(100_000);
    expect(file.seen.map(([, t]) => t)).toEqual([...file.seen.map(([, t]) => t)].sort());
    const loaded = loadCursor(d);
    expect(loaded.highWater).toBe(T0 + 4999 * 100);
    expect(new Map(loaded.seen)).toEqual(new Map(mailed));
  });

  it('round-trips odd ids (quotes, backslashes, unicode, non-numeric) through the fast reader', () => {
    const d = dir();
    const odd = ['12', 'abc', 'a"b', 'back\\slash', 'üñï😀', '99999999999999999999999', '0'];
    const seen = new IdTimeSet();
    odd.forEach((id, i) => seen.add(id, T0 + i));
    saveCursor(d, { highWater: T0 + 10, seen });
    expect(new Map(loadCursor(d).seen)).toEqual(new Map(seen));
  });

  it('reads a hand-edited file in another layout, and refuses bad entries', () => {
    const d = dir();
    const file = join(d, 'cursor.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          version: 1,
          highWater: '2026-11-23T10:00:00.000Z',
          seen: [
            ['5', '2026-11-23T09:59:00Z'],
            ['7', '2026-11-23T09:58:00Z'],
          ],
        },
        null,
        2,
      ),
    );
    expect(new Map(loadCursor(d).seen)).toEqual(
      new Map([
        ['5', Date.parse('2026-11-23T09:59:00Z')],
        ['7', Date.parse('2026-11-23T09:58:00Z')],
      ]),
    );
    writeFileSync(file, '{"version":1,"highWater":null,"seen":[["5","2026-11-23T09:59:00Z"],["6",7]]}');
    expect(() => loadCursor(d)).toThrow(/invalid entry/);
    writeFileSync(file, '{"version":1,"highWater":null,"seen":[["5","yesterday"]]}');
    expect(() => loadCursor(d)).toThrow(/invalid time/);
    writeFileSync(file, '{"version":1,"highWater":null,"seen":[["5","2026-11-23T09:59:00Z"],["6"');
    expect(() => loadCursor(d)).toThrow(/corrupt/);
    writeFileSync(file, '{"version":1,"highWater":null,"seen":[]}');
    expect(loadCursor(d).seen.size).toBe(0);
  });
});

describe('cursor beyond MAX_TRACKED_IDS', () => {
  it('keeps the newest ids, says from when they are complete, and starts the next query there', () => {
    const d = dir();
    const mailed = new IdTimeSet();
    const n = MAX_TRACKED_IDS + 50_000;
    // All within one overlap window: every id would be needed to re-read it.
    for (let i = 0; i < n; i++) mailed.add(String(1603571391695194 + i), T0 + Math.floor(i / 10));
    const cursor = advance(emptyCursor(), mailed, 10 * 60_000);
    expect(cursor.seen.size).toBeLessThanOrEqual(MAX_TRACKED_IDS);
    expect(cursor.trackedFrom).toBe(T0 + 5000);
    expect(cursor.seen.has(String(1603571391695194 + n - 1))).toBe(true);
    expect(cursor.seen.has(String(1603571391695194 + 49_999))).toBe(false);
    saveCursor(d, cursor);
    const loaded = loadCursor(d);
    expect(loaded.trackedFrom).toBe(T0 + 5000);
    expect(queryStart(loaded, 10 * 60_000)).toBe(T0 + 5000);
    // Once the overlap window has moved past it, the mark has done its job and goes.
    const later = advance(loaded, new Map([['1', T0 + 20 * 60_000]]), 10 * 60_000);
    expect(later.trackedFrom).toBeUndefined();
  });
});
