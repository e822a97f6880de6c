import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/config';
import { AppError } from '../core/errors';
import type { Outcome, System } from '../core/outcome';
import { acquireLock, LockHeld } from '../state/lock';
import { RUN_TAIL_MS } from './run';

/**
 * A mute command waits this long for the lock a run holds (a poll takes seconds), retrying every
 * LOCK_RETRY_MS, before it gives up with exit 6 like a run refused by the lock.
 */
const LOCK_WAIT_MS = 10_000;
const LOCK_RETRY_MS = 200;

/**
 * The read-modify-write of mutes.json under the run lock: two mute commands (or a mute and an
 * unmute) at once would otherwise each write their own copy, and one change would be lost while
 * both said OK. Runs only read the file, so they never need to wait for a mute.
 */
export async function underMuteLock(
  cfg: Config,
  sys: System,
  unchanged: string,
  change: () => Outcome,
): Promise<Outcome> {
  const until = sys.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const env = { pid: sys.pid, now: sys.now, alive: sys.alive, maxRunMs: cfg.deadlineMs + RUN_TAIL_MS };
      const release = acquireLock(cfg.stateDir, env);
      try {
        return change();
      } finally {
        release();
      }
    } catch (err) {
      if (!(err instanceof LockHeld)) throw err;
      if (sys.now() >= until) {
        // ERROR, not the WARN of a run that skips one poll: the operator's change did not happen.
        const why = err.message.replace(/; this run did nothing.*$/, '');
        throw new AppError(
          'lock-stuck',
          `${why}: ${unchanged}; try again when that run has finished (if none is active, delete that file)`,
        );
      }
      await sleep(LOCK_RETRY_MS);
    }
  }
}
