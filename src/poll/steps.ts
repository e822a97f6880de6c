import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { deliveryHeld, type Leftover, stopIfAsked, stoppedAfterDelivery } from '../core/interrupt';
import type { Io, System } from '../core/outcome';
import { plural } from '../core/plural';
import { failpoint } from '../core/testing';
import { summaryTime } from '../core/times';
import type { Digest } from '../format/digest';
import { clean } from '../format/sanitize';
import type { Decorate } from '../health/watch';
import type { Sent } from '../mail/transport';
import type { MuteSet } from '../mutes/store';
import { targetText } from '../mutes/target';
import { PxHttp } from '../pxgrid/http';
import type { FailureRecord } from '../pxgrid/schemas';
import { DESCRIPTION, fetchFailures } from '../pxgrid/session';
import { loadTls } from '../pxgrid/tls';
import type { Unreadable } from '../pxgrid/unreadable';
import type { Compose } from '../sizecap/fit';
import { advance, type Cursor, queryStart, saveCursor } from '../state/cursor';
import { type SplitSent, type Splittable, sendSplitting, withheldText } from '../withhold/split';
import { Batch } from './batch';
import type { PollIncidents } from './poll-incidents';

/** The steps both ways of handing on a poll's failures share (poll.ts, digest-poll.ts). */
export interface RunOptions {
  /** One-off backfill from this instant (ms): mails everything found, leaves the cursor alone. */
  since?: number;
  dryRun: boolean;
  resetCursor: boolean;
  /** Send the pending digest now (ALERT_MODE=digest). */
  flush?: boolean;
  /** Last touch to the digest before it is sent (the health watcher's RECOVERED note). */
  decorate?: Decorate;
  /** Told once the digest spool holds the run's failures, the cursor past them: a stop then leaves them there. */
  onSpooled?: () => void;
}

export interface PollContext {
  deadline: Deadline;
  io: Io;
  sys: System;
  /** The incident rules, when on (INCIDENTS): they see every batch; an opened incident is mailed at once. */
  incidents?: PollIncidents;
  /** The active mutes as the mail footer names them. */
  mutes?: readonly string[];
  /** What ISE's answer held that could not be read (set by the fetch): the health watcher counts it. */
  unreadable?: Unreadable;
}

/**
 * Below this much time left after the fetch, sending could not finish: the run stops cleanly with
 * the real cause (a slow ISE) instead of an SMTP timeout that would blame the mail server.
 */
export const minSendMs = (cfg: Config) => Math.min(10_000, cfg.deadlineMs / 4);

/** getFailures from the cursor (or --since) into a new batch, one record at a time. */
export async function fetchBatch(
  cfg: Config,
  opts: RunOptions,
  cursor: Cursor,
  newDigest: () => Digest,
  ctx: PollContext,
) {
  const { deadline, io, sys, incidents } = ctx;
  const now = sys.now();
  const start = opts.since ?? queryStart(cursor, cfg.overlapMs);
  const startIso = start === undefined ? undefined : new Date(start).toISOString();
  io.debug(`getFailures ${startIso ? `startTimestamp=${startIso}` : '{} (ISE default: the last hour)'}`);
  const batch = new Batch(opts.since !== undefined ? new Map() : cursor.seen, newDigest, start, now).observeWith(() =>
    incidents?.start(),
  );
  const http = new PxHttp(loadTls(cfg.ise, now), deadline);
  try {
    const stats = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: DESCRIPTION }, startIso, batch);
    const { seenTotal } = batch.digest;
    io.debug(`received ${seenTotal} new, ${batch.alreadyMailed} already mailed, ${stats.unreadable.total} unreadable`);
    ctx.unreadable = stats.unreadable;
    return { batch, ...stats };
  } finally {
    await http.close();
  }
}

/** The cursor once this batch is mailed: never past ISE's clock, at most MAX_TRACKED_IDS ids. */
export function nextCursor(cfg: Config, cursor: Cursor, batch: Batch): Cursor {
  const { iseNow, limit } = batch.window;
  return advance(cursor, batch.mailed, cfg.overlapMs, { iseNow, limit, trackedFrom: batch.trackedFrom });
}

/** Sends the poll's mail; a mail error then says what becomes of the failures (test-mail has none). */
export async function sendPollMail(
  cfg: Config,
  deadline: Deadline,
  compose: Compose,
  backfill: boolean,
  split?: Splittable,
): Promise<SplitSent> {
  try {
    // A mail refused for its content is split around the refused records (src/withhold).
    return await sendSplitting(cfg, deadline, compose, split);
  } catch (err) {
    if (!(err instanceof AppError) || (err.kind !== 'mail' && err.kind !== 'mail-content')) throw err;
    throw err.withNote(
      backfill ? 'nothing was mailed: run the backfill again' : 'the failures will be sent again on the next run',
    );
  }
}

/** How a poll records a mail the server accepted, and what becomes of its failures otherwise. */
export interface Recording {
  /** Moves the cursor or empties the spool; none in a --since backfill, which leaves the cursor alone. */
  save?: () => void;
  /** What a failed save leaves undone (`the cursor was not saved`), and so mailed again (`these failures`). */
  notDone: string;
  repeats: string;
  /** What a stop asked during the send leaves of the failures, as the run's ERROR line says. */
  left: Leftover;
  /** What recording the delivery did, for the ERROR line of a stop that waited for it. */
  moved: string;
}

/**
 * The server accepted the mail: records that, marks the incidents mailed and notes the delivery.
 * Returns the parts of the summary every mailed poll shares. A stop asked before the message went
 * out has already said what becomes of the failures (they go out again): nothing is recorded. A
 * stop asked while the server had the message waited for this (holdForData): the delivery is
 * recorded, then the run stops, saying so.
 */
export function delivered(cfg: Config, ctx: PollContext, sent: SplitSent, d: Digest, notes: string[], rec: Recording) {
  failpoint('after-send');
  if (!deliveryHeld()) stopIfAsked(ctx.sys.stop, rec.left);
  if (rec.save) afterDelivery(rec.save, rec.notDone, rec.repeats);
  const unsaved = ctx.incidents?.save(true);
  const to = plural(cfg.mail.dest.length - sent.rejected.length, 'recipient');
  const stop = ctx.sys.stop;
  if (stop?.aborted) throw stoppedAfterDelivery(stop, `${plural(d.total, 'failure')} mailed to ${to}`, rec.moved);
  notes.push(...sentNotes(sent, d), ...(unsaved ? [unsaved] : []));
  const withheld = withheldText(sent);
  if (withheld) notes.unshift(withheld);
  return {
    to,
    said: ctx.incidents?.summary() ?? '',
    data: { mailed: d.total, muted: d.mutedTotal, filtered: d.filteredTotal, withheld: sent.withheld },
  };
}

/** A state write after the server accepted the mail: if it fails, the error says the mail went and what repeats. */
export function afterDelivery(step: () => void, notDone: string, repeats: string): void {
  try {
    step();
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    throw new AppError(
      'state',
      `the mail was delivered, but ${notDone}: ${why}; until that is fixed every run mails ${repeats} again`,
      { cause: err },
    );
  }
}

/** ` (newest 2026-11-23T10:12:00.000Z)`: the newest failure a mail holds, for its summary. */
export const newestText = (d: Digest) => (d.newest === undefined ? '' : ` (newest ${summaryTime(d.newest)})`);

/**
 * Nothing to mail. A first poll remembers ISE's clock so a long outage later loses nothing, and a
 * cursor found past ISE's clock comes back to it; otherwise nothing changed: spare the flash.
 */
export function commitEmpty(cfg: Config, cursor: Cursor, next: Cursor, reset: boolean): void {
  if (next.highWater === cursor.highWater && next.trackedFrom === cursor.trackedFrom && !reset) return;
  if (next.highWater !== undefined || reset) saveCursor(cfg.stateDir, next);
}

/** Notes on a delivered mail: refused recipients, an attachment cut by the size cap. */
export function sentNotes(sent: Sent, d: Digest): string[] {
  const notes: string[] = [];
  if (sent.rejected.length > 0) notes.push(`the mail server refused ${sent.rejected.join(', ')}: check MAIL_DEST`);
  const att = d.attachment();
  if (att && att.omitted > 0)
    notes.push(
      att.rows > 0
        ? `attachment holds the first ${att.rows} rows (size cap)`
        : 'no attachment: the size cap left no room (see MAIL_MAX_BYTES)',
    );
  return notes;
}

/** `, 37 muted (attached), 3 filtered out`: what the count of the mail body leaves aside. */
export function asideText(d: { mutedTotal: number; filteredTotal: number }): string {
  const muted = d.mutedTotal > 0 ? `, ${d.mutedTotal} muted (attached)` : '';
  return `${muted}${d.filteredTotal > 0 ? `, ${d.filteredTotal} filtered out` : ''}`;
}

/** The label a mute puts on a failure it keeps out of the body, e.g. `nas:sw-lab-01 (mute 3: lab rebuild)`. */
export type MuteLabel = (record: FailureRecord) => string | undefined;

export function muteLabels(mutes: MuteSet): MuteLabel | undefined {
  if (mutes.active.length === 0) return undefined;
  return (record) => {
    const m = mutes.match(record);
    // The note is the operator's text: one clean line, short, like every value in the mail.
    return m && clean(`${targetText(m)} (mute ${m.id}${m.note ? `: ${m.note}` : ''})`, 120);
  };
}
