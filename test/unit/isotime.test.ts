// The quick timestamp parser must agree with Date.parse on every text, valid or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIso } from '../../src/core/isotime';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('parseIso', () => {
  it('equals Date.parse on ISE-shaped timestamps, including odd days, hours and offsets', () => {
    const stamp = fc
      .record({
        y: fc.integer({ min: 1960, max: 2300 }),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.integer({ min: 0, max: 61 }),
        ms: fc.option(fc.integer({ min: 0, max: 999 })),
        zone: fc.oneof(
          fc.constant('Z'),
          fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })),
        ),
      })
      .map(({ y, mo, d, h, mi, s, ms, zone }) => {
        const z = typeof zone === 'string' ? zone : `${zone[0]}${pad(zone[1], 2)}:${pad(zone[2], 2)}`;
        const frac = ms === null ? '' : `.${pad(ms, 3)}`;
        return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${z}`;
      });
    fc.assert(
      fc.property(stamp, (t) => {
        expect(parseIso(t)).toBe(Date.parse(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals Date.parse on anything else', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'z', 't') }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIso(t)).toBe(Date.parse(t));
      }),
      { numRuns: 20_000 },
    );
    for (const t of ['2026-12-03T09:26:09.907+01:00', '2017-05-08T20:56:34.379-07:00', '2020-10-28T07:34:11Z'])
      expect(parseIso(t)).toBe(Date.parse(t));
  });
});
