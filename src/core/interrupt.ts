import { AppError, Exit, type ExitCode } from './errors';

/** The exit code of each stop signal main.ts turns into an abort: 128 + its number. */
const SIGNAL_EXIT: Record<string, ExitCode> = { SIGHUP: Exit.hangup, SIGINT: Exit.interrupt, SIGTERM: Exit.terminate };

/** Stopped by a signal: exit 128+n, cursor untouched; `what` names the work left unfinished. */
export function interrupted(stop: AbortSignal, what = 'the run'): AppError {
  const name = String(stop.reason);
  const tail = what === 'the run' ? '; the cursor is unchanged, so the next run fetches the same failures again' : '';
  return new AppError(SIGNAL_EXIT[name] ?? Exit.terminate, `stopped by ${name} before ${what} finished${tail}`);
}

/** True when `err` is a stop by signal. */
export const isInterruption = (err: unknown) =>
  err instanceof AppError && Object.values(SIGNAL_EXIT).includes(err.exitCode);

/** Throws when a stop was asked: checked before the cursor moves, so a stopped run commits nothing. */
export function stopIfAsked(stop: AbortSignal | undefined): void {
  if (stop?.aborted) throw interrupted(stop);
}

/**
 * `work`, or a rejection as soon as a stop is asked. The work itself is not cancelled: the process
 * exits once the error path has run, and `stopIfAsked` keeps it from committing anything meanwhile.
 */
export function untilStopped<T>(stop: AbortSignal | undefined, work: Promise<T>, what?: string): Promise<T> {
  if (!stop) return work;
  if (stop.aborted) return Promise.reject(interrupted(stop, what));
  return new Promise<T>((resolve, reject) => {
    const onStop = () => reject(interrupted(stop, what));
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
