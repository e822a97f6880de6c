import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, canonicalId, emptyCursor } from '../../src/state/cursor';
import { IdTimeSet } from '../../src/state/idset';

describe('IdTimeSet', () => {
  it('behaves like a Map of first-seen times, for numeric and other ids', () => {
    const id = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String),
      fc.bigInt({ min: 1n << 64n, max: 1n << 70n }).map(String),
      fc.constantFrom('abc', '0012', '', '1e5'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.option(fc.integer({ min: 0, max: 2 ** 45 }), { nil: undefined })), {
          maxLength: 3000,
        }),
        (ops) => {
          const set = new IdTimeSet();
          const map = new Map<string, number | undefined>();
          for (const [k, t] of ops) {
            expect(set.has(k)).toBe(map.has(k));
            expect(set.add(k, t)).toBe(!map.has(k));
            if (!map.has(k)) map.set(k, t);
          }
          expect(set.size).toBe(map.size);
          expect(new Map(set)).toEqual(map);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds 100 000 storm ids and advances the cursor like a Map would', () => {
    const set = new IdTimeSet();
    const map = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const id = (1603571391695194n + BigInt(i * 7)).toString();
      set.add(id, 1_700_000_000_000 + i * 10);
      map.set(id, 1_700_000_000_000 + i * 10);
    }
    expect(set.has('1603571391695194')).toBe(true);
    expect(set.has('1603571391695195')).toBe(false);
    expect(advance(emptyCursor(), set, 60_000)).toEqual(advance(emptyCursor(), map, 60_000));
  });
});

describe('canonicalId', () => {
  it('drops leading zeros of digit ids, as BigInt would, and keeps any other id as it is', () => {
    const oracle = (id: string) => (/^\d+$/.test(id) ? BigInt(id).toString() : id);
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', ' ', '-') }),
      fc.bigInt({ min: 0n }).map(String),
    );
    fc.assert(
      fc.property(id, (s) => {
        expect(canonicalId(s)).toBe(oracle(s));
      }),
      { numRuns: 2000 },
    );
    expect(['', '0', '000', '0012', '12', '0a', '\u0660'].map(canonicalId)).toEqual([
      '',
      '0',
      '0',
      '12',
      '12',
      '0a',
      '\u0660',
    ]);
  });
});

describe('IdTimeSet.floorFor and dropBefore', () => {
  it('bring the set down to the newest n entries, whatever the times', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5000), fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined })), {
          maxLength: 500,
        }),
        fc.nat(300),
        (ops, n) => {
          const set = new IdTimeSet();
          const map = new Map<string, number | undefined>();
          for (const [k, t] of ops) if (set.add(String(k), t)) map.set(String(k), t);
          const floor = set.floorFor(n);
          set.dropBefore(floor);
          const kept = [...map].filter(([, t]) => t !== undefined && t >= floor);
          expect(new Map(set)).toEqual(new Map(kept));
          expect(set.size).toBeLessThanOrEqual(n);
          // As many as fit: one more distinct time would be too many.
          if (map.size > n && Number.isFinite(floor))
            expect([...map].filter(([, t]) => t !== undefined && t >= floor - 1).length).toBeGreaterThan(n);
          for (const [k] of kept) expect(set.has(k)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
