import type { Config } from '../config/config';
import { clean } from '../core/sanitize';
import { timeFormat } from '../render/time';
import { loadMutes, type Mute, untrusted } from './store';
import { targetText } from './target';

/** The shortest mute (`mute --for`), the unit `left` counts in. */
export const MIN_MUTE_MS = 60_000;

/** Why a stored mute does not apply (store.ts untrusted). */
export function ignoredText(m: Mute, fmt: (t: number) => string): string {
  // Either reason holds whatever the clock says now: only a created time past now is "created".
  if (untrusted(m, Number.POSITIVE_INFINITY) === 'until')
    return `until ${fmt(m.until)}, beyond the longest mute (366d): ignored, mute it again`;
  return `created ${fmt(m.created)}, in the future: ignored, mute it again`;
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
  const min = Math.max(1, Math.floor(ms / MIN_MUTE_MS));
  const [d, h, m] = [Math.floor(min / 1440), Math.floor((min % 1440) / 60), min % 60];
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}
