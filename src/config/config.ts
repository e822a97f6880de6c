import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { usageError } from '../core/errors';
import { incidentSettings } from './incidents';
import { type Key, pickKnown, type RawConfig } from './keys';
import { type Need, settingProblems, settingsSource } from './require';
import { type Parsed, parseRaw } from './schema';
import { envWarnings, readConfigFile } from './sources';
import type { Config, IseEndpoint, SmtpSecurity } from './types';
import { parseHostEntry, splitList } from './values';

// Every folder names these types from here, where the configuration is loaded; types.ts defines them.
export type { AttachFormat, Config, Filters, IseEndpoint, SmtpSecurity } from './types';

export interface ConfigInput {
  /** Directory holding run.js: relative paths resolve against it, never the working directory. */
  baseDir: string;
  env: Record<string, string | undefined>;
  /** Values from command-line flags (highest precedence). */
  flags?: RawConfig;
  /** The settings the command cannot do without: missing ones are reported with the invalid ones. */
  require?: readonly Need[];
  /** A named config file that does not exist is no error (eem renders for a file that may come later). */
  optionalFile?: boolean;
  /** The machine's host name (from main.ts), the default of DEVICE_NAME. */
  hostname?: string;
}

/**
 * flags > environment > config file > defaults (docs/configuration.md). Throws one usage error
 * that names every unknown key, invalid value and missing setting, so one run shows them all.
 */
export function loadConfig(input: ConfigInput): Config {
  const fromEnv = pickKnown(input.env);
  const flags = input.flags ?? {};
  const named = flags.ISE_TO_MAIL_CONFIG ?? fromEnv.ISE_TO_MAIL_CONFIG;
  const file = named ? resolvePath(input.baseDir, named) : resolve(input.baseDir, 'ise-to-mail.env');
  const configFile = (named && !input.optionalFile) || existsSync(file) ? file : undefined;
  const problems: string[] = [];
  const fromFile = configFile ? readConfigFile(configFile, problems) : {};
  const raw = dropEmpty({ ...fromFile, ...fromEnv, ...flags });
  const result = parseRaw(raw);
  if (!result.success) {
    for (const { key, message } of result.issues) {
      const msg = message.includes(key) ? message : `${key}: ${message}`;
      problems.push(`${msg} (${where(key as Key, flags, fromEnv, file)})`);
    }
  }
  if (raw.DIGEST_AT !== undefined && raw.DIGEST_EVERY !== undefined)
    problems.push(
      `DIGEST_EVERY and DIGEST_AT are both set (DIGEST_EVERY ${where('DIGEST_EVERY', flags, fromEnv, file)}, ` +
        `DIGEST_AT ${where('DIGEST_AT', flags, fromEnv, file)}): ` +
        'keep DIGEST_AT for times of day or DIGEST_EVERY for a period',
    );
  problems.push(...settingProblems(raw, input.require ?? [], settingsSource(configFile)));
  if (!result.success || problems.length > 0) throw usageError(problems.join('; '));
  return {
    ...build(result.data, raw, input.baseDir, configFile, input.hostname),
    configPath: file,
    warnings: envWarnings(input.env),
  };
}

function build(p: Parsed, raw: RawConfig, baseDir: string, configFile: string | undefined, hostname?: string) {
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
      adminUrl: p.ISE_ADMIN_URL,
      device: p.DEVICE_NAME ?? (hostname || 'an unnamed host'),
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
    alert: { mode: p.ALERT_MODE, schedule: p.DIGEST_AT ? { at: p.DIGEST_AT } : { every: p.DIGEST_EVERY } },
    incidents: incidentSettings(p),
    raw,
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
