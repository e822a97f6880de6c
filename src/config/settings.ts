import {
  adminUrl,
  bool,
  codes,
  codesOrAny,
  duration,
  durationFrom,
  emails,
  headerText,
  hosts,
  list,
  numberFrom,
  oneOf,
  port,
  type ReaderFor,
  text,
  textWhere,
  timesOfDay,
  whole,
} from './fields';
import type { Group, Setting } from './setting';
import { isTimeZone } from './values';

type Extra = Pick<Setting, 'alias' | 'secret' | 'unset' | 'give'>;
/** A setting with a default: its value is never undefined. */
const is = <T>(group: Group, read: ReaderFor<T>, dflt: string, help: string, extra: Extra = {}) => ({
  group,
  read,
  default: dflt,
  help,
  ...extra,
});
/** An optional setting: undefined when unset. */
const opt = <T>(group: Group, read: ReaderFor<T>, help: string, extra: Extra = {}) => ({ group, read, help, ...extra });

const MIN = 60_000;
const nodeName = (v: string) => /^[A-Za-z0-9._-]{1,100}$/.test(v);
const rule = (what: string) => `1 | 0: ${what}`;

/**
 * Every setting, once: the only source of the readers, defaults, `--help` listing and
 * docs/configuration.md (`npm run docs:config`). Names are the documented interface, the same in
 * the environment and in the config file, and are never renamed; an `alias` is an accepted old
 * name (from the Python sample users migrate from).
 */
export const SETTINGS = {
  ISE_HOST: opt('ise', hosts, 'pxGrid controller host name(s), comma-separated, tried in order; host:port allowed', {
    alias: 'ISE_IP',
    unset: 'required',
    give: 'the pxGrid node FQDN(s) of your ISE deployment',
  }),
  PXGRID_PORT: is('ise', port, '8910', 'pxGrid port when a host has none'),
  PXGRID_USER: is(
    'ise',
    textWhere(nodeName, (n) => `${n} may hold letters, digits, - _ . (at most 100)`),
    'ise_to_mail',
    'pxGrid client nodeName',
  ),
  PXGRID_CERT: opt('ise', text, 'client certificate (PEM) for certificate-based pxGrid auth', {
    unset: 'password flow',
  }),
  PXGRID_KEY: opt('ise', text, 'private key (PEM) of PXGRID_CERT'),
  PXGRID_KEY_PASSPHRASE: opt('ise', text, 'passphrase of PXGRID_KEY', { secret: true }),
  ISE_CA: opt('ise', text, "PEM bundle that verifies ISE's pxGrid certificate", {
    unset: 'required unless ISE_INSECURE=1',
    give: "the PEM file of ISE's pxGrid root CA chain, or ISE_INSECURE=1 for a lab",
  }),
  ISE_INSECURE: is('ise', bool, '0', '1 disables TLS verification toward ISE, with a warning on every run'),
  SMTP_SERVER: opt('smtp', text, 'SMTP host that relays the alert mail', {
    unset: 'required',
    give: 'the SMTP host that relays the alert mail',
  }),
  SMTP_PORT: opt('smtp', port, 'SMTP port', { alias: 'MAIL_PORT', unset: '465 if tls, 587 if starttls, 25 if none' }),
  SMTP_SECURITY: opt('smtp', oneOf(['tls', 'starttls', 'none']), 'tls (implicit TLS), starttls (required) or none', {
    unset: 'tls for ports 465/2465, else starttls',
  }),
  SMTP_CA: opt('smtp', text, 'extra PEM bundle for the SMTP server', { unset: 'system CAs' }),
  MAIL_USER: opt('smtp', text, 'SMTP AUTH user; with MAIL_PASS, or neither for no AUTH'),
  MAIL_PASS: opt('smtp', text, 'SMTP AUTH password', { secret: true }),
  MAIL_FROM: opt('smtp', text, 'From address', {
    unset: 'MAIL_USER',
    give: 'the From address; without it MAIL_USER is used, which is not set either',
  }),
  MAIL_DEST: opt('smtp', emails, 'recipients, comma-separated', {
    unset: 'required',
    give: 'the recipients, comma-separated',
  }),
  MAIL_MAX_BYTES: is(
    'smtp',
    whole(
      'a number of bytes',
      (n) => n >= 200_000,
      'at least 200000: the summary and detail parts alone can take ~150 KB',
    ),
    '10000000',
    'cap on each message as sent',
  ),
  MAIL_FROM_NAME: is('mail', headerText(64), 'ISE RADIUS alerts', 'From display name'),
  MAIL_SUBJECT_PREFIX: is('mail', headerText(40), '[ISE]', 'subject prefix (test-mail adds [TEST])'),
  MAIL_MAX_ROWS: is(
    'mail',
    whole('a number of rows', (n) => n >= 1 && n <= 1000, 'between 1 and 1000'),
    '50',
    'detail rows in the mail body (1-1000); the rest are in the attachment',
  ),
  MAIL_TIMEZONE: is(
    'mail',
    textWhere(isTimeZone, (n) => `${n} must be an IANA time zone such as UTC, Europe/Zurich or America/New_York`),
    'UTC',
    'IANA time zone for every time in the mail (e.g. Europe/Zurich); the offset is always shown',
  ),
  MAIL_ATTACH: is(
    'mail',
    oneOf(['csv', 'json', 'none']),
    'csv',
    'attachment with every mailed record: csv, json or none',
  ),
  ISE_ADMIN_URL: opt(
    'mail',
    adminUrl,
    "ISE admin portal (https://ise-pan.example.net): mails link back to ISE's RADIUS Live Logs",
  ),
  DEVICE_NAME: opt('mail', headerText(64), 'names the sending device in every mail footer and health mail', {
    unset: "the router's host name (passed by the eem applets), else the host name",
  }),
  STORM_THRESHOLD: is(
    'mail',
    whole('a whole number of failures', (n) => n >= 1, 'at least 1'),
    '5000',
    'above this many new failures in one poll the mail leads with counts per reason and NAS',
  ),
  EXCLUDE_REASONS: is('filters', codes, '', 'failure reason codes not to mail, comma-separated (e.g. 5440,5411)'),
  INCLUDE_REASONS: is('filters', codes, '', 'when set, mail only these failure reason codes'),
  EXCLUDE_USERS: is('filters', list, '', 'user names not to mail, comma-separated globs, any case (e.g. host/*)'),
  EXCLUDE_NAS: is('filters', list, '', 'NAS names or IP addresses not to mail, comma-separated'),
  STATE_DIR: is('run', text, 'data', 'cursor, lock and the stored pxGrid credentials', {
    unset: 'data next to run.js',
  }),
  CURSOR_OVERLAP: is('run', duration(), '10m', 'how far back each poll re-reads, for records ISE shows late'),
  RUN_DEADLINE: is('run', durationFrom(5000, '5s'), '150s', 'the whole run ends within this, below the EEM maxrun'),
  ISE_TO_MAIL_CONFIG: opt('run', text, 'the config file (environment or --config only)', {
    unset: 'ise-to-mail.env next to run.js',
  }),
  HEALTH_ALERT_AFTER: is('health', duration(), '30m', 'mail a PROBLEM note when scheduled runs have failed this long'),
  HEALTH_REPEAT: is('health', durationFrom(MIN, '1m'), '24h', 'repeat that note at most this often while it lasts'),
  HEARTBEAT: is(
    'health',
    oneOf(['daily', 'weekly', 'off'], true),
    'off',
    'daily | weekly | off: an "all quiet" mail when nothing was mailed that long',
  ),
  ALERT_MODE: is(
    'alert',
    oneOf(['each-run', 'digest'], true),
    'digest',
    'digest (routine failures once per DIGEST_EVERY, incidents at once) or each-run (a mail per run)',
  ),
  DIGEST_EVERY: is(
    'alert',
    duration([(ms) => ms >= MIN && ms <= 1440 * MIN, 'must be from 1m to 1d (e.g. 1h)']),
    '1h',
    'digest period from 1m to 1d, counted from midnight in MAIL_TIMEZONE',
  ),
  DIGEST_AT: opt('alert', timesOfDay, 'times of day for the digest instead of DIGEST_EVERY, e.g. 08:00,16:00'),
  INCIDENTS: is(
    'alert',
    oneOf(['auto', 'on', 'off'], true),
    'auto',
    'auto | on | off: incident mails, sent at once (auto: on with ALERT_MODE=digest)',
  ),
  INCIDENT_LEARNING: is('incidents', duration(), '1d', 'the rules only learn this long after the first run'),
  INCIDENT_QUIET: is('incidents', durationFrom(MIN, '1m'), '30m', 'an incident ends after this long without a failure'),
  INCIDENT_NAS_WIDE: is('incidents', bool, '1', rule('many users failing with one reason on one NAS')),
  INCIDENT_NAS_WIDE_MIN: is('incidents', numberFrom(2), '5', 'nas-wide: at least this many users/endpoints'),
  INCIDENT_NAS_WIDE_FACTOR: is('incidents', numberFrom(1, true), '3', 'nas-wide: and this many times the usual'),
  INCIDENT_NAS_WIDE_WINDOW: is('incidents', durationFrom(MIN, '1m'), '10m', 'nas-wide: within this window'),
  INCIDENT_NEW_REASON: is('incidents', bool, '1', rule('a reason not seen for INCIDENT_NEW_REASON_MEMORY')),
  INCIDENT_NEW_REASON_MEMORY: is('incidents', durationFrom(1440 * MIN, '1d'), '7d', 'how long a reason is known'),
  INCIDENT_SPIKE: is('incidents', bool, '1', rule('one reason (or all) far above normal for the hour of the week')),
  INCIDENT_SPIKE_MIN: is('incidents', numberFrom(1), '30', 'spike: at least this many failures in a poll'),
  INCIDENT_SPIKE_FACTOR: is('incidents', numberFrom(1, true), '4', 'spike: and more than this many times normal'),
  INCIDENT_LOCKOUT: is('incidents', bool, '1', rule('one user failing repeatedly within minutes')),
  INCIDENT_LOCKOUT_MIN: is('incidents', numberFrom(2), '10', 'lockout: failures of one user, retries counted'),
  INCIDENT_LOCKOUT_WINDOW: is('incidents', durationFrom(MIN, '1m'), '10m', 'lockout: within this window'),
  INCIDENT_LOCKOUT_REASONS: is('incidents', codesOrAny, '22040,24408', 'lockout: reason codes that count, or any'),
  INCIDENT_STORM: is('incidents', bool, '1', rule('more than STORM_THRESHOLD failures in one poll')),
  INCIDENT_GUESSING: is('incidents', bool, '1', rule('many user names failing from one endpoint or switch port')),
  INCIDENT_IDENTITY_STORE: is('incidents', bool, '1', rule('ISE cannot reach Active Directory, on several NAS')),
  INCIDENT_ADMIN_LOGIN: is('incidents', bool, '1', rule('failed administrator logins to one device or as one admin')),
  INCIDENT_ADMIN_LOGIN_MIN: is(
    'incidents',
    numberFrom(2),
    '5',
    'admin-login: failed logins in a poll, TotalFailedAttempts counted',
  ),
} satisfies Record<string, Setting<unknown>>;

export type Key = keyof typeof SETTINGS;
export type RawConfig = Partial<Record<Key, string>>;
