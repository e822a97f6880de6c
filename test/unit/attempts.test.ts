// One record, one count: the mail and the incident rules read ISE's suppression summary
// (TotalFailedAttempts) by the same rule, capped the same way.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/incidents/event';
import { failedAttempts, MAX_ATTEMPTS } from '../../src/pxgrid/schemas';
import { makeFailure } from '../fake/records';

describe('failed attempts of a record', () => {
  it.each([3, '12', ' 40 ', '2.5', 7.9, 0, -4, 'x', 1e9, '999999999', null])(
    'TotalFailedAttempts %j counts the same in the mail and in incidents',
    (v) => {
      const r = makeFailure({ TotalFailedAttempts: v });
      expect(eventOf(r, 0).weight).toBe(failedAttempts(r));
    },
  );

  it('is at least 1 and at most MAX_ATTEMPTS', () => {
    expect(failedAttempts(makeFailure({ totalFailedAttempts: 1e9 }))).toBe(MAX_ATTEMPTS);
    expect(failedAttempts(makeFailure({ totalFailedAttempts: 'many' }))).toBe(1);
    expect(failedAttempts(makeFailure({ totalFailedAttempts: 57 }))).toBe(57);
  });
});
