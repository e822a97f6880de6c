import { LATEST, plausible } from '../core/times';

/**
 * The time window of one poll, in ISE's clock (its HTTP Date header) wherever there is one, so an
 * ISE hours off the device neither loses nor repeats a failure.
 */
export interface PollWindow {
  /** Records before this are ones ISE should not have sent (it ignored startTimestamp). */
  from?: number;
  /** Records after this carry a timestamp in the future: mailed, but they never move the cursor. */
  limit: number;
  /** ISE's clock, when its Date header held a plausible one. */
  iseNow?: number;
}

/** How far past ISE's clock a record may be: the PSN that logged it may run a little ahead. */
export const FUTURE_SKEW_MS = 5 * 60_000;
/** Without ISE's clock the device's stands in, and it may be hours off ISE's. */
export const LOCAL_SKEW_MS = 3 * 3_600_000;
/** getFailures without startTimestamp: "Last one hour if not specified" (pxGrid wiki, Radius-Failure). */
const DEFAULT_WINDOW_MS = 3_600_000;

/**
 * `start`: the startTimestamp sent (undefined on a first run); `iseNow`: ISE's clock when its reply
 * said; `localNow`: the device's clock, the fallback for the future limit only.
 */
export function pollWindow(start: number | undefined, iseNow: number | undefined, localNow: number): PollWindow {
  if (iseNow !== undefined)
    return { from: start ?? iseNow - DEFAULT_WINDOW_MS - FUTURE_SKEW_MS, limit: iseNow + FUTURE_SKEW_MS, iseNow };
  return { from: start, limit: plausible(localNow) ? localNow + LOCAL_SKEW_MS : LATEST };
}
