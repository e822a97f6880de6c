import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import type { Io, System } from '../core/outcome';
import type { Recovery } from '../health/health-mail';
import type { MuteLabel } from '../mutes/label';
import type { PollIncidents } from './incidents';

/** How a run was asked for (`run` flags). */
export interface RunOptions {
  /** One-off backfill from this instant (ms): mails everything found, leaves the cursor alone. */
  since?: number;
  dryRun: boolean;
  resetCursor: boolean;
  /** Send the pending digest now (ALERT_MODE=digest). */
  flush?: boolean;
  /** The health watcher's RECOVERED note, owed: it goes on top of this run's mail, if one goes. */
  recovery?: Recovery;
}

/** What every step of one poll works with. */
export interface PollContext {
  cfg: Config;
  opts: RunOptions;
  deadline: Deadline;
  io: Io;
  sys: System;
  /** The incident rules, when on (INCIDENTS): they see every batch; an opened incident is mailed at once. */
  incidents?: PollIncidents;
  /** The active mutes as the mail footer names them, and the label each puts on a failure it mutes. */
  mutes: readonly string[];
  mute?: MuteLabel;
}

/**
 * Below this much time left after the fetch, sending could not finish: the run stops cleanly with
 * the real cause (a slow ISE) instead of an SMTP timeout that would blame the mail server.
 */
export const minSendMs = (cfg: Config) => Math.min(10_000, cfg.deadlineMs / 4);
