import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { usageError } from '../core/errors';
import { parseEnvFile } from './envfile';
import { canonicalKey, closestKey, type Key, pickKnown, type RawConfig } from './keys';
import { type Need, settingProblems, settingsSource } from './require';
import { type Parsed, rawSchema } from './schema';
import { parseHostEntry, splitList } from './values';

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
  /** Said on stderr before the command runs (a mistyped environment variable). */
  warnings: string[];
}

export interface ConfigInput {
  /** Directory holding run.js: relative paths resolve against it, never the working directory. */
  baseDir: string;
  env: Record<string, string | undefined>;
  /** Values from command-line flags (highest precedence). */
  flags?: RawConfig;
  /** The settings the command cannot do without: missing ones are reported with the invalid ones. */
  require?: readonly Need[];
}

/**
 * flags > environment > config file > defaults (README, "Configuration"). Throws one usage error
 * that names every unknown key, invalid value and missing setting, so one run shows them all.
 */
export function loadConfig(input: ConfigInput): Config {
  const fromEnv = pickKnown(input.env);
  const flags = input.flags ?? {};
  const named = flags.ISE_TO_MAIL_CONFIG ?? fromEnv.ISE_TO_MAIL_CONFIG;
  const file = named ? resolvePath(input.baseDir, named) : resolve(input.baseDir, 'ise-to-mail.env');
  const configFile = named || existsSync(file) ? file : undefined;
  const problems: string[] = [];
  const fromFile = configFile ? readConfigFile(configFile, problems) : {};
  const raw = dropEmpty({ ...fromFile, ...fromEnv, ...flags });
  const result = rawSchema.safeParse(raw);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (seen.has(key)) continue;
      seen.add(key);
      const msg = issue.message.includes(key) ? issue.message : `${key}: ${issue.message}`;
      problems.push(`${msg} (${where(key as Key, flags, fromEnv, file)})`);
    }
  }
  problems.push(...settingProblems(raw, input.require ?? [], settingsSource(configFile)));
  if (!result.success || problems.length > 0) throw usageError(problems.join('; '));
  return build(result.data, raw, input.baseDir, configFile, envWarnings(input.env));
}

/** Environment variables that look like a mistyped setting: ignored, so the operator is told. */
function envWarnings(env: Record<string, string | undefined>): string[] {
  return Object.keys(env).flatMap((name) => {
    const key = canonicalKey(name) ? undefined : closestKey(name, { contained: false });
    return key ? [`environment variable ${name} is not a setting and is ignored: did you mean ${key}?`] : [];
  });
}

function build(p: Parsed, raw: RawConfig, baseDir: string, configFile: string | undefined, warnings: string[]): Config {
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
    warnings,
  };
}

const HEARTBEAT_MS = { daily: 86_400_000, weekly: 7 * 86_400_000, off: 0 } as const;

const DEFAULT_SMTP_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

/** Entries were validated by the schema (ISE_HOST). */
function parseHosts(value: string, defaultPort: number): IseEndpoint[] {
  return splitList(value).map((entry) => {
    const { host, port } = parseHostEntry(entry)!;
    return { host, port: port ?? defaultPort };
  });
}

/** The file's settings; each unknown key becomes a problem naming its line and the likely key. */
function readConfigFile(file: string, problems: string[]): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(
      `cannot read config file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path given with --config or ISE_TO_MAIL_CONFIG`,
    );
  }
  let entries: ReturnType<typeof parseEnvFile>;
  try {
    entries = parseEnvFile(text, file);
  } catch (err) {
    throw usageError(`${(err as Error).message}`);
  }
  const out: RawConfig = {};
  for (const { key: name, value, line } of entries) {
    const key = canonicalKey(name);
    if (key === 'ISE_TO_MAIL_CONFIG') {
      problems.push(`${file} line ${line}: ISE_TO_MAIL_CONFIG names the config file, so it cannot be set inside one`);
    } else if (!key) {
      const guess = closestKey(name);
      const hint = guess ? `: did you mean ${guess}?` : "; see 'run.js --help' for the list of variables";
      problems.push(`${file} line ${line}: unknown key ${name}${hint}`);
    } else if (name === key || out[key] === undefined) out[key] = value;
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
