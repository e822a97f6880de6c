import { AppError, isStopSignal, stopKind } from './errors';

/** The work a stop cuts short in a poll, as its ERROR line names it. */
export const THE_RUN = 'the run';

/**
 * What becomes of the failures of a poll a stop cuts short, as the end of its ERROR line says:
 * before any commit they are fetched again (the cursor did not move); once the digest spool
 * committed them (and the cursor moved past them) the spool keeps them for its next mail.
 */
export type Leftover = 'fetched-again' | 'spooled';
const LEFTOVER: Record<Leftover, string> = {
  'fetched-again': 'the cursor is unchanged, so the next run fetches the same failures again',
  spooled: 'the failures are held in the digest spool and go out with its next mail (the cursor has moved past them)',
};

/** Stopped by a signal: exit 128+n; `what` names the work left unfinished, `left` what becomes of its failures. */
export function interrupted(stop: AbortSignal, what: string, left?: Leftover): AppError {
  const name = String(stop.reason);
  const tail = left ? `; ${LEFTOVER[left]}` : '';
  const kind = isStopSignal(name) ? stopKind(name) : 'sigterm';
  return new AppError(kind, `stopped by ${name} before ${what} finished${tail}`);
}

/** Throws when a stop was asked: checked before each commit of a poll, so a stopped poll commits no more. */
export function stopIfAsked(stop: AbortSignal | undefined, left: Leftover = 'fetched-again'): void {
  if (stop?.aborted) throw interrupted(stop, THE_RUN, left);
}

/** Work in flight that a stop waits for (see mustFinish). */
const unstoppable = new Set<Promise<unknown>>();
/** Set once a stop was asked: from then on no new delivery holds it off. */
let stopAsked = false;
/** Releases of the holds of the poll's mail in flight (see recordingDelivery), while it is open. */
let deliveryHolds: Set<() => void> | undefined;

/**
 * The poll's send and the commit that records it. A stop asked once the server has the message
 * (holdForData) waits until `work` settles: a mail the server accepted is recorded, not sent
 * again. The hold lasts at most as long as the SMTP timeouts, which end within RUN_DEADLINE.
 */
export async function recordingDelivery<T>(work: () => Promise<T>): Promise<T> {
  const holds = new Set<() => void>();
  deliveryHolds = holds;
  try {
    return await work();
  } finally {
    if (deliveryHolds === holds) deliveryHolds = undefined;
    for (const release of holds) release();
  }
}

/**
 * The message is on its way (DATA): a stop asked from now on waits until the delivery is recorded
 * (recordingDelivery). Returns the release for an attempt that failed. Outside a poll's send, or
 * once a stop was asked, it holds nothing.
 */
export function holdForData(): () => void {
  const holds = deliveryHolds;
  if (!holds || stopAsked) return () => undefined;
  let release: () => void = () => undefined;
  void mustFinish(new Promise<void>((r) => (release = r)));
  holds.add(release);
  return () => {
    holds.delete(release);
    release();
  };
}

/** True while a stop waits for the poll's mail (holdForData): the delivery may still be recorded. */
export function deliveryHeld(): boolean {
  return (deliveryHolds?.size ?? 0) > 0;
}

/** Stopped once the mail was accepted and recorded: exit 128+n, the line says nothing is sent again. */
export function stoppedAfterDelivery(stop: AbortSignal, mailed: string, moved: string): AppError {
  const name = String(stop.reason);
  const kind = isStopSignal(name) ? stopKind(name) : 'sigterm';
  return new AppError(
    kind,
    `stopped by ${name} after the mail was delivered (${mailed}); ${moved}, nothing is sent again`,
  );
}

/**
 * Marks work a stop must not cut short: AccountCreate and storing the password it returns, which
 * ISE never shows again. A stop asked meanwhile takes effect once it settled (a second signal
 * still exits at once, main.ts).
 */
export function mustFinish<T>(work: Promise<T>): Promise<T> {
  unstoppable.add(work);
  const settled = () => unstoppable.delete(work);
  work.then(settled, settled);
  return work;
}

/**
 * `work`, or a rejection as soon as a stop is asked (after any mustFinish work), ending with what
 * `left` says at that moment. The work itself is not cancelled: the process exits once the error
 * path has run, and `stopIfAsked` keeps it from committing anything meanwhile.
 */
export function untilStopped<T>(
  stop: AbortSignal | undefined,
  work: Promise<T>,
  what: string,
  left?: () => Leftover,
): Promise<T> {
  if (!stop) return work;
  const stopped = () => interrupted(stop, what, left?.());
  if (stop.aborted) return Promise.reject(stopped());
  // A new stop signal to watch (in-process tests run many): no stop is asked yet.
  stopAsked = false;
  return new Promise<T>((resolve, reject) => {
    // setImmediate: a work that settles its own way once the hold ends (a delivery recorded, then
    // its stop reported) does so in the same turn, and its answer wins.
    const onStop = () => {
      stopAsked = true;
      void Promise.allSettled([...unstoppable]).then(() => setImmediate(() => reject(stopped())));
    };
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
