import { AppError, type ErrorKind } from './errors';

/** The kind (and so the exit code, 128+n) of each stop signal main.ts turns into an abort. */
const SIGNAL_KIND: Record<string, ErrorKind> = { SIGHUP: 'sighup', SIGINT: 'sigint', SIGTERM: 'sigterm' };

/** Stopped by a signal: exit 128+n, cursor untouched; `what` names the work left unfinished. */
export function interrupted(stop: AbortSignal, what = 'the run'): AppError {
  const name = String(stop.reason);
  const tail = what === 'the run' ? '; the cursor is unchanged, so the next run fetches the same failures again' : '';
  return new AppError(SIGNAL_KIND[name] ?? 'sigterm', `stopped by ${name} before ${what} finished${tail}`);
}

/** Throws when a stop was asked: checked before the cursor moves, so a stopped run commits nothing. */
export function stopIfAsked(stop: AbortSignal | undefined): void {
  if (stop?.aborted) throw interrupted(stop);
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
 * `work`, or a rejection as soon as a stop is asked (after any mustFinish work). The work itself
 * is not cancelled: the process exits once the error path has run, and `stopIfAsked` keeps it
 * from committing anything meanwhile.
 */
export function untilStopped<T>(stop: AbortSignal | undefined, work: Promise<T>, what?: string): Promise<T> {
  if (!stop) return work;
  if (stop.aborted) return Promise.reject(interrupted(stop, what));
  return new Promise<T>((resolve, reject) => {
    const onStop = () => void Promise.allSettled([...unstoppable]).then(() => reject(interrupted(stop, what)));
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
