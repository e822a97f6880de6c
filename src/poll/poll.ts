import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { stopIfAsked } from '../core/interrupt';
import type { Io, Outcome, System } from '../core/outcome';
import { plural } from '../core/plural';
import { Digest } from '../format/digest';
import { compileFilters, filterNotes } from '../format/filters';
import type { Decorate } from '../health/watch';
import { PxHttp } from '../pxgrid/http';
import { DESCRIPTION, fetchFailures } from '../pxgrid/session';
import { loadTls } from '../pxgrid/tls';
import { type Compose, initialAttachmentBudget, sendFitted } from '../sizecap/fit';
import { advance, type Cursor, emptyCursor, loadCursor, queryStart, saveCursor } from '../state/cursor';
import { Batch } from './batch';
import { composer } from './poll-mail';
import { mailNotes, outcome, printMessage, runNotes } from './summary';

export interface RunOptions {
  /** One-off backfill from this instant (ms): mails everything found, leaves the cursor alone. */
  since?: number;
  dryRun: boolean;
  resetCursor: boolean;
  /** Last touch to the digest before it is sent (the health watcher's RECOVERED note). */
  decorate?: Decorate;
}

/**
 * Below this much time left after the fetch, sending could not finish: the run stops cleanly with
 * the real cause (a slow ISE) instead of an SMTP timeout that would blame the mail server.
 */
const minSendMs = (cfg: Config) => Math.min(10_000, cfg.deadlineMs / 4);

async function fetchBatch(cfg: Config, opts: RunOptions, cursor: Cursor, deadline: Deadline, io: Io, now: number) {
  const start = opts.since ?? queryStart(cursor, cfg.overlapMs);
  const startIso = start === undefined ? undefined : new Date(start).toISOString();
  io.debug(`getFailures ${startIso ? `startTimestamp=${startIso}` : '{} (ISE default: the last hour)'}`);
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? 'none' : cfg.mail.attach;
  const batch = new Batch(
    opts.since !== undefined ? new Map() : cursor.seen,
    () => new Digest({ filter, attach, attachBudget: initialAttachmentBudget(cfg) }),
    start,
    now,
  );
  const http = new PxHttp(loadTls(cfg.ise, now), deadline);
  try {
    const stats = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: DESCRIPTION }, startIso, batch);
    return { batch, ...stats };
  } finally {
    await http.close();
  }
}

/** One poll without the lock: fetch new failures, mail them, then advance the cursor. */
export async function poll(cfg: Config, opts: RunOptions, deadline: Deadline, io: Io, sys: System): Promise<Outcome> {
  const cursor = opts.resetCursor ? emptyCursor() : loadCursor(cfg.stateDir);
  const backfill = opts.since !== undefined;
  const { batch, invalid } = await fetchBatch(cfg, opts, cursor, deadline, io, sys.now());
  sys.crash?.('after-fetch');
  const d = batch.digest;
  io.debug(`received ${d.total + d.filteredTotal} new, ${batch.alreadyMailed} already mailed, ${invalid} invalid`);
  // Worked out now, saved only once the mail is accepted: the mail says what the cursor will do.
  const next = backfill ? cursor : nextCursor(cfg, cursor, batch);
  const facts = { invalid, batch, cursor, next };
  const notes = runNotes(cfg, facts);
  if (d.total === 0) {
    d.close();
    stopIfAsked(sys.stop);
    if (d.filteredTotal > 0) return allFiltered(cfg, opts, next, batch, notes);
    if (!backfill && !opts.dryRun) commitEmpty(cfg, cursor, next, opts.resetCursor);
    return outcome(notes, 'no new failures');
  }
  const base = composer(cfg, batch, sys.now(), mailNotes(facts));
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  const what = plural(d.total, 'new failure');
  const skipped = d.filteredTotal > 0 ? `, ${d.filteredTotal} filtered out` : '';
  const newest = d.newest === undefined ? '' : ` (newest ${new Date(d.newest).toISOString()})`;
  if (opts.dryRun) {
    printMessage(io, cfg, compose(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    return outcome(notes, `dry run: ${what} found${skipped}, nothing sent, cursor unchanged${newest}`);
  }
  if (deadline.remaining() < minSendMs(cfg)) {
    throw new AppError(
      'ise-timeout',
      'fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)',
    );
  }
  const sent = await sendPollMail(cfg, deadline, compose, backfill);
  sys.crash?.('after-send');
  // Only now, after the server accepted the message, does the cursor move; not once a stop was
  // asked: the run has already reported the cursor unchanged (the mail is then sent again).
  stopIfAsked(sys.stop);
  if (!backfill) commitMailed(cfg, next);
  const accepted = cfg.mail.dest.length - sent.rejected.length;
  const to = plural(accepted, 'recipient');
  if (sent.rejected.length > 0) notes.push(`the mail server refused ${sent.rejected.join(', ')}: check MAIL_DEST`);
  const att = d.attachment();
  if (att && att.omitted > 0)
    notes.push(
      att.rows > 0
        ? `attachment holds the first ${att.rows} rows (size cap)`
        : 'no attachment: the size cap left no room (see MAIL_MAX_BYTES)',
    );
  const data = { mailed: d.total, filtered: d.filteredTotal, attachmentRows: att?.rows ?? 0 };
  return outcome(
    notes,
    `${what} mailed to ${to}${skipped}${newest}${backfill ? ' (backfill: cursor unchanged)' : ''}`,
    data,
  );
}

/** The cursor once this batch is mailed: never past ISE's clock, at most MAX_TRACKED_IDS ids. */
function nextCursor(cfg: Config, cursor: Cursor, batch: Batch): Cursor {
  const { iseNow, limit } = batch.window;
  return advance(cursor, batch.mailed, cfg.overlapMs, { iseNow, limit, trackedFrom: batch.trackedFrom });
}

/** Sends the poll's mail; a mail error then says what becomes of the failures (test-mail has none). */
async function sendPollMail(cfg: Config, deadline: Deadline, compose: Compose, backfill: boolean) {
  try {
    return await sendFitted(cfg, deadline, compose);
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== 'mail') throw err;
    throw err.withNote(
      backfill ? 'nothing was mailed: run the backfill again' : 'the failures will be sent again on the next run',
    );
  }
}

function commitMailed(cfg: Config, next: Cursor): void {
  try {
    saveCursor(cfg.stateDir, next);
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    throw new AppError(
      'state',
      `the mail was delivered, but the cursor was not saved: ${why}; until that is fixed every run mails these failures again`,
      { cause: err },
    );
  }
}

/** Every new record matched a filter: no mail, but the cursor moves past them (exit 0). */
function allFiltered(cfg: Config, opts: RunOptions, next: Cursor, batch: Batch, notes: string[]): Outcome {
  const commit = opts.since === undefined && !opts.dryRun;
  if (commit) saveCursor(cfg.stateDir, next);
  const n = batch.digest.filteredTotal;
  const why = filterNotes(batch.digest.filtered)
    .map((s) => s.replace(' more ', ' '))
    .join(', ');
  const tail = commit ? 'cursor advanced' : 'cursor unchanged';
  return outcome(notes, `${plural(n, 'new failure')}, all filtered out (${why}): nothing mailed, ${tail}`, {
    mailed: 0,
    filtered: n,
  });
}

/**
 * Nothing to mail. A first poll remembers ISE's clock so a long outage later loses nothing, and a
 * cursor found past ISE's clock comes back to it; otherwise nothing changed: spare the flash.
 */
function commitEmpty(cfg: Config, cursor: Cursor, next: Cursor, reset: boolean): void {
  if (next.highWater === cursor.highWater && next.trackedFrom === cursor.trackedFrom && !reset) return;
  if (next.highWater !== undefined || reset) saveCursor(cfg.stateDir, next);
}
