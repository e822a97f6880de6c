import type { Config } from '../config/config';
import type { Io, Outcome, System } from '../core/outcome';
import { listMutes, type MuteFlags, mute, unmute } from '../mutes/commands';

/** `mute <target> --for <duration> [--note TEXT] [--by NAME]`: no ISE or SMTP needed. */
export function muteCommand(cfg: Config, sys: System, target: string, flags: MuteFlags): Outcome {
  return mute(cfg, sys.now(), target, flags);
}

/** `mutes`: one line per active mute. */
export function mutesCommand(cfg: Config, sys: System, io: Io): Outcome {
  return listMutes(cfg, sys.now(), io);
}

/** `unmute <id>`. */
export function unmuteCommand(cfg: Config, sys: System, id: string): Outcome {
  return unmute(cfg, sys.now(), id);
}
