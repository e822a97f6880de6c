import type { Config } from '../config/config';
import { usageError } from '../core/errors';
import type { Outcome } from '../core/outcome';
import { clean } from '../core/sanitize';
import { readMutes, writeMutes } from '../mutes/store';
import { targetText } from '../mutes/target';

/** `unmute <id>`: ends an active mute. */
export function unmute(cfg: Config, now: number, idText: string): Outcome {
  const id = /^\d{1,9}$/.test(idText.trim()) ? Number(idText) : Number.NaN;
  const file = readMutes(cfg.stateDir);
  const found = file.mutes.find((m) => m.id === id && m.until > now);
  if (!found) throw usageError(`no active mute with id "${clean(idText, 20)}": run.js mutes lists the active ones`);
  writeMutes(cfg.stateDir, { ...file, mutes: file.mutes.filter((m) => m !== found) }, now);
  return ok(`unmuted ${targetText(found)} (id ${found.id})`);
}

const ok = (message: string): Outcome => ({ exitCode: 0, status: 'OK', message });
