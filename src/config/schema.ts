import { isTimeZone, parseBool, parseDuration, splitList } from './values';

/**
 * Validation of the merged raw strings. Each field names its variable in the error, says what is
 * wrong and what is expected, because the reader is an operator on a switch console.
 *
 * Hand-written rather than a schema library: every run validates once, and building a zod schema
 * of these 35 fields cost ~30 ms of CPU and ~4 MB of RSS per run (measured), a fifth of a poll
 * that finds nothing new.
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
  (name: string, min?: [number, string]): Field<number> =>
  (v) => {
    const ms = parseDuration(v.trim());
    if (ms === undefined) fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v.trim()}")`);
    return min && ms! < min[0] ? fail(min[1]) : ms!;
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
  ISE_HOST: [text],
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
  RUN_DEADLINE: [duration('RUN_DEADLINE', [5000, 'RUN_DEADLINE must be at least 5s']), 150_000],
  HEALTH_ALERT_AFTER: [duration('HEALTH_ALERT_AFTER'), 30 * 60_000],
  HEALTH_REPEAT: [duration('HEALTH_REPEAT', [60_000, 'HEALTH_REPEAT must be at least 1m']), 24 * 3_600_000],
  HEARTBEAT: [
    oneOf(['daily', 'weekly', 'off'] as const, 'HEARTBEAT must be daily, weekly or off', (v) => v.trim().toLowerCase()),
    'off',
  ],
  ISE_TO_MAIL_CONFIG: [text],
} as const;

type Fields = typeof FIELDS;
type Value<F> = F extends readonly [Field<infer T>, ...unknown[]] ? T : never;
export type Parsed = {
  -readonly [K in keyof Fields]: Fields[K] extends readonly [unknown, unknown]
    ? Value<Fields[K]>
    : Value<Fields[K]> | undefined;
};

export type ParseResult = { success: true; data: Parsed } | { success: false; key: string; message: string };

/** Every field in order; the first one refused is reported (the operator fixes one line at a time). */
export function parseRaw(raw: Partial<Record<keyof Fields, string>>): ParseResult {
  const data: Record<string, unknown> = {};
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
      return { success: false, key, message: err.message };
    }
  }
  return { success: true, data: data as Parsed };
}
