import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError, Exit } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { plural } from '../core/plural';
import { Digest } from '../format/digest';
import { compileFilters, filterNotes } from '../format/filters';
import { loadMutes } from '../mutes/store';
import { type Compose, initialAttachmentBudget, sendFitted } from '../sizecap/fit';
import { Spool } from '../spool/spool';
import { advance, type Cursor, emptyCursor, loadCursor, queryStart, saveCursor } from '../state/cursor';
import { Batch } from './batch';
import { digestPoll, type PollContext } from './digest-poll';
import { incidentsOn, PollIncidents } from './poll-incidents';
import { composer } from './poll-mail';
import {
  afterDelivery,
  asideText,
  commitEmpty,
  fetchInto,
  type MuteLabel,
  minSendMs,
  muteLabels,
  type RunOptions,
  sentNotes,
} from './steps';
import { outcome, printMessage, runNotes } from './summary';

export type { RunOptions } from './steps';

/**
 * One poll without the lock: fetch the new failures, then hand them on. Every new record goes
 * through Batch.add (dedupe, then the digest). Then, per run: in ALERT_MODE=each-run they are
 * this run's mail, sent now with the cursor moved after (mailPoll); in digest mode, while mutes
 * are active, or while the spool still holds failures, they go through the spool first and out
 * when the digest is due (digest-poll.ts). --since backfills bypass the spool.
 */
export async function poll(cfg: Config, opts: RunOptions, deadline: Deadline, io: Io, sys: System): Promise<Outcome> {
  const mutes = loadMutes(cfg.stateDir, sys.now());
  const mute = muteLabels(mutes);
  const spool = opts.since !== undefined ? undefined : Spool.open(cfg.stateDir, !opts.dryRun);
  // Read before fetching: a corrupt incidents.json stops the run (exit 2) with the cursor untouched.
  const incidents = incidentsOn(cfg, opts.since !== undefined) ? new PollIncidents(cfg, sys.now()) : undefined;
  // Muted failures wait in the spool for the next mail, in either mode: nothing disappears unseen.
  if (spool && (cfg.alert.mode === 'digest' || spool.total + spool.muted > 0 || mute)) {
    return digestPoll(cfg, opts, { deadline, io, sys, incidents }, spool, mute);
  }
  return mailPoll(cfg, opts, { deadline, io, sys, incidents }, mute);
}

async function mailPoll(cfg: Config, opts: RunOptions, ctx: PollContext, mute?: MuteLabel) {
  const { deadline, io, sys, incidents } = ctx;
  const cursor = opts.resetCursor ? emptyCursor() : loadCursor(cfg.stateDir);
  const backfill = opts.since !== undefined;
  const start = backfill ? new Date(opts.since!).toISOString() : queryStart(cursor, cfg.overlapMs);
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? 'none' : cfg.mail.attach;
  const newDigest = () => new Digest({ filter, mute, attach, attachBudget: initialAttachmentBudget(cfg) });
  const batch = new Batch(backfill ? new Map() : cursor.seen, newDigest, () => incidents?.start());
  const { serverDate, invalid } = await fetchInto(cfg, start, batch, deadline, io, sys.now());
  sys.crash?.('after-fetch');
  const notes = runNotes(cfg, invalid);
  const d = batch.digest;
  if (d.total === 0) {
    d.close();
    // Nothing to mail: the rules still learn and close incidents; what they say waits for the next mail.
    if (!opts.dryRun) incidents?.save(false);
    if (d.seenTotal > 0) return nothingToMail(cfg, opts, cursor, batch, notes);
    if (!backfill && !opts.dryRun) commitEmpty(cfg, cursor, serverDate, opts.resetCursor);
    return outcome(notes, 'no new failures');
  }
  const base = composer(cfg, d, sys.now(), { groups: batch.groups, incidents: incidents?.verdict() });
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  const what = plural(d.total, 'new failure');
  const aside = asideText(d);
  const newest = d.newest === undefined ? '' : ` (newest ${new Date(d.newest).toISOString()})`;
  if (opts.dryRun) {
    printMessage(io, cfg, compose(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    const said = incidents?.summary() ?? '';
    return outcome(notes, `dry run: ${what} found${aside}, nothing sent, cursor unchanged${newest}${said}`);
  }
  if (deadline.remaining() < minSendMs(cfg)) {
    throw new AppError(
      Exit.ise,
      'fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)',
    );
  }
  const sent = await sendFitted(cfg, deadline, compose);
  sys.crash?.('after-send');
  // Only now, after the server accepted the message, does the cursor move.
  if (!backfill) {
    const save = () => saveCursor(cfg.stateDir, advance(cursor, batch.mailed, cfg.overlapMs));
    afterDelivery(save, 'the cursor was not saved', 'these failures');
  }
  incidents?.save(true);
  notes.push(...sentNotes(sent, d));
  const to = plural(cfg.mail.dest.length - sent.rejected.length, 'recipient');
  const data = {
    mailed: d.total,
    muted: d.mutedTotal,
    filtered: d.filteredTotal,
    attachmentRows: d.attachment()?.rows ?? 0,
  };
  return outcome(
    notes,
    `${what} mailed to ${to}${aside}${newest}${backfill ? ' (backfill: cursor unchanged)' : ''}${incidents?.summary() ?? ''}`,
    data,
  );
}

/**
 * Every new record was muted or matched a filter: no mail (a muted failure waits for no one in
 * this mode: the summary line counts it), but the cursor moves past them (exit 0).
 */
function nothingToMail(cfg: Config, opts: RunOptions, cursor: Cursor, batch: Batch, notes: string[]): Outcome {
  const commit = opts.since === undefined && !opts.dryRun;
  if (commit) saveCursor(cfg.stateDir, advance(cursor, batch.mailed, cfg.overlapMs));
  const n = batch.mailed.size;
  const d = batch.digest;
  const why = [
    ...(d.mutedTotal ? [`${d.mutedTotal} muted`] : []),
    ...filterNotes(d.filtered).map((s) => s.replace(' more ', ' ')),
  ];
  const all = d.mutedTotal === 0 ? 'filtered out' : d.filteredTotal === 0 ? 'muted' : 'muted or filtered out';
  const tail = commit ? 'cursor advanced' : 'cursor unchanged';
  return outcome(notes, `${plural(n, 'new failure')}, all ${all} (${why.join(', ')}): nothing mailed, ${tail}`, {
    mailed: 0,
    muted: d.mutedTotal,
    filtered: d.filteredTotal,
  });
}
