import type { IncidentSettings } from './incidents';
import type { RawConfig } from './keys';
import type { Parsed } from './schema';
import type { DigestSchedule } from './values';

/** The validated configuration loadConfig (config.ts) returns, and the parts other folders name. */

// The values the settings table accepts (settings.ts oneOf): named here, never listed again.
export type SmtpSecurity = NonNullable<Parsed['SMTP_SECURITY']>;
export type AttachFormat = Parsed['MAIL_ATTACH'];

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
  /** The config file read, if any. */
  configFile?: string;
  /** The config file that is read when it exists: named, or ise-to-mail.env next to run.js. */
  configPath: string;
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
    /** ISE_ADMIN_URL: mails link to its RADIUS Live Logs. */
    adminUrl?: string;
    /** DEVICE_NAME, else the host name: the footer names the device that sent the mail. */
    device: string;
  };
  filters: Filters;
  /** Above this many new failures in one poll, the mail leads with grouped counts. */
  stormThreshold: number;
  stateDir: string;
  overlapMs: number;
  deadlineMs: number;
  /** Health mails (docs/health.md): problem after, repeat interval, heartbeat period (0 = off). */
  health: { alertAfterMs: number; repeatMs: number; heartbeatMs: number };
  /** Alert policy (docs/alert-policy.md): a mail per run, or digests on a schedule. */
  alert: { mode: Parsed['ALERT_MODE']; schedule: DigestSchedule };
  incidents: IncidentSettings;
  /** Every raw value after precedence, for checks that name the variable. */
  raw: RawConfig;
  /** Said on stderr before the command runs (a mistyped environment variable). */
  warnings: string[];
}
