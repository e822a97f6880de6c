/** Exit codes of the user-facing contract (README, "Exit codes"). EEM and scripts rely on them. */
export const Exit = {
  ok: 0,
  internal: 1,
  usage: 2,
  account: 3,
  ise: 4,
  mail: 5,
  locked: 6,
  /** 128 + the signal's number, as a shell reports a process stopped by it. */
  hangup: 129,
  interrupt: 130,
  terminate: 143,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/**
 * An error the user can cause or meet. `message` is the one line the operator reads: what happened
 * and what to do. It must never contain a secret.
 */
export class AppError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const usageError = (msg: string) => new AppError(Exit.usage, msg);
export const iseError = (msg: string, cause?: unknown) => new AppError(Exit.ise, msg, { cause });
export const mailError = (msg: string, cause?: unknown) => new AppError(Exit.mail, msg, { cause });

/** Short, secret-free description of an unknown thrown value (for `cause` chains in --verbose). */
export function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
