import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { RUN_TAIL_MS } from '../commands/run';
import type { Config } from '../config/config';
import { AppError } from '../core/errors';
import type { Outcome, System } from '../core/outcome';
import type { MuteFlags } from '../mutes/commands';
import { acquireLock, LockHeld } from '../state/lock';
import type { Ctx } from './cli';

/**
 * A mute command waits this long for the lock a run holds (a poll takes seconds), retrying every
 * LOCK_RETRY_MS, before it gives up with exit 6 like a run refused by the lock.
 */
const LOCK_WAIT_MS = 10_000;
const LOCK_RETRY_MS = 200;

/** `mute`, `mutes`, `unmute` (docs/alert-policy.md): they need only STATE_DIR, never ISE or SMTP. */
export function addMuteCommands(program: Command, { sys, io, config, done }: Ctx): void {
  program
    .command('mute')
    .description('mute failures of a user, endpoint, NAS or reason for a while (no incidents, out of the mail body)')
    .argument('<target>', 'user:GLOB | endpoint:MAC | nas:NAME-OR-IP | reason:CODE')
    .option('--for <duration>', 'how long: 30m, 8h, 2d (1m to 366d)')
    .option('--note <text>', 'why, shown by mutes and in the mail')
    .option('--by <name>', 'who muted it, shown by mutes')
    .option('--force', 'accept a target that matches every failure (user:*)')
    .action(async (target: string, flags: MuteFlags, cmd: Command) => {
      const cfg = config(cmd);
      const { mute } = await import('../mutes/commands');
      done(await locked(cfg, sys, 'the mute was not saved', () => mute(cfg, sys.now(), target, flags)));
    });
  program
    .command('mutes')
    .description('list the active mutes: id, target, until when, by whom, note')
    .action(async (_opts: unknown, cmd: Command) => {
      const cfg = config(cmd);
      const { listMutes } = await import('../mutes/commands');
      done(listMutes(cfg, sys.now(), io));
    });
  program
    .command('unmute')
    .description('end a mute (its id is in the mutes list)')
    .argument('<id>', 'the mute id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const cfg = config(cmd);
      const { unmute } = await import('../mutes/commands');
      done(await locked(cfg, sys, 'the mute was not ended', () => unmute(cfg, sys.now(), id)));
    });
}

/**
 * The read-modify-write of mutes.json under the run lock: two mute commands (or a mute and an
 * unmute) at once would otherwise each write their own copy, and one change would be lost while
 * both said OK. Runs only read the file, so they never need to wait for a mute.
 */
async function locked(cfg: Config, sys: System, unchanged: string, change: () => Outcome): Promise<Outcome> {
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
