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
import { parseDuration } from '../config/values';
import { Exit, usageError } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';

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
}

/** Where the device guide (README) installs Node in Guestshell. */
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

export interface Schedule {
  /** The interval. */
  minutes: number;
  /** 5-field cron entry for `event timer cron cron-entry`. */
  cron: string;
  /** NX-OS `time start now repeat` interval, days:hours:minutes. */
  repeat: string;
}

/** The intervals cron repeats evenly: minutes that divide an hour, hours that divide a day, a day. */
const EVEN_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

const intervalText = (minutes: number) =>
  minutes === 1440 ? '1d' : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;

/** `--every`: cron repeats evenly only on divisors of an hour or a day, so only those are accepted. */
export function scheduleFor(every: string): Schedule {
  const ms = parseDuration(every.replace(/min\s*$/i, 'm'));
  if (ms === undefined)
    throw usageError(`--every "${every}" is not a duration: use minutes, hours or 1d, e.g. 5m, 15m, 1h`);
  const minutes = ms / 60_000;
  if (!EVEN_MINUTES.includes(minutes)) {
    throw usageError(
      `--every "${every}" cannot repeat evenly in cron: use minutes that divide 60 (1m 2m 5m 10m 15m 30m), hours ` +
        `that divide 24 (1h 2h 6h 12h) or 1d`,
    );
  }
  if (minutes < 60)
    return { minutes, cron: minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, repeat: `0:0:${minutes}` };
  const hours = minutes / 60;
  if (hours < 24) return { minutes, cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, repeat: `0:${hours}:0` };
  return { minutes, cron: '0 0 * * *', repeat: '1:0:0' };
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
    throw usageError(
      `${what} "${value}" cannot go into an EEM command line: use a path without spaces, quotes, $ or ?`,
    );
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

/** With --dir the applet is for the device, where this machine's node path means nothing. */
function nodePath(opts: EemOptions, sys: Pick<System, 'execPath'>): string {
  return opts.node ?? (opts.dir !== undefined ? GUESTSHELL_NODE : (sys.execPath ?? 'node'));
}

/** The placeholder values for this install; every check that can fail is a usage error (exit 2). */
export function placeholders(opts: EemOptions, cfg: EemConfig, sys: Pick<System, 'execPath'>): Record<string, string> {
  const schedule = scheduleFor(opts.every);
  const maxrun = integer('--maxrun', opts.maxrun, 20, 86_400);
  const minMaxrun = Math.ceil(cfg.deadlineMs / 1000) + STARTUP_MARGIN_S;
  if (maxrun < minMaxrun) {
    throw usageError(
      `--maxrun ${maxrun} leaves no room for RUN_DEADLINE (${cfg.deadlineMs / 1000}s) plus ${STARTUP_MARGIN_S}s ` +
        `of start-up: use --maxrun ${minMaxrun} or more, or lower RUN_DEADLINE`,
    );
  }
  // Overlapping policies each hold a VTY line: the next run must not start before this one is killed.
  if (schedule.minutes * 60 < maxrun) {
    const fits = EVEN_MINUTES.find((m) => m * 60 >= maxrun) ?? 1440;
    throw usageError(
      `--every ${opts.every.trim()} is shorter than --maxrun ${maxrun}s: a run still going when the next starts ` +
        `would hold a second VTY line; use --every ${intervalText(fits)} or more, or a lower --maxrun`,
    );
  }
  return {
    EVERY: opts.every.trim(),
    CRON: schedule.cron,
    REPEAT: schedule.repeat,
    MAXRUN: String(maxrun),
    HEAP: String(integer('--heap', opts.heap, 16, 4096)),
    MEMORY: String(integer('--memory', opts.memory, 128, 8192)),
    NODE: pasteSafe('the node path (--node)', nodePath(opts, sys)),
    RUN_JS: pasteSafe('the run.js path (--dir)', join(cfg.baseDir, 'run.js')),
    // The config file the applet names: --config / ISE_TO_MAIL_CONFIG if given, else the default.
    CONFIG: pasteSafe('the config path (--config)', cfg.configPath),
    VRF: pasteSafe('--vrf', opts.vrf),
  };
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
      ? 'NX-OS scheduler job (untested on hardware)'
      : `IOS-XE applets ise_to_mail and ise_to_mail_backfill (maxrun ${values.MAXRUN}s)`;
  const assumed =
    opts.dir !== undefined && opts.node === undefined
      ? `, node ${GUESTSHELL_NODE} (the default with --dir: give --node if yours is elsewhere)`
      : '';
  const message = `${what} rendered: every ${values.EVERY}, run.js at ${values.RUN_JS}${assumed}`;
  // A missing config file would make every cron run fail, and RUN_DEADLINE was checked at its default.
  if (!existsSync(values.CONFIG!)) {
    return {
      exitCode: Exit.ok,
      status: 'WARN',
      message: `${message}; ${values.CONFIG} does not exist yet: create it before the first run`,
    };
  }
  return { exitCode: Exit.ok, status: 'OK', message };
}
