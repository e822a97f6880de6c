import {
  bool,
  check,
  codes,
  duration,
  durationFrom,
  emails,
  type Field,
  headerText,
  hosts,
  Invalid,
  list,
  lockoutReasons,
  lower,
  numberFrom,
  oneOf,
  port,
  text,
  timesOfDay,
  whole,
} from './fields';
import { isTimeZone } from './values';

export { isEmail } from './fields';

/**
 * Validation of the merged raw strings: which reader (fields.ts) each variable uses, and its default.
 *
 * Hand-written rather than a schema library: every run validates once, and building a zod schema
 * of these fields cost ~30 ms of CPU and ~4 MB of RSS per run (measured), a fifth of a poll that
 * finds nothing new. The messages are the ones that schema gave (compared value by value when it
 * was replaced), but for INCIDENT_LOCKOUT_REASONS, where it only said "Invalid input".
 */

/** Taken exactly as written: a password may begin or end with a space. */
const AS_WRITTEN = new Set(['PXGRID_KEY_PASSPHRASE', 'MAIL_PASS']);

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
  PXGRID_KEY_PASSPHRASE: [text],
  ISE_CA: [text],
  ISE_INSECURE: [bool('ISE_INSECURE'), false],
  SMTP_SERVER: [text],
  SMTP_PORT: [port('SMTP_PORT')],
  SMTP_SECURITY: [oneOf(['tls', 'starttls', 'none'] as const, 'SMTP_SECURITY must be tls, starttls or none')],
  SMTP_CA: [text],
  MAIL_USER: [text],
  MAIL_PASS: [text],
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
  ALERT_MODE: [oneOf(['each-run', 'digest'] as const, 'ALERT_MODE must be each-run or digest', lower), 'digest'],
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
  INCIDENT_GUESSING: [bool('INCIDENT_GUESSING'), true],
  INCIDENT_IDENTITY_STORE: [bool('INCIDENT_IDENTITY_STORE'), true],
  INCIDENT_ADMIN_LOGIN: [bool('INCIDENT_ADMIN_LOGIN'), true],
  INCIDENT_ADMIN_LOGIN_MIN: [numberFrom('INCIDENT_ADMIN_LOGIN_MIN', 2), 5],
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
    const value = AS_WRITTEN.has(key) ? raw[key] : raw[key]?.trim();
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
