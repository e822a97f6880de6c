// The run's deadline with an injected clock: every network step takes its timeout from it.
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/core/deadline';

function clocked(budgetMs: number) {
  let t = 1_000_000;
  const deadline = new Deadline(budgetMs, () => t);
  return { deadline, advance: (ms: number) => (t += ms) };
}

describe('Deadline', () => {
  it('counts down on the injected clock and tells that clock as now()', () => {
    const { deadline, advance } = clocked(10_000);
    expect({ now: deadline.now(), remaining: deadline.remaining(), expired: deadline.expired() }).toEqual({
      now: 1_000_000,
      remaining: 10_000,
      expired: false,
    });
    advance(9_999);
    expect({ now: deadline.now(), remaining: deadline.remaining(), expired: deadline.expired() }).toEqual({
      now: 1_009_999,
      remaining: 1,
      expired: false,
    });
  });

  it('is expired at its end and after it, and never has less than nothing left', () => {
    const { deadline, advance } = clocked(500);
    advance(500);
    expect({ remaining: deadline.remaining(), expired: deadline.expired() }).toEqual({ remaining: 0, expired: true });
    advance(60_000);
    expect({ remaining: deadline.remaining(), expired: deadline.expired() }).toEqual({ remaining: 0, expired: true });
  });

  it('caps a step at what is left, and at least 1 ms so a timer still fires', () => {
    const { deadline, advance } = clocked(30_000);
    expect(deadline.cap(10_000)).toBe(10_000);
    advance(25_000);
    expect(deadline.cap(10_000)).toBe(5_000);
    advance(5_000);
    expect(deadline.cap(10_000)).toBe(1);
  });

  it('a zero budget is expired from the start', () => {
    expect(clocked(0).deadline.expired()).toBe(true);
  });
});
