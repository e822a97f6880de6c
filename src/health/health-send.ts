import type { Config } from '../config/config';
import { Deadline } from '../core/deadline';
import { AppError, describe } from '../core/errors';
import { untilStopped } from '../core/interrupt';
import type { System } from '../core/outcome';
import { redact as redactWith } from '../core/redact';
import type { OutgoingMail } from '../mail/transport';
import { sendAsIs } from '../sizecap/fit';
import { secretsOf } from '../state/secrets';

/** How a health mail is sent within one scheduled run, and what a failed run's message says. */

/** A health mail after a run that used up RUN_DEADLINE still gets this long (EEM maxrun leaves room). */
const HEALTH_MAIL_MIN_MS = 20_000;
/** A health mail after a stop signal gets this long: whoever sent the signal may not wait longer. */
const STOPPING_MAIL_MS = 10_000;

export interface Run {
  cfg: Config;
  sys: System;
  deadline: Deadline;
  /** Start of this run: the time every health field records. */
  t: number;
  /** The active mutes, named in every health mail's footer (they never mute a health mail). */
  mutes?: readonly string[];
}

/**
 * true, or the one-line reason the health mail was not delivered. A mail in flight when a stop
 * signal comes is abandoned; one started after it (the PROBLEM mail of a stopped run) gets a short
 * budget, so runs stopped every time still raise it.
 */
export async function trySend(run: Run, mail: OutgoingMail): Promise<true | string> {
  const stopping = run.sys.stop?.aborted === true;
  const budget = Math.max(run.deadline.remaining(), HEALTH_MAIL_MIN_MS);
  try {
    const send = sendAsIs(run.cfg, new Deadline(stopping ? STOPPING_MAIL_MS : budget, run.sys.now), mail);
    await (stopping ? send : untilStopped(run.sys.stop, send, 'the health mail'));
    return true;
  } catch (err) {
    return redact(run.cfg, errorLine(err));
  }
}

export function errorLine(err: unknown): string {
  return err instanceof AppError ? err.message : `internal error: ${describe(err)}`;
}

/** Messages are secret-free by construction; this is the second line of defence before they are stored or mailed. */
export function redact(cfg: Config, text: string): string {
  return redactWith(text, secretsOf(cfg));
}
