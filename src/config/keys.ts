/**
 * Every configuration variable: the same names in the environment and in the config file.
 * Names are the documented interface (README, "Configuration") and must not be renamed. `alias` is an accepted old
 * name (from the Python sample users migrate from).
 */
export interface KeyInfo {
  alias?: string;
  secret?: boolean;
  help: string;
}

export const KEYS = {
  ISE_HOST: { alias: 'ISE_IP', help: 'pxGrid controller host name(s), comma-separated, host:port allowed' },
  PXGRID_PORT: { help: 'pxGrid port when a host has none (8910)' },
  PXGRID_USER: { help: 'pxGrid client nodeName (ise_to_mail)' },
  PXGRID_CERT: { help: 'client certificate (PEM) for certificate-based pxGrid auth' },
  PXGRID_KEY: { help: 'client private key (PEM)' },
  PXGRID_KEY_PASSPHRASE: { secret: true, help: 'passphrase of PXGRID_KEY' },
  ISE_CA: { help: 'PEM bundle that verifies ISE pxGrid certificate' },
  ISE_INSECURE: { help: '1 disables TLS verification toward ISE (loud warning)' },
  SMTP_SERVER: { help: 'SMTP host' },
  SMTP_PORT: { alias: 'MAIL_PORT', help: 'SMTP port (465 tls, 587 starttls, 25 none)' },
  SMTP_SECURITY: { help: 'tls | starttls | none' },
  SMTP_CA: { help: 'extra PEM bundle for the SMTP server' },
  MAIL_USER: { help: 'SMTP AUTH user' },
  MAIL_PASS: { secret: true, help: 'SMTP AUTH password' },
  MAIL_FROM: { help: 'From address (MAIL_USER)' },
  MAIL_DEST: { help: 'recipients, comma-separated' },
  MAIL_MAX_BYTES: { help: 'cap on each message as sent (10000000)' },
  MAIL_FROM_NAME: { help: 'From display name (ISE RADIUS alerts)' },
  MAIL_SUBJECT_PREFIX: { help: 'subject prefix ([ISE])' },
  MAIL_MAX_ROWS: { help: 'detail rows in the mail body; the rest go to the attachment (50)' },
  MAIL_TIMEZONE: { help: 'IANA time zone for times in the mail, offset shown (UTC)' },
  MAIL_ATTACH: { help: 'attachment with every record: csv | json | none (csv)' },
  EXCLUDE_REASONS: { help: 'failure reason codes not to mail, comma-separated (e.g. 5440)' },
  INCLUDE_REASONS: { help: 'mail only these failure reason codes, comma-separated' },
  EXCLUDE_USERS: { help: 'user names not to mail, comma-separated globs (e.g. host/*)' },
  EXCLUDE_NAS: { help: 'NAS names or IPs not to mail, comma-separated' },
  STORM_THRESHOLD: { help: 'above this many failures in one poll the mail leads with grouped counts (5000)' },
  STATE_DIR: { help: 'cursor, lock and pxGrid credentials (data next to run.js)' },
  CURSOR_OVERLAP: { help: 'how far back each poll re-reads for late records (10m)' },
  RUN_DEADLINE: { help: 'the whole run must end within this (150s)' },
  HEALTH_ALERT_AFTER: { help: 'mail the team when runs have failed this long (30m)' },
  HEALTH_REPEAT: { help: 'repeat that problem mail at most this often while it lasts (24h)' },
  HEARTBEAT: { help: 'daily | weekly | off: an "all quiet" mail when nothing was mailed that long (off)' },
  ALERT_MODE: {
    help: 'digest (routine failures once per DIGEST_EVERY, incidents at once) | each-run (a mail per run) (digest)',
  },
  DIGEST_EVERY: { help: 'digest period from 1m to 1d, counted from midnight in MAIL_TIMEZONE (1h)' },
  DIGEST_AT: { help: 'times of day for the digest instead of DIGEST_EVERY, e.g. 08:00,16:00' },
  INCIDENTS: { help: 'auto | on | off: incident mails, sent at once (auto: on with ALERT_MODE=digest)' },
  INCIDENT_LEARNING: { help: 'the rules only learn this long after the first run (1d)' },
  INCIDENT_QUIET: { help: 'an incident is resolved after this long without a matching failure (30m)' },
  INCIDENT_NAS_WIDE: { help: '1 | 0: many users failing with one reason on one NAS (1)' },
  INCIDENT_NAS_WIDE_MIN: { help: 'nas-wide: at least this many distinct users/endpoints (5)' },
  INCIDENT_NAS_WIDE_FACTOR: { help: 'nas-wide: and this many times what the NAS usually shows (3)' },
  INCIDENT_NAS_WIDE_WINDOW: { help: 'nas-wide: within this window (10m)' },
  INCIDENT_NEW_REASON: { help: '1 | 0: a failure reason not seen for INCIDENT_NEW_REASON_MEMORY (1)' },
  INCIDENT_NEW_REASON_MEMORY: { help: 'how long a reason counts as known (7d)' },
  INCIDENT_SPIKE: { help: '1 | 0: failures of one reason (or all) far above normal for the hour of the week (1)' },
  INCIDENT_SPIKE_MIN: { help: 'spike: at least this many failures of one reason in a poll (30)' },
  INCIDENT_SPIKE_FACTOR: { help: 'spike: and more than this many times the learned normal (4)' },
  INCIDENT_LOCKOUT: { help: '1 | 0: one user failing repeatedly within minutes (1)' },
  INCIDENT_LOCKOUT_MIN: { help: 'lockout: failures of one user, TotalFailedAttempts counted (10)' },
  INCIDENT_LOCKOUT_WINDOW: { help: 'lockout: within this window (10m)' },
  INCIDENT_LOCKOUT_REASONS: { help: 'lockout: reason codes that count, or any (22040,24408)' },
  INCIDENT_STORM: { help: '1 | 0: more than STORM_THRESHOLD failures in one poll (1)' },
  INCIDENT_GUESSING: { help: '1 | 0: many user names failing from one endpoint or switch port (1)' },
  INCIDENT_IDENTITY_STORE: { help: '1 | 0: ISE cannot reach Active Directory, on several NAS at once (1)' },
  INCIDENT_ADMIN_LOGIN: { help: '1 | 0: failed administrator logins to one device or as one admin (1)' },
  INCIDENT_ADMIN_LOGIN_MIN: { help: 'admin-login: failed logins in a poll, TotalFailedAttempts counted (5)' },
  ISE_TO_MAIL_CONFIG: { help: 'config file (ise-to-mail.env next to run.js)' },
} as const satisfies Record<string, KeyInfo>;

export type Key = keyof typeof KEYS;
export type RawConfig = Partial<Record<Key, string>>;

const BY_NAME = new Map<string, Key>();
for (const [key, info] of Object.entries(KEYS) as [Key, KeyInfo][]) {
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
    .filter((k) => (KEYS[k] as KeyInfo).secret)
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
