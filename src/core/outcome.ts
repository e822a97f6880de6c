import type { ExitCode } from './errors';
import { printable } from './printable';
import { redact } from './redact';

/** What a command ends with: the exit code and the one summary line EEM matches on. */
export interface Outcome {
  exitCode: ExitCode;
  status: 'OK' | 'WARN' | 'ERROR';
  message: string;
  /** Extra machine-readable fields for --json. */
  data?: Record<string, unknown>;
  /**
   * The summary follows configuration meant to be pasted into IOS (`eem`): it is printed as a `!`
   * comment, so pasting the whole output does not make IOS resolve "ise-to-mail:" as a host name.
   * Not stderr: `guestshell run` shows both streams in one terminal, so it would be pasted all the
   * same, and the summary stays the last stdout line. `run`, whose line the applets match, never sets it.
   */
  afterConfig?: boolean;
}

/** The process edges a command may use; only src/main.ts builds this from `process`. */
export interface System {
  pid: number;
  now: () => number;
  alive: (pid: number) => boolean;
  /** Directory that holds run.js. */
  baseDir: string;
  env: Record<string, string | undefined>;
  /** The machine's host name (os.hostname()), the default DEVICE_NAME. Unset in-process. */
  hostname?: string;
  /** The node binary running us (`eem` writes it into the applet); unset in-process. */
  execPath?: string;
  /** Aborted, with the signal's name as reason, when SIGTERM/SIGINT/SIGHUP asks us to stop. */
  stop?: AbortSignal;
}

export interface Io {
  /** A line for stdout (dry-run message, doctor checks). */
  out(line: string): void;
  /** A diagnostic line for stderr. */
  err(line: string): void;
  /** A diagnostic line shown only with --verbose. */
  debug(line: string): void;
}

/**
 * The longest text summary line. EEM logs it as one syslog message after the priority, a timestamp,
 * the host name and `%HA_EM-6-LOG: ise_to_mail: ` (about 120 octets), and an RFC 3164 message is at
 * most 1024 octets (https://www.rfc-editor.org/rfc/rfc3164#section-4.1): 800 characters of ASCII
 * leave room for that. The limit of an EEM `action syslog` message itself is not documented.
 * 400 was tried first: remedies that name a file (delete .../pxgrid-account.json) lost the path.
 */
export const SUMMARY_MAX = 800;
const HEAD = 400;
const CUT = ' ... ';

/**
 * The summary line EEM logs; text from ISE in a message never brings a control character along.
 * Secrets are removed before the line is cut, so a cut never leaves part of a secret behind.
 */
export function formatSummary(o: Outcome, json: boolean, secrets: readonly string[] = []): string {
  if (!json) {
    const line = redact(printable(`${o.afterConfig ? '! ' : ''}ise-to-mail: ${o.status} ${o.message}`), secrets);
    if (line.length <= SUMMARY_MAX) return line;
    // The middle goes: the start says what happened, the end what to do; quoted replies sit between.
    const head = line.slice(0, HEAD).replace(/[\ud800-\udbff]$/, '');
    const tail = line.slice(line.length - (SUMMARY_MAX - HEAD - CUT.length)).replace(/^[\udc00-\udfff]/, '');
    return `${head}${CUT}${tail}`;
  }
  const data = Object.entries(o.data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? printable(v) : v]);
  return JSON.stringify({
    status: o.status,
    exitCode: o.exitCode,
    message: printable(o.message),
    ...Object.fromEntries(data),
  });
}
