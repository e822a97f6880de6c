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
  return new Promise<T>((resolve, reject) => {
    const onStop = () => void Promise.allSettled([...unstoppable]).then(() => reject(stopped()));
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
