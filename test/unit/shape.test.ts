// The schemas that check state files (zod/mini, through src/core/shape.ts): what they accept and
// what they refuse decides between "read" and "reported corrupt".
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { arrOf, checkOf, int, isoTime } from '../../src/core/shape';

const cursorLike = z.object({
  version: z.literal(1),
  highWater: z.nullable(z.string()),
  trackedFrom: z.optional(z.string()),
  seen: z.array(z.tuple([z.string(), z.string()])),
  mode: z.enum(['each-run', 'digest']),
  count: int(0),
  ratio: z.number(),
  on: z.boolean(),
  tags: z.record(z.string(), z.string()),
  name: z.string().check(z.minLength(1)),
  at: z.optional(isoTime()),
});

const good = {
  version: 1,
  highWater: null,
  seen: [['1', '2026-01-01T00:00:00.000Z']],
  mode: 'digest',
  count: 0,
  ratio: 0.5,
  on: true,
  tags: { a: 'b' },
  name: 'x',
  extra: 'kept',
};

describe('state-file schemas', () => {
  it('accept a well-formed object, optional fields absent and unknown ones kept', () => {
    expect(checkOf(() => cursorLike)(good)).toBe(good);
  });

  it('give back the object read, own __proto__ keys included (names from the wire)', () => {
    const read = JSON.parse('{"__proto__": "x", "a": "b"}');
    const value = checkOf(() => cursorLike)({ ...good, tags: read });
    expect(value?.tags).toBe(read);
    expect(Object.keys(value?.tags ?? {})).toEqual(['__proto__', 'a']);
  });

  it.each([
    ['a wrong literal', { version: 2 }],
    ['undefined where null is allowed', { highWater: undefined }],
    ['a present optional of the wrong type', { trackedFrom: 5 }],
    ['a tuple of the wrong length', { seen: [['1']] }],
    ['a value outside the list', { mode: 'sometimes' }],
    ['a negative or fractional int', { count: -1 }],
    ['a fraction for int', { count: 1.5 }],
    ['NaN for num', { ratio: Number.NaN }],
    ['a string for bool', { on: 'true' }],
    ['a record with a non-string value', { tags: { a: 1 } }],
    ['a value the refinement refuses', { name: '' }],
    ['a time Date.parse cannot read', { at: 'yesterday' }],
  ])('refuse %s', (_label, patch) => {
    expect(checkOf(() => cursorLike)({ ...good, ...patch })).toBeUndefined();
  });

  it.each([null, [], 'x', 3])('refuse %j where an object is expected', (v) => {
    expect(checkOf(() => cursorLike)(v)).toBeUndefined();
  });

  it('arrOf takes exactly that many items', () => {
    const two = checkOf(() => arrOf(z.string(), 2));
    expect(two(['a', 'b'])).toEqual(['a', 'b']);
    expect(two(['a'])).toBeUndefined();
  });
});
