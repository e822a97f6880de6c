import type { ExitCode } from './errors';
import { printable } from './printable';

/** What a command ends with: the exit code and the one summary line EEM matches on. */
export interface Outcome {
  exitCode: ExitCode;
  status: 'OK' | 'WARN' | 'ERROR';
  message: string;
  /** Extra machine-readable fields for --json. */
  data?: Record<string, unknown>;
}

/** The process edges a command may use; only src/main.ts builds this from `process`. */
export interface System {
  pid: number;
  now: () => number;
  alive: (pid: number) => boolean;
  /** Directory that holds run.js. */
  baseDir: string;
  env: Record<string, string | undefined>;
  /**
   * Test-only crash points (ISE_TO_MAIL_TEST_CRASH): the delivery tests kill the process at each
   * phase of a run to prove no failure is lost. Undefined in normal use.
   */
  crash?: (phase: CrashPhase) => void;
  /** The machine's host name (os.hostname()), the default DEVICE_NAME. Unset in-process. */
  hostname?: string;
  /** The node binary running us (`eem` writes it into the applet); unset in-process. */
  execPath?: string;
  /** Aborted, with the signal's name as reason, when SIGTERM/SIGINT/SIGHUP asks us to stop. */
  stop?: AbortSignal;
  /** Called as a poll starts, its code and Node's network modules loaded (main.ts tunes V8). Unset in-process. */
  onPollStart?: () => void;
  /** Called once a poll's batch passes LARGE records (main.ts retunes V8 for a storm). Unset in-process. */
  onLargeBatch?: () => void;
}

export type CrashPhase =
  | 'after-fetch'
  | 'after-send'
  | 'spool-segment'
  | 'spool-commit'
  | 'spool-cursor'
  | 'spool-reset';

export interface Io {
  /** A line for stdout (dry-run message, doctor checks). */
  out(line: string): void;
  /** A diagnostic line for stderr. */
  err(line: string): void;
  /** A diagnostic line shown only with --verbose. */
  debug(line: string): void;
}

/** The summary line EEM logs; text from ISE in a message never brings a control character along. */
export function formatSummary(o: Outcome, json: boolean): string {
  if (!json) return printable(`ise-to-mail: ${o.status} ${o.message}`);
  const data = Object.entries(o.data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? printable(v) : v]);
  return JSON.stringify({
    status: o.status,
    exitCode: o.exitCode,
    message: printable(o.message),
    ...Object.fromEntries(data),
  });
}
