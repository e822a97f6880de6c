import type { Setting } from './setting';
import { type Key, type RawConfig, SETTINGS } from './settings';

/** The names of the settings (settings.ts): aliases, the did-you-mean for mistyped ones, secrets. */
export type { Key, RawConfig };
/** Every setting by name (the table in settings.ts). */
export const KEYS: Record<Key, Setting> = SETTINGS;

const BY_NAME = new Map<string, Key>();
for (const [key, info] of Object.entries(KEYS) as [Key, Setting][]) {
  BY_NAME.set(key, key);
  if (info.alias) BY_NAME.set(info.alias, key);
}

/** The canonical key for a name or its alias, or undefined for an unknown name. */
export function canonicalKey(name: string): Key | undefined {
  return BY_NAME.get(name);
}

/** Known keys (and aliases) present in an environment, mapped to canonical keys. */
export function pickKnown(source: Record<string, string | undefined>): RawConfig {
  const out: RawConfig = {};
  for (const [name, value] of Object.entries(source)) {
    const key = canonicalKey(name);
    // The canonical name wins over its alias when both are set.
    if (key && value !== undefined && (name === key || out[key] === undefined)) out[key] = value;
  }
  return out;
}

/** Values of secret keys, so output can be scrubbed of them as a last line of defence. */
export function secretValues(raw: RawConfig): string[] {
  return (Object.keys(raw) as Key[])
    .filter((k) => KEYS[k].secret)
    .map((k) => raw[k] ?? '')
    .filter((v) => v.length >= 4);
}

/**
 * The known key a mistyped name most likely meant (`SMTP_SEVRER` → `SMTP_SERVER`), or undefined
 * when none is close: at most two edits (a swap of neighbours counts as one), any case, or the
 * name is a known key with something added (`MAIL_PASSWORD`).
 */
export function closestKey(name: string, opts: { contained?: boolean } = {}): Key | undefined {
  const upper = name.toUpperCase();
  let best: { key: Key; d: number } | undefined;
  for (const [known, key] of BY_NAME) {
    // More than two characters longer or shorter is more than two edits: every run checks every
    // environment variable, so the distance is computed only where it can matter.
    if (Math.abs(upper.length - known.length) > 2) continue;
    const d = editDistance(upper, known);
    if (best === undefined || d < best.d) best = { key, d };
  }
  if (best && best.d <= 2) return best.key;
  if (opts.contained === false) return undefined;
  const within = [...BY_NAME].filter(([known]) => upper.startsWith(known)).sort((a, b) => b[0].length - a[0].length);
  return within[0]?.[1];
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. Only
 * distances up to 2 matter: once two rows in a row are all above 2 (a swap looks back two rows),
 * the answer is "more than 2" (3), which spares most of the work for unrelated names.
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > 2 && prevMin > 2) return 3;
    prevMin = rowMin;
  }
  return d[a.length]![b.length]!;
}
