/** Small parsers shared by the config schema and the CLI flags. Each returns undefined on bad input. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90m`, `6h`, `2d`, `150s`, `500ms`; a bare number means seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]!);
}

/** An ISO-8601 instant with a date and time; a value without an offset is taken as UTC. */
export function parseInstant(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return undefined;
  const hasTime = /[T ]\d{2}:/.test(t);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) && hasTime;
  const ms = Date.parse(hasZone ? t : `${hasTime ? t.replace(' ', 'T') : `${t}T00:00`}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `--since`: an ISO timestamp, or a duration back from `now`. */
export function parseSince(text: string, now: number): number | undefined {
  const d = parseDuration(text);
  if (d !== undefined && /[a-z]$/i.test(text.trim())) return now - d;
  return parseInstant(text);
}

/** One ISE_HOST entry: `host`, `host:port` or `[v6]:port`; undefined when it is neither. */
export function parseHostEntry(entry: string): { host: string; port?: number } | undefined {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry);
  const host = m?.[1] ?? entry;
  const port = m?.[2] ? Number(m[2]) : undefined;
  if (!/^[A-Za-z0-9.:_-]+$/.test(host) || (port !== undefined && !(port > 0 && port < 65536))) return undefined;
  return { host, port };
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(t)) return false;
  return undefined;
}

/**
 * True when this runtime knows the IANA zone name. UTC (the default) always is
 * (https://tc39.es/ecma402/#sec-use-of-iana-time-zone-database): a DateTimeFormat with a zone
 * costs ~10 ms and ~9 MB of ICU data on the first call, which a poll that mails nothing never needs.
 */
export function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When digests go out (ALERT_MODE=digest): every `every` ms counted from midnight in MAIL_TIMEZONE
 * (DIGEST_EVERY), or at times of day given in ms after midnight (DIGEST_AT).
 */
export type DigestSchedule = { every: number } | { at: number[] };

/** `08:00,16:30` -> ms after midnight, sorted; undefined when any entry is not a HH:MM time. */
export function parseTimesOfDay(text: string): number[] | undefined {
  const out: number[] = [];
  for (const entry of splitList(text)) {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(entry);
    if (!m) return undefined;
    out.push((Number(m[1]) * 60 + Number(m[2])) * 60_000);
  }
  return out.length ? [...new Set(out)].sort((a, b) => a - b) : undefined;
}
