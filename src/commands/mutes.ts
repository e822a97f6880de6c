import type { Config } from '../config/config';
import type { Io, Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { muteSet, readMutes } from '../mutes/store';
import { describeMute, ignoredText } from '../mutes/words';
import { timeFormat } from '../render/time';

/** `mutes`: the active mutes, one line each, then any stored mute that is ignored and why. */
export function listMutes(cfg: Config, now: number, io: Io): Outcome {
  const { active, ignored } = muteSet(readMutes(cfg.stateDir).mutes, now);
  const fmt = timeFormat(cfg.mail.timezone);
  for (const m of active) io.out(describeMute(m, now, fmt));
  for (const m of ignored) io.out(`${describeMute(m, now, fmt)}  (${ignoredText(m, fmt)})`);
  const listed = active.length ? `${plural(active.length, 'active mute')}` : 'no active mutes';
  if (ignored.length === 0) return ok(listed);
  const also = `${plural(ignored.length, 'untrusted mute')} ignored`;
  return { exitCode: 0, status: 'WARN', message: `${listed}; ${also}` };
}

const ok = (message: string): Outcome => ({ exitCode: 0, status: 'OK', message });
