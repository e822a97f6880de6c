/**
 * `run.js eem`: prints the EEM applets (or the NX-OS scheduler job) from eem/*.txt, filled with
 * this install's paths, ready to paste. It needs no ISE or SMTP settings: only the config file's
 * RUN_DEADLINE, to check that the applet's maxrun leaves the run time to finish.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import iosxeBackfill from '../../eem/iosxe-backfill.txt';
// Bundled as text (esbuild `loader: { '.txt': 'text' }`; vitest.config.ts does the same), so
// eem/ stays the one source users read and run.js still ships alone.
import iosxeCron from '../../eem/iosxe-cron.txt';
import iosxeGuestshell from '../../eem/iosxe-guestshell.txt';
import nxosScheduler from '../../eem/nxos-scheduler.txt';
import type { Config } from '../config/config';
import { Exit, usageError } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';

export const TEMPLATES = { iosxeCron, iosxeBackfill, iosxeGuestshell, nxosScheduler } as const;

export type EemConfig = Pick<Config, 'baseDir' | 'deadlineMs' | 'raw'>;

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
  /** 5-field cron entry for `event timer cron cron-entry`. */
  cron: string;
  /** NX-OS `time start now repeat` interval, days:hours:minutes. */
  repeat: string;
}

/** `--every`: cron repeats evenly only on divisors of an hour or a day, so only those are accepted. */
export function scheduleFor(every: string): Schedule {
  const m = /^(\d+)\s*(m|min|h|d)$/i.exec(every.trim());
  const n = m ? Number(m[1]) : NaN;
  const unit = m?.[2]?.toLowerCase();
  const minutes = unit === 'd' ? n * 1440 : unit === 'h' ? n * 60 : n;
  if (minutes >= 1 && minutes < 60 && 60 % minutes === 0) {
    return { cron: minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, repeat: `0:0:${minutes}` };
  }
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours < 24 && 24 % hours === 0) {
    return { cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, repeat: `0:${hours}:0` };
  }
  if (minutes === 1440) return { cron: '0 0 * * *', repeat: '1:0:0' };
  throw usageError(
    `--every "${every}" cannot repeat evenly in cron: use minutes that divide 60 (1m 2m 5m 10m 15m 30m), hours that divide 24 (1h 2h 6h 12h) or 1d`,
  );
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

/** The placeholder values for this install; every check that can fail is a usage error (exit 2). */
export function placeholders(opts: EemOptions, cfg: EemConfig, sys: Pick<System, 'execPath'>): Record<string, string> {
  const schedule = scheduleFor(opts.every);
  const maxrun = integer('--maxrun', opts.maxrun, 20, 86_400);
  const minMaxrun = Math.ceil(cfg.deadlineMs / 1000) + STARTUP_MARGIN_S;
  if (maxrun < minMaxrun) {
    throw usageError(
      `--maxrun ${maxrun} leaves no room for RUN_DEADLINE (${cfg.deadlineMs / 1000}s) plus ${STARTUP_MARGIN_S}s of start-up: use --maxrun ${minMaxrun} or more, or lower RUN_DEADLINE`,
    );
  }
  if (opts.dir !== undefined && !isAbsolute(opts.dir))
    throw usageError(
      `--dir "${opts.dir}" must be an absolute path on the device, e.g. /bootflash/guest-share/ise_to_mail`,
    );
  const dir = opts.dir ?? cfg.baseDir;
  // The config file the applet names: --config / ISE_TO_MAIL_CONFIG if given, else the default.
  const named = cfg.raw.ISE_TO_MAIL_CONFIG;
  return {
    EVERY: opts.every.trim(),
    CRON: schedule.cron,
    REPEAT: schedule.repeat,
    MAXRUN: String(maxrun),
    HEAP: String(integer('--heap', opts.heap, 16, 4096)),
    MEMORY: String(integer('--memory', opts.memory, 128, 8192)),
    NODE: pasteSafe('the node path (--node)', opts.node ?? sys.execPath ?? 'node'),
    RUN_JS: pasteSafe('the run.js path (--dir)', join(dir, 'run.js')),
    CONFIG: pasteSafe('the config path (--config)', named ? resolve(dir, named) : join(dir, 'ise-to-mail.env')),
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
  const message = `${what} rendered: every ${values.EVERY}, run.js at ${values.RUN_JS}`;
  // Rendered here on the device: a missing config file would make every cron run fail.
  if (opts.dir === undefined && !existsSync(values.CONFIG!)) {
    return {
      exitCode: Exit.ok,
      status: 'WARN',
      message: `${message}; ${values.CONFIG} does not exist yet: create it before the first run`,
    };
  }
  return { exitCode: Exit.ok, status: 'OK', message };
}
