import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/config';
import { AppError } from '../core/errors';
import type { Outcome, System } from '../core/outcome';
import { acquireLock, LockHeld, runLockEnv } from '../state/lock';

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
      const release = acquireLock(cfg.stateDir, runLockEnv(cfg.deadlineMs, sys));
      try {
        return change();
      } finally {
        release();
      }
    } catch (err) {
      if (!(err instanceof LockHeld)) throw err;
      if (sys.now() >= until) {
        // ERROR, not the WARN of a run that skips one poll: the operator's change did not happen.
        // Deleting the file is advice only for a lock whose owner is known: one being taken over is live.
        const orDelete = err.owner ? ' (if none is active, delete that file)' : '';
        throw new AppError(
          'lock-stuck',
          `${err.holder()}: ${unchanged}; try again when that run has finished${orDelete}`,
        );
      }
      await sleep(LOCK_RETRY_MS);
    }
  }
}
