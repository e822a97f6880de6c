/** Exit codes of the user-facing contract (README, "Exit codes"). EEM and scripts rely on them. */
export const Exit = {
  ok: 0,
  internal: 1,
  usage: 2,
  account: 3,
  ise: 4,
  mail: 5,
  locked: 6,
} as const;

/**
 * The signals that stop a run (EEM or an operator; src/main.ts listens for them), each with the
 * exit code of a run it stops: 128 + the signal's number, as a shell reports a process stopped by
 * it. The error kind of such a stop is the signal's name in lower case (`sigterm`).
 */
export const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;
export type ExitCode = (typeof Exit)[keyof typeof Exit] | (typeof STOP_SIGNALS)[StopSignal];

export const isStopSignal = (name: unknown): name is StopSignal =>
  typeof name === 'string' && Object.hasOwn(STOP_SIGNALS, name);
export const stopKind = <S extends StopSignal>(s: S) => s.toLowerCase() as Lowercase<S>;

/** `sigterm: 143`...: the kinds of a stop by each signal. */
const STOP_KINDS = Object.fromEntries(Object.entries(STOP_SIGNALS).map(([s, code]) => [s.toLowerCase(), code])) as {
  [S in StopSignal as Lowercase<S>]: (typeof STOP_SIGNALS)[S];
};

/**
 * What went wrong, as code can test it. Every decision that depends on an error (the exit code,
 * a retry, the subject of a PROBLEM mail) reads the kind, never the message: messages are for
 * people and may change freely.
 */
export const KIND_EXIT = {
  /** A flag, a variable or the config file is wrong. */
  usage: Exit.usage,
  /** The state directory or a file in it cannot be read or written. */
  state: Exit.usage,
  /** The pxGrid client waits for an ISE admin's approval. */
  'account-pending': Exit.account,
  /** The pxGrid client is disabled on ISE. */
  'account-disabled': Exit.account,
  /** ISE refuses this client's account or credentials otherwise. */
  account: Exit.account,
  /** ISE cannot be reached (DNS, TCP, a dropped connection). */
  'ise-unreachable': Exit.ise,
  /** The TLS handshake with ISE failed (trust, host name, client certificate). */
  'ise-tls': Exit.ise,
  /** ISE did not answer in time, or the run's deadline ran out while waiting for it. */
  'ise-timeout': Exit.ise,
  /** ISE answered, but not as pxGrid should (HTTP status, body shape, size). */
  'ise-protocol': Exit.ise,
  /** The mail server refused or could not be reached; nothing was delivered. */
  mail: Exit.mail,
  /**
   * The mail server refused the message for its content (5xx after DATA: a content, spam or DLP
   * filter): the server accepts mail, so a mail without the refused values can still go out.
   */
  'mail-content': Exit.mail,
  /** Another run holds the lock. */
  locked: Exit.locked,
  /** Another run has held the lock longer than HEALTH_ALERT_AFTER: it may be stuck. */
  'lock-stuck': Exit.locked,
  /** Stopped by a signal (EEM or an operator): 128 + the signal's number. */
  ...STOP_KINDS,
  /** A fault of ours. */
  internal: Exit.internal,
} as const satisfies Record<string, ExitCode>;
export type ErrorKind = keyof typeof KIND_EXIT;

/**
 * An error the user can cause or meet. `message` is the one line the operator reads: what happened
 * and what to do. It must never contain a secret.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get exitCode(): ExitCode {
    return KIND_EXIT[this.kind];
  }

  /** The same kind and cause with more said: for a note appended on the way out. */
  withNote(note: string): AppError {
    return new AppError(this.kind, `${this.message}; ${note}`, { cause: this });
  }
}

export const usageError = (msg: string) => new AppError('usage', msg);
export const stateError = (msg: string, cause?: unknown) => new AppError('state', msg, { cause });
export const iseError = (msg: string, cause?: unknown) => new AppError('ise-protocol', msg, { cause });
export const mailError = (msg: string, cause?: unknown) => new AppError('mail', msg, { cause });

/** Short, secret-free description of an unknown thrown value (for `cause` chains in --verbose). */
export function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
