import { isTimeZone, parseBool, parseDuration, parseHostEntry, parseTimesOfDay, splitList } from './values';

/**
 * Validation of the merged raw strings. Each field names its variable in the error, says what is
 * wrong and what is expected, because the reader is an operator on a switch console.
 *
 * Hand-written rather than a schema library: every run validates once, and building a zod schema
 * of these fields cost ~30 ms of CPU and ~4 MB of RSS per run (measured), a fifth of a poll that
 * finds nothing new. The messages are the ones that schema gave (compared value by value when it
 * was replaced), but for INCIDENT_LOCKOUT_REASONS, where it only said "Invalid input".
 */

/** A value the field refuses: `message` is the line the operator reads. */
class Invalid {
  constructor(readonly message: string) {}
}

type Field<T> = (value: string) => T;

const fail = (message: string): never => {
  throw new Invalid(message);
};

const text: Field<string> = (v) => v.trim();
const whole = (name: string, what: string, ok: (n: number) => boolean, range: string): Field<number> => {
  return (v) => {
    const t = v.trim();
    if (!/^\d+$/.test(t)) fail(`${name} must be ${what}`);
    const n = Number(t);
    return ok(n) ? n : fail(range);
  };
};
const port = (name: string) =>
  whole(name, 'a port number', (n) => n > 0 && n < 65536, `${name} must be between 1 and 65535`);
const duration =
  (name: string, ok?: [(ms: number) => boolean, string]): Field<number> =>
  (v) => {
    const ms = parseDuration(v.trim());
    if (ms === undefined) fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v.trim()}")`);
    return ok && !ok[0](ms!) ? fail(ok[1]) : ms!;
  };
/** A duration of at least `min` ms, `shown` as the operator would write it. */
const durationFrom = (name: string, min: number, shown: string) =>
  duration(name, [(ms) => ms >= min, `${name} must be at least ${shown}`]);
/** A whole number (`real`: or a decimal such as 2.5) of at least `min`. */
const numberFrom = (name: string, min: number, real = false): Field<number> => {
  const shape = real ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const what = real ? 'a number such as 3 or 2.5' : 'a whole number';
  return (v) => {
    const t = v.trim();
    if (!shape.test(t)) fail(`${name} must be ${what}`);
    return Number(t) >= min ? Number(t) : fail(`${name} must be at least ${min}`);
  };
};
const bool =
  (name: string): Field<boolean> =>
  (v) =>
    parseBool(v.trim()) ?? fail(`${name} must be 1 or 0 (got "${v.trim()}")`);
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
/** A bare mail address (no display name). */
export const isEmail = (text: string) => EMAIL.test(text);
const emails =
  (name: string): Field<string[]> =>
  (v) => {
    const list = splitList(v.trim());
    if (list.length === 0) fail(`${name} is empty: give at least one address`);
    const bad = list.find((a) => !isEmail(a));
    return bad === undefined ? list : fail(`${name} has an invalid address: ${bad}`);
  };
const codes =
  (name: string): Field<string[]> =>
  (v) => {
    const list = splitList(v.trim());
    const bad = list.find((c) => !/^\d{3,6}$/.test(c));
    return bad === undefined ? list : fail(`${name} takes failure reason codes such as 22040,5440 (got "${bad}")`);
  };
const list: Field<string[]> = (v) => splitList(v.trim());
const hosts: Field<string> = (v) => {
  const bad = splitList(v.trim()).find((entry) => !parseHostEntry(entry));
  return bad === undefined
    ? v.trim()
    : fail(`ISE_HOST has an invalid entry "${bad}": use host or host:port, comma-separated`);
};
const timesOfDay: Field<number[]> = (v) =>
  parseTimesOfDay(v.trim()) ?? fail(`DIGEST_AT takes times of day such as 08:00,16:00 (got "${v.trim()}")`);
const lower = (v: string) => v.trim().toLowerCase();
const lockoutReasons: Field<'any' | string[]> = (v) =>
  lower(v) === 'any' ? 'any' : codes('INCIDENT_LOCKOUT_REASONS')(v);
const oneOf =
  <T extends string>(values: readonly T[], message: string, fold = (v: string) => v): Field<T> =>
  (v) =>
    values.includes(fold(v) as T) ? (fold(v) as T) : fail(message);
// A display name reaches a header: one line, printable, short.
const headerText = (name: string, max: number): Field<string> => {
  const ok = new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`);
  return (v) => (ok.test(v.trim()) ? v.trim() : fail(`${name} must be one line of at most ${max} characters`));
};
const check =
  <T>(field: Field<T>, ok: (value: T) => boolean, message: string): Field<T> =>
  (v) => {
    const value = field(v);
    return ok(value) ? value : fail(message);
  };

/** Each variable: how its text is read, and its default (`undefined`: optional, no default). */
const FIELDS = {
  ISE_HOST: [hosts],
  PXGRID_PORT: [port('PXGRID_PORT'), 8910],
  PXGRID_USER: [
    check(text, (v) => /^[A-Za-z0-9._-]{1,100}$/.test(v), 'PXGRID_USER may hold letters, digits, - _ . (at most 100)'),
    'ise_to_mail',
  ],
  PXGRID_CERT: [text],
  PXGRID_KEY: [text],
  PXGRID_KEY_PASSPHRASE: [(v: string) => v],
  ISE_CA: [text],
  ISE_INSECURE: [bool('ISE_INSECURE'), false],
  SMTP_SERVER: [text],
  SMTP_PORT: [port('SMTP_PORT')],
  SMTP_SECURITY: [oneOf(['tls', 'starttls', 'none'] as const, 'SMTP_SECURITY must be tls, starttls or none')],
  SMTP_CA: [text],
  MAIL_USER: [text],
  MAIL_PASS: [(v: string) => v],
  MAIL_FROM: [text],
  MAIL_DEST: [emails('MAIL_DEST')],
  MAIL_MAX_BYTES: [
    whole(
      'MAIL_MAX_BYTES',
      'a number of bytes',
      (n) => n >= 200_000,
      'MAIL_MAX_BYTES must be at least 200000: the summary and detail parts alone can take ~150 KB',
    ),
    10_000_000,
  ],
  MAIL_FROM_NAME: [headerText('MAIL_FROM_NAME', 64), 'ISE RADIUS alerts'],
  MAIL_SUBJECT_PREFIX: [headerText('MAIL_SUBJECT_PREFIX', 40), '[ISE]'],
  MAIL_MAX_ROWS: [
    whole('MAIL_MAX_ROWS', 'a number of rows', (n) => n >= 1 && n <= 1000, 'MAIL_MAX_ROWS must be between 1 and 1000'),
    50,
  ],
  MAIL_TIMEZONE: [
    check(text, isTimeZone, 'MAIL_TIMEZONE must be an IANA time zone such as UTC, Europe/Zurich or America/New_York'),
    'UTC',
  ],
  MAIL_ATTACH: [oneOf(['csv', 'json', 'none'] as const, 'MAIL_ATTACH must be csv, json or none'), 'csv'],
  EXCLUDE_REASONS: [codes('EXCLUDE_REASONS'), []],
  INCLUDE_REASONS: [codes('INCLUDE_REASONS'), []],
  EXCLUDE_USERS: [list, []],
  EXCLUDE_NAS: [list, []],
  STORM_THRESHOLD: [
    whole('STORM_THRESHOLD', 'a whole number of failures', (n) => n >= 1, 'STORM_THRESHOLD must be at least 1'),
    5000,
  ],
  STATE_DIR: [text, 'data'],
  CURSOR_OVERLAP: [duration('CURSOR_OVERLAP'), 10 * 60_000],
  RUN_DEADLINE: [durationFrom('RUN_DEADLINE', 5000, '5s'), 150_000],
  HEALTH_ALERT_AFTER: [duration('HEALTH_ALERT_AFTER'), 30 * 60_000],
  HEALTH_REPEAT: [durationFrom('HEALTH_REPEAT', 60_000, '1m'), 24 * 3_600_000],
  HEARTBEAT: [oneOf(['daily', 'weekly', 'off'] as const, 'HEARTBEAT must be daily, weekly or off', lower), 'off'],
  ALERT_MODE: [oneOf(['each-run', 'digest'] as const, 'ALERT_MODE must be each-run or digest', lower), 'each-run'],
  DIGEST_EVERY: [
    duration('DIGEST_EVERY', [
      (ms) => ms >= 60_000 && ms <= 86_400_000,
      'DIGEST_EVERY must be from 1m to 1d (e.g. 1h)',
    ]),
    3_600_000,
  ],
  DIGEST_AT: [timesOfDay],
  INCIDENTS: [oneOf(['auto', 'on', 'off'] as const, 'INCIDENTS must be auto, on or off', lower), 'auto'],
  INCIDENT_LEARNING: [duration('INCIDENT_LEARNING'), 86_400_000],
  INCIDENT_QUIET: [durationFrom('INCIDENT_QUIET', 60_000, '1m'), 30 * 60_000],
  INCIDENT_NAS_WIDE: [bool('INCIDENT_NAS_WIDE'), true],
  INCIDENT_NAS_WIDE_MIN: [numberFrom('INCIDENT_NAS_WIDE_MIN', 2), 5],
  INCIDENT_NAS_WIDE_FACTOR: [numberFrom('INCIDENT_NAS_WIDE_FACTOR', 1, true), 3],
  INCIDENT_NAS_WIDE_WINDOW: [durationFrom('INCIDENT_NAS_WIDE_WINDOW', 60_000, '1m'), 10 * 60_000],
  INCIDENT_NEW_REASON: [bool('INCIDENT_NEW_REASON'), true],
  INCIDENT_NEW_REASON_MEMORY: [durationFrom('INCIDENT_NEW_REASON_MEMORY', 86_400_000, '1d'), 7 * 86_400_000],
  INCIDENT_SPIKE: [bool('INCIDENT_SPIKE'), true],
  INCIDENT_SPIKE_MIN: [numberFrom('INCIDENT_SPIKE_MIN', 1), 30],
  INCIDENT_SPIKE_FACTOR: [numberFrom('INCIDENT_SPIKE_FACTOR', 1, true), 4],
  INCIDENT_LOCKOUT: [bool('INCIDENT_LOCKOUT'), true],
  INCIDENT_LOCKOUT_MIN: [numberFrom('INCIDENT_LOCKOUT_MIN', 2), 10],
  INCIDENT_LOCKOUT_WINDOW: [durationFrom('INCIDENT_LOCKOUT_WINDOW', 60_000, '1m'), 10 * 60_000],
  INCIDENT_LOCKOUT_REASONS: [lockoutReasons, ['22040', '24408']],
  INCIDENT_STORM: [bool('INCIDENT_STORM'), true],
  ISE_TO_MAIL_CONFIG: [text],
} as const;

type Fields = typeof FIELDS;
type Value<F> = F extends readonly [Field<infer T>, ...unknown[]] ? T : never;
export type Parsed = {
  -readonly [K in keyof Fields]: Fields[K] extends readonly [unknown, unknown]
    ? Value<Fields[K]>
    : Value<Fields[K]> | undefined;
};

export interface Issue {
  key: string;
  message: string;
}
export type ParseResult = { success: true; data: Parsed } | { success: false; issues: Issue[] };

/** Every field in order; each refused one is reported once, so one run shows every mistake. */
export function parseRaw(raw: Partial<Record<keyof Fields, string>>): ParseResult {
  const data: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [key, spec] of Object.entries(FIELDS) as [keyof Fields, readonly [Field<unknown>, unknown?]][]) {
    const value = raw[key];
    if (value === undefined) {
      // A fresh copy of a list default: the config object is the caller's to keep.
      if (spec.length > 1) data[key] = Array.isArray(spec[1]) ? [...spec[1]] : spec[1];
      continue;
    }
    try {
      data[key] = spec[0](value);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      issues.push({ key, message: err.message });
    }
  }
  return issues.length === 0 ? { success: true, data: data as Parsed } : { success: false, issues };
}

/** The value of every setting left unset. */
export function defaults(): Parsed {
  const result = parseRaw({});
  if (!result.success) throw new Error('a default is invalid');
  return result.data;
}
