import type { Config } from '../config/config';
import { parseDuration } from '../config/values';
import { usageError } from '../core/errors';
import type { Io, Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { summaryTime } from '../core/times';
import { clean } from '../format/sanitize';
import { timeFormat } from '../format/time';
import { recentMatch } from './recent-match';
import { loadMutes, MAX_MUTE_MS, type Mute, muteSet, readMutes, untrusted, writeMutes } from './store';
import { matchesEverything, parseTarget, targetText } from './target';

/** `mute`, `mutes`, `unmute`: usable from the switch console (`guestshell run node run.js mute ...`). */
export interface MuteFlags {
  for?: string;
  note?: string;
  by?: string;
  /** Accepts a target that matches every failure (matchesEverything). */
  force?: boolean;
}

const MIN_MS = 60_000;

export function mute(cfg: Config, now: number, target: string, flags: MuteFlags): Outcome {
  const t = parseTarget(target);
  const all = matchesEverything(t);
  if (all && !flags.force)
    throw usageError(
      `mute target ${targetText(t)} matches every failure: it would keep every failure out of the mail; ` +
        'mute something narrower, or add --force if that is what you want',
    );
  const ms = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (ms === undefined || ms < MIN_MS || ms > MAX_MUTE_MS) {
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

/** Why a stored mute does not apply (store.ts untrusted). */
export function ignoredText(m: Mute, fmt: (t: number) => string): string {
  // Either reason holds whatever the clock says now: only a created time past now is "created".
  if (untrusted(m, Number.POSITIVE_INFINITY) === 'until')
    return `until ${fmt(m.until)}, beyond the longest mute (366d): ignored, mute it again`;
  return `created ${fmt(m.created)}, in the future: ignored, mute it again`;
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

/** The active mutes as a mail footer names them; none when mutes.json cannot be read (the run says why). */
export function footerMutes(cfg: Config, now: number): string[] {
  const fmt = timeFormat(cfg.mail.timezone);
  try {
    return loadMutes(cfg.stateDir, now).active.map((m) => footerMute(m, fmt));
  } catch {
    return [];
  }
}

/** `nas:sw-lab-01 until 2026-11-23 18:00:00 +01:00 (id 3)`: one active mute in a mail footer. */
export function footerMute(m: Mute, fmt: (t: number) => string): string {
  return clean(`${targetText(m)} until ${fmt(m.until)} (id ${m.id}${m.by ? `, by ${m.by}` : ''})`, 160);
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
