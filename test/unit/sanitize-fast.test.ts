// The quick paths of cleaning (one test for a plain value, one for a whole CSV row) must give
// exactly what the careful per-character cleaning gives, for any value a supplicant can choose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvRow, recordRow } from '../../src/attachment/attachment';
import { clean, textOf } from '../../src/core/sanitize';

/** The cleaning as it was before the quick path: replace, trim, cap on a code point boundary. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]/gu;
function carefulClean(value: unknown, max = 200): string {
  if (value === undefined || value === null) return '';
  const text = textOf(value, max);
  const safe = text.replace(UNSAFE, '?').trim();
  if (safe.length <= max) return safe;
  return `${Array.from(safe.slice(0, max + 1))
    .slice(0, max - 1)
    .join('')}…`;
}

// Plain ASCII, the characters the cleaning cares about, white space trim() knows, and astral ones.
const tricky = fc.constantFrom(
  ' ',
  'a',
  ',',
  '"',
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00e9',
  '\u061c',
  '\u1680',
  '\u180e',
  '\u2003',
  '\u200b',
  '\u2028',
  '\u202e',
  '\u202f',
  '\u205f',
  '\u2066',
  '\u3000',
  '\ufeff',
  '\u{e0041}',
  '\u{1f600}',
  '\ud800',
);
const text = fc.oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
const value = fc.oneof(
  text,
  fc.integer(),
  fc.constant(undefined),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 2 }),
);

describe('quick cleaning', () => {
  it('clean() equals the careful cleaning for any value and cap', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 2, max: 14 }), (v, max) => {
        expect(clean(v, max)).toBe(carefulClean(v, max));
      }),
      { numRuns: 5000 },
    );
  });

  it('recordRow equals csvRow of the same columns', () => {
    const record = fc.record(Object.fromEntries(CSV_COLUMNS.map((c) => [c, value])) as Record<string, typeof value>);
    fc.assert(
      fc.property(record, (r) => {
        const rec = { id: '1', timestamp: 't', ...r } as unknown as Parameters<typeof recordRow>[0];
        expect(recordRow(rec)).toBe(csvRow(CSV_COLUMNS.map((c) => rec[c])));
      }),
      { numRuns: 3000 },
    );
    const long = { id: '1', timestamp: 't', userName: `${'x'.repeat(1200)},` };
    expect(recordRow(long)).toBe(csvRow(CSV_COLUMNS.map((c) => (long as Record<string, unknown>)[c])));
  });
});
