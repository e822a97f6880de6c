import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { usageError } from '../core/errors';
import { parseEnvFile } from './envfile';
import { canonicalKey, type Key, pickKnown, type RawConfig } from './keys';
import { email, type Parsed, rawSchema } from './schema';
import { splitList } from './values';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';
export type AttachFormat = 'csv' | 'json' | 'none';

/** What not to mail. Filtered records still advance the cursor; the mail counts them. */
export interface Filters {
  /** Reason codes (the number that starts failureReason). */
  excludeReasons: string[];
  /** When not empty, only these reason codes are mailed. */
  includeReasons: string[];
  /** Globs (`*`, `?`), case-insensitive, on userName. */
  excludeUsers: string[];
  /** NAS names or IP addresses, case-insensitive. */
  excludeNas: string[];
}

export interface IseEndpoint {
  host: string;
  port: number;
}

/** The validated configuration. Paths are absolute; durations are milliseconds. */
export interface Config {
  baseDir: string;
  configFile?: string;
  ise: {
    hosts: IseEndpoint[];
    nodeName: string;
    cert?: string;
    key?: string;
    keyPassphrase?: string;
    ca?: string;
    insecure: boolean;
  };
  smtp: {
    host?: string;
    port: number;
    security: SmtpSecurity;
    ca?: string;
    user?: string;
    pass?: string;
  };
  mail: {
    from?: string;
    fromName: string;
    dest: string[];
    maxBytes: number;
    subjectPrefix: string;
    maxRows: number;
    /** IANA zone for every time shown in the mail. */
    timezone: string;
    attach: AttachFormat;
  };
  filters: Filters;
  /** Above this many new failures in one poll, the mail leads with grouped counts. */
  stormThreshold: number;
  stateDir: string;
  overlapMs: number;
  deadlineMs: number;
  /** Health mails (README "health"): problem after, repeat interval, heartbeat period (0 = off). */
  health: { alertAfterMs: number; repeatMs: number; heartbeatMs: number };
  /** Every raw value after precedence, for checks that name the variable. */
  raw: RawConfig;
}

export interface ConfigInput {
  /** Directory holding run.js: relative paths resolve against it, never the working directory. */
  baseDir: string;
  env: Record<string, string | undefined>;
  /** Values from command-line flags (highest precedence). */
  flags?: RawConfig;
}

/** flags > environment > config file > defaults (README, "Configuration"). */
export function loadConfig(input: ConfigInput): Config {
  const fromEnv = pickKnown(input.env);
  const flags = input.flags ?? {};
  const named = flags.ISE_TO_MAIL_CONFIG ?? fromEnv.ISE_TO_MAIL_CONFIG;
  const file = named ? resolvePath(input.baseDir, named) : resolve(input.baseDir, 'ise-to-mail.env');
  const fromFile = named || existsSync(file) ? readConfigFile(file) : {};
  const raw = dropEmpty({ ...fromFile, ...fromEnv, ...flags });
  const result = rawSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const msg = issue.message.includes(key) ? issue.message : `${key}: ${issue.message}`;
    throw usageError(`${msg} (${where(key as Key, flags, fromEnv, file)})`);
  }
  return build(result.data, raw, input.baseDir, named || existsSync(file) ? file : undefined);
}

function build(p: Parsed, raw: RawConfig, baseDir: string, configFile?: string): Config {
  const path = (v?: string) => (v === undefined ? undefined : resolvePath(baseDir, v));
  const security =
    p.SMTP_SECURITY ??
    (p.SMTP_PORT === 465 || p.SMTP_PORT === 2465 ? 'tls' : p.SMTP_PORT === undefined ? 'tls' : 'starttls');
  return {
    baseDir,
    configFile,
    ise: {
      hosts: parseHosts(p.ISE_HOST ?? '', p.PXGRID_PORT),
      nodeName: p.PXGRID_USER,
      cert: path(p.PXGRID_CERT),
      key: path(p.PXGRID_KEY),
      keyPassphrase: p.PXGRID_KEY_PASSPHRASE,
      ca: path(p.ISE_CA),
      insecure: p.ISE_INSECURE,
    },
    smtp: {
      host: p.SMTP_SERVER,
      port: p.SMTP_PORT ?? DEFAULT_SMTP_PORT[security],
      security,
      ca: path(p.SMTP_CA),
      user: p.MAIL_USER,
      pass: p.MAIL_PASS,
    },
    mail: {
      from: p.MAIL_FROM ?? p.MAIL_USER,
      fromName: p.MAIL_FROM_NAME,
      dest: p.MAIL_DEST ?? [],
      maxBytes: p.MAIL_MAX_BYTES,
      subjectPrefix: p.MAIL_SUBJECT_PREFIX,
      maxRows: p.MAIL_MAX_ROWS,
      timezone: p.MAIL_TIMEZONE,
      attach: p.MAIL_ATTACH,
    },
    filters: {
      excludeReasons: p.EXCLUDE_REASONS,
      includeReasons: p.INCLUDE_REASONS,
      excludeUsers: p.EXCLUDE_USERS,
      excludeNas: p.EXCLUDE_NAS,
    },
    stormThreshold: p.STORM_THRESHOLD,
    stateDir: resolvePath(baseDir, p.STATE_DIR),
    overlapMs: p.CURSOR_OVERLAP,
    deadlineMs: p.RUN_DEADLINE,
    health: { alertAfterMs: p.HEALTH_ALERT_AFTER, repeatMs: p.HEALTH_REPEAT, heartbeatMs: HEARTBEAT_MS[p.HEARTBEAT] },
    raw,
  };
}

const HEARTBEAT_MS = { daily: 86_400_000, weekly: 7 * 86_400_000, off: 0 } as const;

const DEFAULT_SMTP_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

function parseHosts(value: string, defaultPort: number): IseEndpoint[] {
  return splitList(value).map((entry) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry);
    const host = m?.[1] ?? entry;
    const port = m?.[2] ? Number(m[2]) : defaultPort;
    if (!/^[A-Za-z0-9.:_-]+$/.test(host) || !(port > 0 && port < 65536)) {
      throw usageError(`ISE_HOST has an invalid entry "${entry}": use host or host:port, comma-separated`);
    }
    return { host, port };
  });
}

function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(
      `cannot read config file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path given with --config or ISE_TO_MAIL_CONFIG`,
    );
  }
  const out: RawConfig = {};
  let entries: ReturnType<typeof parseEnvFile>;
  try {
    entries = parseEnvFile(text, file);
  } catch (err) {
    throw usageError(`${(err as Error).message}`);
  }
  for (const { key: name, value, line } of entries) {
    const key = canonicalKey(name);
    if (!key || key === 'ISE_TO_MAIL_CONFIG') {
      throw usageError(`${file} line ${line}: unknown key ${name}; see 'run.js --help' for the list of variables`);
    }
    if (name === key || out[key] === undefined) out[key] = value;
  }
  return out;
}

export function resolvePath(baseDir: string, p: string): string {
  return isAbsolute(p) ? p : resolve(baseDir, p);
}

function dropEmpty(raw: RawConfig): RawConfig {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== '')) as RawConfig;
}

function where(key: Key, flags: RawConfig, env: RawConfig, file: string): string {
  if (flags[key] !== undefined) return 'from the command line';
  if (env[key] !== undefined) return 'from the environment';
  return `from ${file}`;
}

/** Checks that the variables a command needs are set; the error names the first one missing. */
export function requireSettings(cfg: Config, parts: Array<'ise' | 'mail'>): void {
  const missing = (key: string, why: string) =>
    usageError(`${key} is not set: ${why} (environment or ${cfg.configFile ?? 'ise-to-mail.env next to run.js'})`);
  if (parts.includes('ise')) {
    if (cfg.ise.hosts.length === 0) throw missing('ISE_HOST', 'give the pxGrid node FQDN(s) of your ISE deployment');
    if (!cfg.ise.ca && !cfg.ise.insecure)
      throw missing('ISE_CA', "give the PEM file of ISE's pxGrid root CA chain, or ISE_INSECURE=1 for a lab");
    if (Boolean(cfg.ise.cert) !== Boolean(cfg.ise.key)) {
      throw usageError(
        'PXGRID_CERT and PXGRID_KEY go together: set both for certificate auth, or neither for the password flow',
      );
    }
  }
  if (parts.includes('mail')) {
    if (!cfg.smtp.host) throw missing('SMTP_SERVER', 'give the SMTP host that relays the alert mail');
    if (cfg.mail.dest.length === 0) throw missing('MAIL_DEST', 'give the recipients, comma-separated');
    if (!cfg.mail.from)
      throw missing('MAIL_FROM', 'give the From address (it defaults to MAIL_USER, which is not set either)');
    if (!email.safeParse(cfg.mail.from).success) {
      const from = cfg.raw.MAIL_FROM ? 'MAIL_FROM' : 'MAIL_FROM (taken from MAIL_USER)';
      throw usageError(
        `${from} is not a mail address: "${cfg.mail.from.slice(0, 80)}"; set MAIL_FROM to the sender address, e.g. ise-alerts@example.net`,
      );
    }
  }
}
