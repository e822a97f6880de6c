import type { Config } from '../config/config';
import { Exit } from '../core/errors';
import type { Io, Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { summaryTime } from '../core/times';
import { attachmentFilename } from '../format/attachment';
import type { OutgoingMail } from '../mail/transport';
import type { Unreadable } from '../pxgrid/unreadable';
import { type Cursor, MAX_TRACKED_IDS } from '../state/cursor';
import type { Batch } from './batch';

/** What one poll found and what it does to the cursor. */
export interface PollFacts {
  /** Values of ISE's answer that could not be read as records. */
  unreadable: Unreadable;
  batch: Batch;
  cursor: Cursor;
  next: Cursor;
}

const iso = summaryTime;
/** The cursor stops tracking every id this run (a storm beyond MAX_TRACKED_IDS). */
const trackingCut = (f: PollFacts) => f.next.trackedFrom !== undefined && f.next.trackedFrom !== f.cursor.trackedFrom;

/** Notes that make a successful run's summary WARN instead of OK. */
export function runNotes(cfg: Config, f: PollFacts): string[] {
  const notes: string[] = [];
  const { cursor, next, batch } = f;
  if (cfg.ise.insecure) notes.push('ISE_INSECURE=1: TLS to ISE is NOT verified');
  notes.push(...batch.placing.summary());
  const unreadable = f.unreadable.summary();
  if (unreadable) notes.push(unreadable);
  if (batch.older > 0) notes.push(`${plural(batch.older, 'record')} older than the query start ignored`);
  if (batch.digest.future > 0)
    notes.push(`${plural(batch.digest.future, 'record')} with a timestamp in the future (the cursor does not follow)`);
  if (cursor.highWater !== undefined && next.highWater !== undefined && next.highWater < cursor.highWater)
    notes.push(`the cursor was ahead of ISE's clock (${iso(cursor.highWater)}): moved back to ${iso(next.highWater)}`);
  if (trackingCut(f))
    notes.push(
      `more than ${MAX_TRACKED_IDS} new failures: ids tracked from ${iso(next.trackedFrom)} only, ` +
        'late records before then are not read again',
    );
  return notes;
}

/** Paragraphs the poll's mail leads with: what about this batch the reader must know. */
export function mailNotes(f: PollFacts): string[] {
  const notes: string[] = [...f.batch.placing.mail()];
  const unreadable = f.unreadable.mailNote();
  if (unreadable) notes.push(unreadable);
  const { future } = f.batch.digest;
  if (future > 0)
    notes.push(
      `${plural(future, 'failure')} in this mail carry a timestamp in the future (after ISE's clock, ` +
        `${iso(f.batch.window.iseNow ?? f.batch.window.limit)}): mailed as ISE sent them, but they do not move ` +
        'the cursor. Check the clock of the ISE node that logged them.',
    );
  if (trackingCut(f))
    notes.push(
      `Too many failures to track one by one (more than ${MAX_TRACKED_IDS}). All counts in this mail are ` +
        `exact; the next poll starts at ${iso(f.next.trackedFrom)} instead of re-reading the last ` +
        'CURSOR_OVERLAP, so a failure from before then that ISE shows only later would not be mailed.',
    );
  return notes;
}

export function outcome(notes: string[], message: string, data?: Record<string, unknown>): Outcome {
  const status = notes.length ? 'WARN' : 'OK';
  return { exitCode: Exit.ok, status, message: notes.length ? `${message}; ${notes.join('; ')}` : message, data };
}

/** --dry-run: the headers that matter and the text part, as the recipients would read them. */
export function printMessage(io: Io, cfg: Config, mail: OutgoingMail): void {
  io.out(`From: ${cfg.mail.from}`);
  io.out(`To: ${cfg.mail.dest.join(', ')}`);
  io.out(`Subject: ${mail.subject}`);
  io.out('');
  for (const line of mail.text.replace(/\n$/, '').split('\n')) io.out(line);
  io.out('');
  if (cfg.mail.attach !== 'none')
    io.out(
      `(The real mail also attaches ${attachmentFilename(cfg.mail.attach)} with every failure; --dry-run does ` +
        `not build it.)`,
    );
}
