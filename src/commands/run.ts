import { requireSettings, type Config } from '../config/config';
import { Deadline } from '../deadline';
import { Exit } from '../errors';
import type { OutgoingMail } from '../mail/transport';
import type { Io, Outcome, System } from '../outcome';
import { PxHttp } from '../pxgrid/http';
import { fetchFailures } from '../pxgrid/session';
import { loadTls } from '../pxgrid/tls';
import { advance, emptyCursor, loadCursor, queryStart, saveCursor, type Cursor } from '../state/cursor';
import { acquireLock } from '../state/lock';
import { VERSION } from '../version';
import { Batch } from './batch';
import { composer, initialAttachmentBudget, sendFitted } from './compose';

export interface RunOptions {
  /** One-off backfill from this instant (ms): mails everything found, leaves the cursor alone. */
  since?: number;
  dryRun: boolean;
  resetCursor: boolean;
}

/** One poll: read the cursor, fetch new failures, mail them, then advance the cursor. */
export async function runPoll(cfg: Config, opts: RunOptions, sys: System, io: Io): Promise<Outcome> {
  requireSettings(cfg, ['ise', 'mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // --dry-run changes no state at all, not even a lock file.
  const release = opts.dryRun ? () => undefined : acquireLock(cfg.stateDir, { pid: sys.pid, now: sys.now, alive: sys.alive, staleAfterMs: 2 * cfg.deadlineMs });
  try {
    return await poll(cfg, opts, deadline, io);
  } finally {
    release();
  }
}

async function poll(cfg: Config, opts: RunOptions, deadline: Deadline, io: Io): Promise<Outcome> {
  const cursor = opts.resetCursor ? emptyCursor() : loadCursor(cfg.stateDir);
  const backfill = opts.since !== undefined;
  const start = backfill ? new Date(opts.since!).toISOString() : queryStart(cursor, cfg.overlapMs);
  io.debug(`getFailures ${start ? `startTimestamp=${start}` : '{} (ISE default: the last hour)'}`);
  const batch = new Batch(backfill ? new Map() : cursor.seen, initialAttachmentBudget(cfg));
  const http = new PxHttp(loadTls(cfg.ise), deadline);
  let serverDate: number | undefined;
  let invalid = 0;
  try {
    ({ serverDate, invalid } = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: `ise-to-mail ${VERSION}` }, start, batch));
  } finally {
    await http.close();
  }
  batch.attachment.finish();
  io.debug(`received ${batch.mailed.size} new, ${batch.alreadyMailed} already mailed, ${invalid} invalid`);
  const notes = notesFor(cfg, invalid);
  if (batch.digest.total === 0) {
    if (!backfill && !opts.dryRun) commitEmpty(cfg, cursor, serverDate, opts.resetCursor);
    return outcome(notes, 'no new failures');
  }
  const compose = composer(cfg, batch);
  const newest = batch.digest.newest === undefined ? '' : ` (newest ${new Date(batch.digest.newest).toISOString()})`;
  const n = batch.digest.total;
  const what = `${n} new failure${n === 1 ? '' : 's'}`;
  if (opts.dryRun) {
    printMessage(io, cfg, compose(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    return outcome(notes, `dry run: ${what} found, nothing sent, cursor unchanged${newest}`);
  }
  await sendFitted(cfg, deadline, compose);
  // Only now, after the server accepted the message, does the cursor move.
  if (!backfill) saveCursor(cfg.stateDir, advance(cursor, batch.mailed, cfg.overlapMs));
  const to = `${cfg.mail.dest.length} recipient${cfg.mail.dest.length === 1 ? '' : 's'}`;
  const csv = batch.attachment;
  const trimmed = csv.omitted > 0 ? `; attachment holds the first ${csv.rows} rows (size cap)` : '';
  return outcome(notes, `${what} mailed to ${to}${newest}${backfill ? ' (backfill: cursor unchanged)' : ''}${trimmed}`, { mailed: n, attachmentRows: csv.rows });
}

/** First poll with nothing to mail: remember ISE's clock so a long outage later loses nothing. */
function commitEmpty(cfg: Config, cursor: Cursor, serverDate: number | undefined, reset: boolean): void {
  if (cursor.highWater !== undefined && !reset) return; // nothing changed: spare the flash
  const next = advance(cursor, new Map(), cfg.overlapMs, serverDate);
  if (next.highWater !== undefined || reset) saveCursor(cfg.stateDir, next);
}

function notesFor(cfg: Config, invalid: number): string[] {
  const notes: string[] = [];
  if (cfg.ise.insecure) notes.push('ISE_INSECURE=1: TLS to ISE is NOT verified');
  if (invalid > 0) notes.push(`${invalid} record(s) without id or timestamp skipped`);
  return notes;
}

function outcome(notes: string[], message: string, data?: Record<string, unknown>): Outcome {
  const status = notes.length ? 'WARN' : 'OK';
  return { exitCode: Exit.ok, status, message: notes.length ? `${message}; ${notes.join('; ')}` : message, data };
}

function printMessage(io: Io, cfg: Config, mail: OutgoingMail): void {
  io.out(`From: ${cfg.mail.from}`);
  io.out(`To: ${cfg.mail.dest.join(', ')}`);
  io.out(`Subject: ${mail.subject}`);
  io.out('');
  for (const line of mail.text.replace(/\n$/, '').split('\n')) io.out(line);
  io.out('');
}
