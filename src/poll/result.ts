import { Exit } from '../core/errors';
import type { Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { summaryTime } from '../core/times';

/** When the failures waiting in the spool go out: now, at a boundary (ms), or not while the spool is not open. */
export type Due = 'now' | number | undefined;

/**
 * What one poll did, in numbers: the summary line, `--json` and the health watcher read it (the
 * watcher through its own Watched fields). `kind` picks the wording:
 * - none: nothing new; aside: every new failure was muted or filtered out (no mail);
 * - mailed: a mail went (`digest` when it was the digest of the spool);
 * - waiting: the failures wait in the spool (a digest not due yet, muted ones, or no time left to send);
 * - dry-run: what a run would have mailed (`spool`: through the digest spool).
 */
export interface PollResult {
  kind: 'none' | 'aside' | 'mailed' | 'waiting' | 'dry-run';
  /** New failures this run brought (muted and filtered ones included for `aside`). */
  found: number;
  /** Failures in the mail body, or (dry run, waiting) in the body it would have. */
  mailed: number;
  muted: number;
  filtered: number;
  /** Failures this run committed to the spool, and all that wait there for the mail body. */
  spooled?: number;
  pending: number;
  due?: Due;
  /** Records mailed with their values withheld (src/withhold). */
  withheld?: number;
  attachmentRows?: number;
  /** Recipients the server accepted. */
  to?: number;
  /** The newest failure in the mail. */
  newest?: number;
  /** A --since backfill: the cursor stays. */
  backfill?: boolean;
  /** mailed: the digest of the spool, `digest` of which came with this run; dry-run/waiting: through the spool. */
  digest?: { fresh: number };
  /** aside: the counts by filter as filterNotes(…, false) says them, and whether the cursor moved past them. */
  filteredBy?: string[];
  committed?: boolean;
  /** waiting: the digest was due but no time was left to send it. */
  late?: boolean;
  /** waiting: the first run in digest mode, which says how the default works. */
  firstRun?: boolean;
  /** `; INCIDENT ...`: the incident a mail (or a dry run) opened. */
  incident?: string;
  /** Values of ISE's answer that could not be read as records (the health watcher counts the run as failed). */
  unreadable?: number;
  /** Notes that make the line WARN; `info` follows them without changing the status. */
  notes: string[];
  info: string[];
  /** A problem that makes an otherwise done run exit 2 (an unreadable health record). */
  broken?: string;
  /** The RECOVERED note went into this run's mail, which the server accepted (the watcher sends no other). */
  recovered?: boolean;
}

const BACKFILL = ' (backfill: cursor unchanged)';
/** The first run in digest mode says how the default works: nothing arrives at once unless it is an incident. */
export const FIRST_RUN =
  'routine failures arrive in one digest per period, incidents at once; run --flush sends the first digest now';

/** The one rendering of a poll: the summary line and its `--json` fields. */
export function pollOutcome(r: PollResult): Outcome {
  const { message, data: counts } = said(r);
  // Values of ISE's answer that could not be read: the health watcher counts the run as failed.
  const data = r.unreadable ? { ...counts, unreadable: r.unreadable } : counts;
  const full = [message, ...r.notes, ...r.info].join('; ');
  if (r.broken) return { exitCode: Exit.usage, status: 'ERROR', message: `${full}; but ${r.broken}`, data };
  return { exitCode: Exit.ok, status: r.notes.length ? 'WARN' : 'OK', message: full, data };
}

function said(r: PollResult): { message: string; data?: Record<string, unknown> } {
  switch (r.kind) {
    case 'none':
      return { message: 'no new failures' };
    case 'aside':
      return { message: asideLine(r), data: { mailed: 0, muted: r.muted, filtered: r.filtered } };
    case 'mailed':
      return mailedLine(r);
    case 'waiting': {
      const message = `${waitingText(r)}${r.firstRun ? `; ${FIRST_RUN}` : ''}`;
      if (r.late) return { message, data: { mailed: 0, pending: r.pending } };
      const dueAt = typeof r.due === 'number' ? summaryTime(r.due) : undefined;
      return { message, data: { mailed: 0, spooled: r.spooled, pending: r.pending, muted: r.muted, dueAt } };
    }
    case 'dry-run':
      return { message: dryRunLine(r) };
  }
}

/** `5 new failures, all muted (3 muted, 2 matched EXCLUDE_NAS): nothing mailed, cursor advanced` */
function asideLine(r: PollResult): string {
  const why = [...(r.muted ? [`${r.muted} muted`] : []), ...(r.filteredBy ?? [])];
  const all = r.muted === 0 ? 'filtered out' : r.filtered === 0 ? 'muted' : 'muted or filtered out';
  const tail = r.committed ? 'cursor advanced' : 'cursor unchanged';
  return `${plural(r.found, 'new failure')}, all ${all} (${why.join(', ')}): nothing mailed, ${tail}`;
}

function mailedLine(r: PollResult) {
  const to = `${plural(r.to ?? 0, 'recipient')}${asideText(r)}`;
  const what = r.digest
    ? `digest of ${plural(r.mailed, 'failure')} mailed to ${to}; ${r.digest.fresh} new this run${newestText(r)}`
    : r.backfill
      ? `${plural(r.mailed, 'failure')} backfilled, mailed to ${to}${newestText(r)}${BACKFILL}`
      : `${plural(r.mailed, 'new failure')} mailed to ${to}${newestText(r)}`;
  const data: Record<string, unknown> = {
    mailed: r.mailed,
    muted: r.muted,
    filtered: r.filtered,
    withheld: r.withheld,
  };
  if (r.attachmentRows !== undefined) data.attachmentRows = r.attachmentRows;
  return { message: `${what}${r.incident ?? ''}`, data };
}

function dryRunLine(r: PollResult): string {
  const said = r.incident ?? '';
  if (!r.digest) {
    const found = `${plural(r.mailed, r.backfill ? 'failure' : 'new failure')} found${asideText(r)}`;
    return `dry run: ${found}, nothing sent, cursor unchanged${newestText(r)}${said}`;
  }
  const fresh = plural(r.found, 'new failure');
  if (r.mailed === 0) return `dry run: ${fresh}, nothing for the mail body; nothing sent, cursor unchanged`;
  const when = r.due === undefined || r.due === 'now' ? 'now' : `at ${summaryTime(r.due)}`;
  const what = `the digest of ${plural(r.mailed, 'failure')} would go out ${when}`;
  return `dry run: ${fresh} found; ${what}; nothing sent, cursor unchanged${said}`;
}

/** `12 new failures spooled; 49 pending for the digest at 2026-11-23T10:00:00.000Z, 3 muted` */
function waitingText(r: PollResult): string {
  const fresh = r.found > 0 ? plural(r.found, 'new failure') : 'no new failures';
  const muted = r.muted > 0 ? `, ${r.muted} muted` : '';
  if (r.pending === 0) {
    if (r.muted === 0) return r.found > 0 ? `${fresh}, none for the mail body` : fresh;
    return `${fresh}; ${r.muted} muted failure(s) wait in the spool for the next mail`;
  }
  const when = r.due === undefined || r.due === 'now' ? 'now' : `at ${summaryTime(r.due)}`;
  return `${r.found > 0 ? `${fresh} spooled` : fresh}; ${r.pending} pending for the digest ${when}${muted}`;
}

/** `, 37 muted (attached), 3 filtered out`: what the count of the mail body leaves aside. */
function asideText(r: { muted: number; filtered: number }): string {
  const muted = r.muted > 0 ? `, ${r.muted} muted (attached)` : '';
  return `${muted}${r.filtered > 0 ? `, ${r.filtered} filtered out` : ''}`;
}

/** ` (newest 2026-11-23T10:12:00.000Z)`: the newest failure a mail holds, for its summary. */
const newestText = (r: PollResult) => (r.newest === undefined ? '' : ` (newest ${summaryTime(r.newest)})`);
