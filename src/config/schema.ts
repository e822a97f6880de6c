import * as z from 'zod';
import { isTimeZone, parseBool, parseDuration, parseHostEntry, parseTimesOfDay, splitList } from './values';

/**
 * Validation of the merged raw strings. Each field names its variable in the error, says what is
 * wrong and what is expected, because the reader is an operator on a switch console.
 */
const text = z.string().trim();
const port = (name: string) =>
  text
    .regex(/^\d+$/, `${name} must be a port number`)
    .transform(Number)
    .refine((n) => n > 0 && n < 65536, `${name} must be between 1 and 65535`);
const duration = (name: string) =>
  text.transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined)
      ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as 150s, 10m or 2h (got "${v}")` });
    return ms ?? 0;
  });
const bool = (name: string) =>
  text.transform((v, ctx) => {
    const b = parseBool(v);
    if (b === undefined) ctx.addIssue({ code: 'custom', message: `${name} must be 1 or 0 (got "${v}")` });
    return b ?? false;
  });
export const email = z.string().regex(/^[^\s@<>,;"]+@[^\s@<>,;"]+$/);
const emails = (name: string) =>
  text.transform((v, ctx) => {
    const list = splitList(v);
    const bad = list.filter((a) => !email.safeParse(a).success);
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: `${name} is empty: give at least one address` });
    if (bad.length) ctx.addIssue({ code: 'custom', message: `${name} has an invalid address: ${bad[0]}` });
    return list;
  });

const codes = (name: string) =>
  text.transform((v, ctx) => {
    const list = splitList(v);
    const bad = list.find((c) => !/^\d{3,6}$/.test(c));
    if (bad !== undefined)
      ctx.addIssue({ code: 'custom', message: `${name} takes failure reason codes such as 22040,5440 (got "${bad}")` });
    return list;
  });
const list = text.transform((v) => splitList(v));
const whole = (name: string) => text.regex(/^\d+$/, `${name} must be a whole number`).transform(Number);
const factor = (name: string) =>
  text.regex(/^\d+(\.\d+)?$/, `${name} must be a number such as 3 or 2.5`).transform(Number);
const atLeast = <T extends z.ZodType<number, string>>(schema: T, min: number, name: string, shown: string) =>
  schema.refine((n) => n >= min, `${name} must be at least ${shown}`);
// A display name reaches a header: one line, printable, short.
const headerText = (name: string, max: number) =>
  text.regex(
    new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`),
    `${name} must be one line of at most ${max} characters`,
  );

const hosts = text.superRefine((v, ctx) => {
  const bad = splitList(v).find((entry) => !parseHostEntry(entry));
  if (bad !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: `ISE_HOST has an invalid entry "${bad}": use host or host:port, comma-separated`,
    });
});

export const rawSchema = z.object({
  ISE_HOST: hosts.optional(),
  PXGRID_PORT: port('PXGRID_PORT').default(8910),
  PXGRID_USER: text
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'PXGRID_USER may hold letters, digits, - _ . (at most 100)')
    .default('ise_to_mail'),
  PXGRID_CERT: text.optional(),
  PXGRID_KEY: text.optional(),
  PXGRID_KEY_PASSPHRASE: z.string().optional(),
  ISE_CA: text.optional(),
  ISE_INSECURE: bool('ISE_INSECURE').default(false),
  SMTP_SERVER: text.optional(),
  SMTP_PORT: port('SMTP_PORT').optional(),
  SMTP_SECURITY: z
    .enum(['tls', 'starttls', 'none'], { message: 'SMTP_SECURITY must be tls, starttls or none' })
    .optional(),
  SMTP_CA: text.optional(),
  MAIL_USER: text.optional(),
  MAIL_PASS: z.string().optional(),
  MAIL_FROM: text.optional(),
  MAIL_DEST: emails('MAIL_DEST').optional(),
  MAIL_MAX_BYTES: text
    .regex(/^\d+$/, 'MAIL_MAX_BYTES must be a number of bytes')
    .transform(Number)
    .refine(
      (n) => n >= 200_000,
      'MAIL_MAX_BYTES must be at least 200000: the summary and detail parts alone can take ~150 KB',
    )
    .default(10_000_000),
  MAIL_FROM_NAME: headerText('MAIL_FROM_NAME', 64).default('ISE RADIUS alerts'),
  MAIL_SUBJECT_PREFIX: headerText('MAIL_SUBJECT_PREFIX', 40).default('[ISE]'),
  MAIL_MAX_ROWS: text
    .regex(/^\d+$/, 'MAIL_MAX_ROWS must be a number of rows')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'MAIL_MAX_ROWS must be between 1 and 1000')
    .default(50),
  MAIL_TIMEZONE: text
    .refine(isTimeZone, 'MAIL_TIMEZONE must be an IANA time zone such as UTC, Europe/Zurich or America/New_York')
    .default('UTC'),
  MAIL_ATTACH: z.enum(['csv', 'json', 'none'], { message: 'MAIL_ATTACH must be csv, json or none' }).default('csv'),
  EXCLUDE_REASONS: codes('EXCLUDE_REASONS').default([]),
  INCLUDE_REASONS: codes('INCLUDE_REASONS').default([]),
  EXCLUDE_USERS: list.default([]),
  EXCLUDE_NAS: list.default([]),
  STORM_THRESHOLD: text
    .regex(/^\d+$/, 'STORM_THRESHOLD must be a whole number of failures')
    .transform(Number)
    .refine((n) => n >= 1, 'STORM_THRESHOLD must be at least 1')
    .default(5000),
  STATE_DIR: text.default('data'),
  CURSOR_OVERLAP: duration('CURSOR_OVERLAP').default(10 * 60_000),
  RUN_DEADLINE: duration('RUN_DEADLINE')
    .refine((ms) => ms >= 5000, 'RUN_DEADLINE must be at least 5s')
    .default(150_000),
  HEALTH_ALERT_AFTER: duration('HEALTH_ALERT_AFTER').default(30 * 60_000),
  HEALTH_REPEAT: duration('HEALTH_REPEAT')
    .refine((ms) => ms >= 60_000, 'HEALTH_REPEAT must be at least 1m')
    .default(24 * 3_600_000),
  HEARTBEAT: text
    .toLowerCase()
    .pipe(z.enum(['daily', 'weekly', 'off'], { message: 'HEARTBEAT must be daily, weekly or off' }))
    .default('off'),
  ALERT_MODE: text
    .toLowerCase()
    .pipe(z.enum(['each-run', 'digest'], { message: 'ALERT_MODE must be each-run or digest' }))
    .default('each-run'),
  DIGEST_EVERY: duration('DIGEST_EVERY')
    .refine((ms) => ms >= 60_000 && ms <= 86_400_000, 'DIGEST_EVERY must be from 1m to 1d (e.g. 1h)')
    .default(3_600_000),
  DIGEST_AT: text
    .transform((v, ctx) => {
      const times = parseTimesOfDay(v);
      if (!times)
        ctx.addIssue({ code: 'custom', message: `DIGEST_AT takes times of day such as 08:00,16:00 (got "${v}")` });
      return times ?? [];
    })
    .optional(),
  INCIDENTS: text
    .toLowerCase()
    .pipe(z.enum(['auto', 'on', 'off'], { message: 'INCIDENTS must be auto, on or off' }))
    .default('auto'),
  INCIDENT_LEARNING: duration('INCIDENT_LEARNING').default(86_400_000),
  INCIDENT_QUIET: atLeast(duration('INCIDENT_QUIET'), 60_000, 'INCIDENT_QUIET', '1m').default(30 * 60_000),
  INCIDENT_NAS_WIDE: bool('INCIDENT_NAS_WIDE').default(true),
  INCIDENT_NAS_WIDE_MIN: atLeast(whole('INCIDENT_NAS_WIDE_MIN'), 2, 'INCIDENT_NAS_WIDE_MIN', '2').default(5),
  INCIDENT_NAS_WIDE_FACTOR: atLeast(factor('INCIDENT_NAS_WIDE_FACTOR'), 1, 'INCIDENT_NAS_WIDE_FACTOR', '1').default(3),
  INCIDENT_NAS_WIDE_WINDOW: atLeast(
    duration('INCIDENT_NAS_WIDE_WINDOW'),
    60_000,
    'INCIDENT_NAS_WIDE_WINDOW',
    '1m',
  ).default(10 * 60_000),
  INCIDENT_NEW_REASON: bool('INCIDENT_NEW_REASON').default(true),
  INCIDENT_NEW_REASON_MEMORY: atLeast(
    duration('INCIDENT_NEW_REASON_MEMORY'),
    86_400_000,
    'INCIDENT_NEW_REASON_MEMORY',
    '1d',
  ).default(7 * 86_400_000),
  INCIDENT_SPIKE: bool('INCIDENT_SPIKE').default(true),
  INCIDENT_SPIKE_MIN: atLeast(whole('INCIDENT_SPIKE_MIN'), 1, 'INCIDENT_SPIKE_MIN', '1').default(30),
  INCIDENT_SPIKE_FACTOR: atLeast(factor('INCIDENT_SPIKE_FACTOR'), 1, 'INCIDENT_SPIKE_FACTOR', '1').default(4),
  INCIDENT_LOCKOUT: bool('INCIDENT_LOCKOUT').default(true),
  INCIDENT_LOCKOUT_MIN: atLeast(whole('INCIDENT_LOCKOUT_MIN'), 2, 'INCIDENT_LOCKOUT_MIN', '2').default(10),
  INCIDENT_LOCKOUT_WINDOW: atLeast(
    duration('INCIDENT_LOCKOUT_WINDOW'),
    60_000,
    'INCIDENT_LOCKOUT_WINDOW',
    '1m',
  ).default(10 * 60_000),
  INCIDENT_LOCKOUT_REASONS: z
    .union([text.toLowerCase().pipe(z.literal('any')), codes('INCIDENT_LOCKOUT_REASONS')])
    .default(['22040', '24408']),
  INCIDENT_STORM: bool('INCIDENT_STORM').default(true),
  ISE_TO_MAIL_CONFIG: text.optional(),
});

export type Parsed = z.infer<typeof rawSchema>;
