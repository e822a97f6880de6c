// STATE_DIR/withheld.json: the values a mail server refused to carry, kept on the device, bounded,
// safe to `cat` on a terminal, never overwritten silently when corrupt.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, planWithheld } from '../../src/withhold/file';

const dir = () => mkdtempSync(join(tmpdir(), 'withheld-'));
const rec = (user: string) => ({ id: user, timestamp: '2026-12-07T10:00:00Z', userName: user });

describe('withheld.json', () => {
  it('numbers entries on from the last, 0600, values exact, terminal controls escaped', () => {
    const d = dir();
    const a = planWithheld(d, 1, 0);
    a.save([rec('evil\u001b[31m\u009b2J\u202e')], '554 5.7.1 rejected', 0);
    const b = planWithheld(d, 2, 1);
    expect(b.refs).toEqual([2, 3]);
    b.save([rec('x'), rec('y')], '554', 1);
    expect(statSync(b.file).mode & 0o777).toBe(0o600);
    const text = readFileSync(b.file, 'utf8');
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/);
    const f = JSON.parse(text);
    expect(f.entries.map((e: { ref: number }) => e.ref)).toEqual([1, 2, 3]);
    expect(f.entries[0].record.userName).toBe('evil\u001b[31m\u009b2J\u202e');
  });

  it('keeps the newest MAX_ENTRIES and about 1 MB, counting what it dropped', () => {
    const d = dir();
    const many = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => rec(`u${i}`));
    const p = planWithheld(d, many.length, 0);
    p.save(many, '554', 0);
    const f = JSON.parse(readFileSync(p.file, 'utf8'));
    expect(f.entries).toHaveLength(MAX_ENTRIES);
    expect(f.dropped).toBe(5);
    const big = planWithheld(d, 3, 1);
    big.save(
      [0, 1, 2].map((i) => ({ ...rec(`big${i}`), note: 'x'.repeat(600_000) })),
      '554',
      1,
    );
    const g = JSON.parse(readFileSync(big.file, 'utf8'));
    expect(g.entries.map((e: { record: { id: string } }) => e.record.id)).toEqual(['big0', 'big1', 'big2']);
    expect(g.dropped).toBe(5 + MAX_ENTRIES);
  });

  it('a corrupt file is renamed aside, and a new one started', () => {
    const d = dir();
    writeFileSync(join(d, 'withheld.json'), '{"entr');
    const p = planWithheld(d, 1, 42);
    p.save([rec('a')], '554', 42);
    expect(readdirSync(d).sort()).toEqual(['withheld.json', 'withheld.json.corrupt-42']);
    expect(readFileSync(join(d, 'withheld.json.corrupt-42'), 'utf8')).toBe('{"entr');
  });
});
