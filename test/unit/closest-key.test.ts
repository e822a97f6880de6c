// closestKey skips work that cannot change its answer (keys of very different length, distances
// past 2): for names one to three edits away from any key or alias, it must answer what the plain
// full computation answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestKey, KEYS } from '../../src/config/keys';

/** The plain optimal string alignment distance, every cell computed. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

const aliasOf = (info: unknown) => (info as { alias?: string }).alias;
const canonical = new Map<string, string>(
  Object.entries(KEYS).flatMap(([k, info]): [string, string][] => {
    const alias = aliasOf(info);
    return alias
      ? [
          [k, k],
          [alias, k],
        ]
      : [[k, k]];
  }),
);
const names = [...canonical.keys()];

/** What closestKey answers without the contained-name fallback, computed in full. */
function reference(name: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const known of names) {
    const d = fullDistance(name.toUpperCase(), known);
    if (best === undefined || d < best.d) best = { name: known, d };
  }
  return best && best.d <= 2 ? canonical.get(best.name) : undefined;
}

const edit = fc.tuple(
  fc.constantFrom('sub', 'del', 'ins', 'swap'),
  fc.nat(40),
  fc.constantFrom('A', 'E', 'S', '_', 'X'),
);

describe('closestKey', () => {
  it('answers as the full computation for names up to three edits from a key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(edit, { maxLength: 3 }), (key, edits) => {
        let name = key;
        for (const [op, at, c] of edits) {
          const i = at % (name.length + 1);
          if (op === 'sub') name = name.slice(0, i) + c + name.slice(i + 1);
          else if (op === 'del') name = name.slice(0, i) + name.slice(i + 1);
          else if (op === 'ins') name = name.slice(0, i) + c + name.slice(i);
          else name = name.slice(0, i) + name.slice(i + 1, i + 2) + name.slice(i, i + 1) + name.slice(i + 2);
        }
        expect(closestKey(name, { contained: false })).toBe(reference(name));
      }),
      { numRuns: 400 },
    );
  });
});
