import type { Deadline } from './deadline';

export interface RetryPolicy<T> {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Only transient failures are retried: resets, 5xx, SMTP 4xx. Never 4xx/auth answers. */
  transient: (err: unknown) => boolean;
  /** A result that is itself transient (an HTTP 503), with how to release it before retrying. */
  again?: (value: T) => boolean;
  discard?: (value: T) => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn`, retrying transient failures with exponential backoff, but only while the wait and
 * another attempt still fit in the run's deadline: a retry must never push the run past EEM's maxrun.
 * When retries run out, the last result is returned or the last error thrown.
 */
export async function withRetry<T>(fn: () => Promise<T>, deadline: Deadline, policy: RetryPolicy<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const wait = policy.baseDelayMs * 2 ** (attempt - 1);
    // Keep at least as much time again as the wait for the attempt itself.
    const more = attempt < policy.attempts && deadline.remaining() > 2 * wait + 1000;
    let value: T;
    try {
      value = await fn();
    } catch (err) {
      if (!more || !policy.transient(err)) throw err;
      await sleep(wait);
      continue;
    }
    if (!more || !policy.again?.(value)) return value;
    await policy.discard?.(value);
    await sleep(wait);
  }
}
