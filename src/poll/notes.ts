import type { Config } from '../config/config';
import { plural } from '../core/plural';
import { summaryTime } from '../core/times';
import type { Sent } from '../mail/transport';
import type { Rollup } from '../rollup/rollup';
import { MAX_TRACKED_IDS } from '../state/cursor';
import type { PollFacts } from './fetch';

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
  if (batch.rollup.future > 0)
    notes.push(`${plural(batch.rollup.future, 'record')} with a timestamp in the future (the cursor does not follow)`);
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
  const { future } = f.batch.rollup;
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

/** Notes on a delivered mail: refused recipients, an attachment cut by the size cap. */
export function sentNotes(sent: Sent, d: Rollup): string[] {
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
