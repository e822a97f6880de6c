// withRetry with fake timers: the deadline reads the same faked clock, so the waits and the
// "does another attempt still fit" rule are checked without sleeping.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/core/deadline';
import { type RetryPolicy, withRetry } from '../../src/core/retry';

const T0 = Date.parse('2030-01-02T03:04:05Z');

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

class Transient extends Error {}

const policy = <T>(more: Partial<RetryPolicy<T>> = {}): RetryPolicy<T> => ({
  attempts: 3,
  baseDelayMs: 1000,
  transient: (err) => err instanceof Transient,
  ...more,
});

/** Runs `fn` under withRetry to the end, letting the faked time pass; records when each attempt started. */
async function run<T>(budgetMs: number, fn: (attempt: number) => T | Promise<T>, p = policy<T>()) {
  const starts: number[] = [];
  const t0 = Date.now();
  const done = withRetry(
    async () => {
      starts.push(Date.now() - t0);
      return fn(starts.length);
    },
    new Deadline(budgetMs, () => Date.now()),
    p,
  ).then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  await vi.runAllTimersAsync();
  return { ...(await done), starts };
}

describe('withRetry', () => {
  it('retries transient failures with doubling waits and returns the first success', async () => {
    const r = await run(60_000, (n) => {
      if (n < 3) throw new Transient(`try ${n}`);
      return 'ok';
    });
    expect(r).toEqual({ value: 'ok', error: undefined, starts: [0, 1000, 3000] });
  });

  it('throws the last error when the attempts run out', async () => {
    const r = await run(60_000, (n) => {
      throw new Transient(`try ${n}`);
    });
    expect((r.error as Error).message).toBe('try 3');
    expect(r.starts).toEqual([0, 1000, 3000]);
  });

  it('never retries a failure that is not transient', async () => {
    const r = await run(60_000, () => {
      throw new Error('401 unauthorized');
    });
    expect((r.error as Error).message).toBe('401 unauthorized');
    expect(r.starts).toEqual([0]);
  });

  it('releases a transient answer before retrying, and returns the last one when attempts run out', async () => {
    const discarded: number[] = [];
    const answers = [{ status: 503 }, { status: 502 }, { status: 504 }];
    const p = policy<{ status: number }>({
      again: (v) => v.status >= 502,
      discard: async (v) => {
        discarded.push(v.status);
      },
    });
    const r = await run(60_000, (n) => answers[n - 1]!, p);
    expect(r.value).toBe(answers[2]);
    expect(discarded).toEqual([503, 502]);
    expect(r.starts).toEqual([0, 1000, 3000]);
  });

  it('retries only while the wait and another attempt fit in the deadline', async () => {
    const fail = (n: number) => {
      throw new Transient(`try ${n}`);
    };
    // 5 s: after the first attempt 1 s wait + room fits (5000 > 3000); at 1 s, 2 s + room does not.
    expect((await run(5000, fail)).starts).toEqual([0, 1000]);
    // Exactly 2 × wait + 1 s left is not enough.
    expect((await run(3000, fail)).starts).toEqual([0]);
    expect((await run(3001, fail)).starts).toEqual([0, 1000]);
  });
});
