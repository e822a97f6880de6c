import type { Config } from '../config/config';
import { parseDuration } from '../config/values';
import { usageError } from '../core/errors';
import type { Outcome } from '../core/outcome';
import { clean } from '../core/sanitize';
import { summaryTime } from '../core/times';
import { recentMatch } from '../mutes/recent-match';
import { MAX_MUTE_MS, type Mute, readMutes, writeMutes } from '../mutes/store';
import { matchesEverything, parseTarget, targetText } from '../mutes/target';
import { MIN_MUTE_MS } from '../mutes/words';

/** The flags of `mute`, usable from the switch console (`guestshell run node run.js mute ...`). */
export interface MuteFlags {
  for?: string;
  note?: string;
  by?: string;
  /** Accepts a target that matches every failure (matchesEverything). */
  force?: boolean;
}

export function mute(cfg: Config, now: number, target: string, flags: MuteFlags): Outcome {
  const t = parseTarget(target);
  const all = matchesEverything(t);
  if (all && !flags.force)
    throw usageError(
      `mute target ${targetText(t)} matches every failure: it would keep every failure out of the mail; ` +
        'mute something narrower, or add --force if that is what you want',
    );
  const ms = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (ms === undefined || ms < MIN_MUTE_MS || ms > MAX_MUTE_MS) {
    const got = flags.for === undefined ? 'missing' : `"${clean(flags.for, 40)}"`;
    throw usageError(`--for is ${got}: give how long to mute, from 1m to 366d, e.g. --for 8h`);
  }
  const note = optionalText('--note', flags.note);
  const by = optionalText('--by', flags.by);
  const file = readMutes(cfg.stateDir);
  const same = file.mutes.find((m) => m.until > now && targetText(m) === targetText(t));
  const entry: Mute = same
    ? { ...same, created: Math.min(same.created, now), until: now + ms, note: note ?? same.note, by: by ?? same.by }
    : { ...t, id: file.nextId, created: now, until: now + ms, note, by };
  const mutes = same ? file.mutes.map((m) => (m === same ? entry : m)) : [...file.mutes, entry];
  writeMutes(cfg.stateDir, { nextId: same ? file.nextId : file.nextId + 1, mutes }, now);
  const until = summaryTime(entry.until);
  const what = `${same ? 'mute extended' : 'muted'}: ${targetText(entry)} until ${until} (id ${entry.id})`;
  if (all)
    return {
      exitCode: 0,
      status: 'WARN',
      message:
        `${what}; it matches every failure (--force): only a storm (more than STORM_THRESHOLD in one poll) ` +
        'and the health mails still get through; every mail footer names it',
    };
  const recent = recentMatch(cfg, t, now);
  const effect = 'matching failures raise no incident and leave the mail body, counted and attached';
  const message = `${what}; ${effect}; ${recent.text}`;
  return recent.warn ? { exitCode: 0, status: 'WARN', message } : ok(message);
}

function optionalText(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 200)
    throw usageError(`${flag} must be one line of at most 200 characters`);
  return value.trim() || undefined;
}

const ok = (message: string): Outcome => ({ exitCode: 0, status: 'OK', message });
