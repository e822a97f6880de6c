// The guards that check state files and pxGrid answers (src/core/shape.ts): what they accept and
// what they refuse decides between "read" and "reported corrupt".
import { describe, expect, it } from 'vitest';
import {
  arr,
  bool,
  checkOf,
  int,
  literal,
  nullable,
  num,
  obj,
  oneOf,
  optional,
  record,
  refine,
  str,
  tuple,
} from '../../src/core/shape';

const cursorLike = obj({
  version: literal(1),
  highWater: nullable(str),
  trackedFrom: optional(str),
  seen: arr(tuple(str, str)),
  mode: oneOf(['each-run', 'digest'] as const),
  count: int(0),
  ratio: num,
  on: bool,
  tags: record(str),
  name: refine(str, (s) => s.length > 0),
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

describe('shape guards', () => {
  it('accept a well-formed object, optional fields absent and unknown ones kept', () => {
    expect(checkOf(cursorLike)(good)).toBe(good);
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
  ])('refuse %s', (_label, patch) => {
    expect(checkOf(cursorLike)({ ...good, ...patch })).toBeUndefined();
  });

  it.each([null, [], 'x', 3])('refuse %j where an object is expected', (v) => {
    expect(cursorLike(v)).toBe(false);
  });

  it('arr with a length takes exactly that many items', () => {
    expect(arr(str, 2)(['a', 'b'])).toBe(true);
    expect(arr(str, 2)(['a'])).toBe(false);
    expect(arr(str)([])).toBe(true);
  });
});
