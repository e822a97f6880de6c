import type { Command } from 'commander';
import type { MuteFlags } from '../commands/mute';
import { underMuteLock } from '../commands/mute-lock';
import type { Ctx } from './context';

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
      const { mute } = await import('../commands/mute');
      done(await underMuteLock(cfg, sys, 'the mute was not saved', () => mute(cfg, sys.now(), target, flags)));
    });
  program
    .command('mutes')
    .description('list the active mutes: id, target, until when, by whom, note')
    .action(async (_opts: unknown, cmd: Command) => {
      const cfg = config(cmd);
      const { listMutes } = await import('../commands/mutes');
      done(listMutes(cfg, sys.now(), io));
    });
  program
    .command('unmute')
    .description('end a mute (its id is in the mutes list)')
    .argument('<id>', 'the mute id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const cfg = config(cmd);
      const { unmute } = await import('../commands/unmute');
      done(await underMuteLock(cfg, sys, 'the mute was not ended', () => unmute(cfg, sys.now(), id)));
    });
}
