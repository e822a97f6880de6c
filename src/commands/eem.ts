/**
 * `run.js eem`: prints the EEM applets (or the NX-OS scheduler job) from eem/*.txt, filled with
 * this install's paths, ready to paste. It needs no ISE or SMTP settings: only the config file's
 * RUN_DEADLINE, to check that the applet's maxrun leaves the run time to finish.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import iosxeBackfill from '../../eem/iosxe-backfill.txt';
// Bundled as text (esbuild `loader: { '.txt': 'text' }`; vitest.config.ts does the same), so
// eem/ stays the one source users read and run.js still ships alone.
import iosxeCron from '../../eem/iosxe-cron.txt';
import iosxeGuestshell from '../../eem/iosxe-guestshell.txt';
import nxosScheduler from '../../eem/nxos-scheduler.txt';
import type { Config } from '../config/config';
import { Exit, usageError } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { cronSchedule, nxosSchedule } from './eem-schedule';

// The node line of each template ends in --max-semi-space-size=1 --v8-pool-size=1 (why: docs/architecture.md).
export const TEMPLATES = { iosxeCron, iosxeBackfill, iosxeGuestshell, nxosScheduler } as const;

/** baseDir is --dir when given: the applet runs run.js and reads the config file there. */
export type EemConfig = Pick<Config, 'baseDir' | 'deadlineMs' | 'configPath'>;

export interface EemOptions {
  every: string;
  maxrun: string;
  heap: string;
  platform: 'iosxe' | 'nxos';
  node?: string;
  dir?: string;
  vrf: string;
  guestshell?: boolean;
  memory: string;
  /** AAA user the applets run as (`event manager session cli username`) instead of `authorization bypass`. */
  cliUser?: string;
}

/** Where the device guide (docs/device.md, step 4) installs Node in Guestshell. */
export const GUESTSHELL_NODE = '/home/guestshell/node/bin/node';

/** Node takes this long to start on a slow device CPU (an estimate: not measured on hardware). */
const STARTUP_MARGIN_S = 30;

/** `{{NAME}}` → values[NAME]; a placeholder without a value is a bug in this file, not user input. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`eem template placeholder {{${name}}} has no value`);
    return v;
  });
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max)
    throw usageError(`${flag} "${text}" must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * A value pasted inside a quoted EEM `cli command "..."`: no quotes or spaces (they end the
 * string), no `$` (EEM substitutes variables), no `?` (the IOS parser shows help on paste).
 */
function pasteSafe(what: string, value: string): string {
  if (!/^[A-Za-z0-9_./:@+=,-]+$/.test(value)) {
    throw usageError(`${what} "${value}" cannot go into an EEM command line: use one without spaces, quotes, $ or ?`);
  }
  return value;
}

/** --dir checked (a usage error when relative), or undefined when not given. */
export function deviceDir(opts: Pick<EemOptions, 'dir'>): string | undefined {
  if (opts.dir !== undefined && !isAbsolute(opts.dir))
    throw usageError(
      `--dir "${opts.dir}" must be an absolute path on the device, e.g. /bootflash/guest-share/ise_to_mail`,
    );
  return opts.dir;
}

/**
 * The node binary the job runs. NX-OS Guest Shell runs a scheduler job as the NX-OS user who made it
 * (9.x/10.x sessions show `[admin@guestshell ~]$`), so no home directory is a safe default there.
 * With --dir the applet is for the device, where this machine's node path means nothing.
 */
function nodePath(opts: EemOptions, sys: Pick<System, 'execPath'>): string {
  if (opts.platform === 'nxos' && opts.node === undefined)
    throw usageError(
      '--platform nxos needs --node: NX-OS Guest Shell runs the job as the NX-OS user, so there is no safe ' +
        'default path; install Node under a fixed path such as /opt/node and give --node /opt/node/bin/node',
    );
  return opts.node ?? (opts.dir !== undefined ? GUESTSHELL_NODE : (sys.execPath ?? 'node'));
}

/** The cron entry and maxrun of the IOS-XE applets; maxrun must leave RUN_DEADLINE room to finish. */
function iosxeTiming(opts: EemOptions, cfg: EemConfig): Record<string, string> {
  const maxrun = integer('--maxrun', opts.maxrun, 20, 86_400);
  const minMaxrun = Math.ceil(cfg.deadlineMs / 1000) + STARTUP_MARGIN_S;
  if (maxrun < minMaxrun) {
    throw usageError(
      `--maxrun ${maxrun} leaves no room for RUN_DEADLINE (${cfg.deadlineMs / 1000}s) plus ${STARTUP_MARGIN_S}s ` +
        `of start-up: use --maxrun ${minMaxrun} or more, or lower RUN_DEADLINE`,
    );
  }
  return { CRON: cronSchedule(opts.every, maxrun).cron!, MAXRUN: String(maxrun) };
}

/** The placeholder values for this install; every check that can fail is a usage error (exit 2). */
export function placeholders(opts: EemOptions, cfg: EemConfig, sys: Pick<System, 'execPath'>): Record<string, string> {
  // NX-OS: the scheduler has no maxrun and no VTY lines, so only the repeat interval is checked.
  const timing = opts.platform === 'nxos' ? { REPEAT: nxosSchedule(opts.every).repeat } : iosxeTiming(opts, cfg);
  return {
    ...timing,
    EVERY: opts.every.trim(),
    HEAP: String(integer('--heap', opts.heap, 16, 4096)),
    MEMORY: String(integer('--memory', opts.memory, 128, 8192)),
    NODE: pasteSafe('the node path (--node)', nodePath(opts, sys)),
    RUN_JS: pasteSafe('the run.js path (--dir)', join(cfg.baseDir, 'run.js')),
    // The config file the applet names: --config / ISE_TO_MAIL_CONFIG if given, else the default.
    CONFIG: pasteSafe('the config path (--config)', cfg.configPath),
    VRF: pasteSafe('--vrf', opts.vrf),
    ...aaa(opts),
  };
}

/**
 * Where TACACS+ command authorization is in force, a named user gets each command authorized and
 * accounted; `authorization bypass` skips both (docs/device.md, "AAA").
 */
function aaa(opts: EemOptions): Record<string, string> {
  if (opts.cliUser === undefined)
    return {
      AUTHORIZATION: ' authorization bypass',
      SESSION_CLI: '! AAA: the applets use authorization bypass; eem --cli-user NAME runs them as that user',
    };
  const user = pasteSafe('--cli-user', opts.cliUser);
  return { AUTHORIZATION: '', SESSION_CLI: `event manager session cli username ${user} privilege 15` };
}

/** Prints the paste-ready configuration for the chosen platform, then returns the summary. */
export function renderEem(opts: EemOptions, cfg: EemConfig, sys: Pick<System, 'execPath'>, io: Io): Outcome {
  const values = placeholders(opts, cfg, sys);
  const parts = opts.platform === 'nxos' ? [TEMPLATES.nxosScheduler] : [TEMPLATES.iosxeCron, TEMPLATES.iosxeBackfill];
  if (opts.guestshell && opts.platform === 'iosxe') parts.unshift(TEMPLATES.iosxeGuestshell);
  for (const part of parts) {
    for (const line of fill(part, values).replace(/\n$/, '').split('\n')) io.out(line);
    io.out('');
  }
  const what =
    opts.platform === 'nxos'
      ? 'NX-OS scheduler job (untested on hardware; results in show scheduler logfile, not syslog)'
      : `IOS-XE applets ise_to_mail and ise_to_mail_backfill (maxrun ${values.MAXRUN}s)`;
  const assumed =
    opts.dir !== undefined && opts.node === undefined
      ? `, node ${GUESTSHELL_NODE} (the default with --dir: give --node if yours is elsewhere)`
      : '';
  const user = opts.cliUser !== undefined && opts.platform === 'iosxe' ? `, as AAA user ${opts.cliUser}` : '';
  const message = `${what} rendered: every ${values.EVERY}, run.js at ${values.RUN_JS}${assumed}${user}`;
  // A missing config file would make every cron run fail, and RUN_DEADLINE was checked at its default.
  if (!existsSync(values.CONFIG!)) {
    return {
      exitCode: Exit.ok,
      status: 'WARN',
      message: `${message}; ${values.CONFIG} does not exist yet: create it before the first run`,
      afterConfig: true,
    };
  }
  return { exitCode: Exit.ok, status: 'OK', message, afterConfig: true };
}
