import type { Config } from '../config/config';
import { parseDuration } from '../config/values';
import { usageError } from '../core/errors';
import type { Io, Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { summaryTime } from '../core/times';
import { clean } from '../format/sanitize';
import { timeFormat } from '../format/time';
import { recentMatch } from './recent-match';
import { type Mute, readMutes, writeMutes } from './store';
import { parseTarget, targetText } from './target';

/** `mute`, `mutes`, `unmute`: usable from the switch console (`guestshell run node run.js mute ...`). */
export interface MuteFlags {
  for?: string;
  note?: string;
  by?: string;
}

const MIN_MS = 60_000;
const MAX_MS = 366 * 86_400_000;

export function mute(cfg: Config, now: number, target: string, flags: MuteFlags): Outcome {
  const t = parseTarget(target);
  const ms = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (ms === undefined || ms < MIN_MS || ms > MAX_MS) {
    const got = flags.for === undefined ? 'missing' : `"${clean(flags.for, 40)}"`;
    throw usageError(`--for is ${got}: give how long to mute, from 1m to 366d, e.g. --for 8h`);
  }
  const note = optionalText('--note', flags.note);
  const by = optionalText('--by', flags.by);
  const file = readMutes(cfg.stateDir);
  const same = file.mutes.find((m) => m.until > now && targetText(m) === targetText(t));
  const entry: Mute = same
    ? { ...same, until: now + ms, note: note ?? same.note, by: by ?? same.by }
    : { ...t, id: file.nextId, created: now, until: now + ms, note, by };
  const mutes = same ? file.mutes.map((m) => (m === same ? entry : m)) : [...file.mutes, entry];
  writeMutes(cfg.stateDir, { nextId: same ? file.nextId : file.nextId + 1, mutes }, now);
  const until = summaryTime(entry.until);
  const recent = recentMatch(cfg, t, now);
  const message =
    `${same ? 'mute extended' : 'muted'}: ${targetText(entry)} until ${until} (id ${entry.id}); ` +
    `matching failures raise no incident and leave the mail body, counted and attached; ${recent.text}`;
  return recent.warn ? { exitCode: 0, status: 'WARN', message } : ok(message);
}

export function listMutes(cfg: Config, now: number, io: Io): Outcome {
  const active = readMutes(cfg.stateDir)
    .mutes.filter((m) => m.until > now)
    .sort((a, b) => a.id - b.id);
  const fmt = timeFormat(cfg.mail.timezone);
  for (const m of active) io.out(describeMute(m, now, fmt));
  return ok(active.length ? `${plural(active.length, 'active mute')}` : 'no active mutes');
}

export function unmute(cfg: Config, now: number, idText: string): Outcome {
  const id = /^\d{1,9}$/.test(idText.trim()) ? Number(idText) : Number.NaN;
  const file = readMutes(cfg.stateDir);
  const found = file.mutes.find((m) => m.id === id && m.until > now);
  if (!found) throw usageError(`no active mute with id "${clean(idText, 20)}": run.js mutes lists the active ones`);
  writeMutes(cfg.stateDir, { ...file, mutes: file.mutes.filter((m) => m !== found) }, now);
  return ok(`unmuted ${targetText(found)} (id ${found.id})`);
}

/** `3  nas:sw-lab-01  until 2026-11-23 18:00:00 +01:00 (7h 59m left)  by alice  "lab rebuild"` */
export function describeMute(m: Mute, now: number, fmt: (t: number) => string): string {
  const by = m.by ? `  by ${clean(m.by, 60)}` : '';
  const note = m.note ? `  "${clean(m.note)}"` : '';
  return `${String(m.id).padEnd(3)} ${targetText(m)}  until ${fmt(m.until)} (${left(m.until - now)} left)${by}${note}`;
}

/** `2d 3h`, `7h 59m`, `12m`: rounded down, never more than two units. */
export function left(ms: number): string {
  const min = Math.max(1, Math.floor(ms / MIN_MS));
  const [d, h, m] = [Math.floor(min / 1440), Math.floor((min % 1440) / 60), min % 60];
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}

function optionalText(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 200)
    throw usageError(`${flag} must be one line of at most 200 characters`);
  return value.trim() || undefined;
}

const ok = (message: string): Outcome => ({ exitCode: 0, status: 'OK', message });
