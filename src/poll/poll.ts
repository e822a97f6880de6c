import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { stopIfAsked } from '../core/interrupt';
import type { Io, Outcome, System } from '../core/outcome';
import { plural } from '../core/plural';
import { failpoint } from '../core/testing';
import { Digest } from '../format/digest';
import { compileFilters, filterNotes } from '../format/filters';
import { timeFormat } from '../format/time';
import { footerMute, ignoredText } from '../mutes/commands';
import { loadMutes } from '../mutes/store';
import { targetText } from '../mutes/target';
import type { FailureRecord } from '../pxgrid/schemas';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import { Spool } from '../spool/spool';
import { type Cursor, emptyCursor, loadCursor, saveCursor } from '../state/cursor';
import { RecordKeeper } from '../withhold/records';
import type { Splittable } from '../withhold/split';
import type { Batch } from './batch';
import { CursorAside } from './cursor-aside';
import { digestPoll } from './digest-poll';
import { incidentsOn, PollIncidents } from './poll-incidents';
import { composer, splitting } from './poll-mail';
import {
  asideText,
  commitEmpty,
  delivered,
  fetchBatch,
  type MuteLabel,
  minSendMs,
  muteLabels,
  newestText,
  nextCursor,
  type PollContext,
  type RunOptions,
  sendPollMail,
} from './steps';
import { mailNotes, outcome, type PollFacts, printMessage, runNotes } from './summary';

export type { RunOptions } from './steps';

/**
 * One poll without the lock: fetch the new failures, then hand them on. Every new record goes
 * through Batch.deliver (into the digest, which applies filters and mutes). Then, per run: in
 * ALERT_MODE=each-run they are this run's mail, sent now with the cursor moved after (mailPoll);
 * in digest mode, while mutes are active, or while the spool still holds failures, they go through
 * the spool first and out when the digest is due (digest-poll.ts). --since backfills bypass the spool.
 */
export async function poll(cfg: Config, opts: RunOptions, deadline: Deadline, io: Io, sys: System): Promise<Outcome> {
  // Read before fetching: a corrupt incidents.json stops the run (exit 2) with the cursor untouched.
  const incidents = incidentsOn(cfg, opts.since !== undefined) ? new PollIncidents(cfg, sys.now()) : undefined;
  const mutes = loadMutes(cfg.stateDir, sys.now());
  const fmt = timeFormat(cfg.mail.timezone);
  const ctx: PollContext = { deadline, io, sys, incidents, mutes: mutes.active.map((m) => footerMute(m, fmt)) };
  const mute = muteLabels(mutes);
  const spool = opts.since !== undefined ? undefined : Spool.open(cfg.stateDir, !opts.dryRun);
  // Muted failures wait in the spool for the next mail, in either mode: nothing disappears unseen.
  const o =
    spool && (cfg.alert.mode === 'digest' || spool.total + spool.muted > 0 || mute)
      ? await digestPoll(cfg, opts, ctx, spool, mute)
      : await mailPoll(cfg, opts, ctx, mute);
  if (mutes.ignored.length === 0) return o;
  const said = mutes.ignored.map((m) => `mute ${m.id} (${targetText(m)}): ${ignoredText(m, fmt)}`);
  return { ...o, status: o.status === 'OK' ? 'WARN' : o.status, message: `${o.message}; ${said.join('; ')}` };
}

async function mailPoll(cfg: Config, opts: RunOptions, ctx: PollContext, mute?: MuteLabel): Promise<Outcome> {
  const { io, sys, incidents } = ctx;
  const cursor = opts.resetCursor ? emptyCursor() : loadCursor(cfg.stateDir);
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? 'none' : cfg.mail.attach;
  // Kept for a mail refused for its content, to split it (src/withhold).
  const keep = new RecordKeeper();
  const newDigest = () => {
    keep.reset();
    const onAttach = opts.dryRun ? undefined : (r: FailureRecord) => keep.add(r);
    return new Digest({ filter, mute, attach, attachBudget: initialAttachmentBudget(cfg), onAttach });
  };
  const { batch, invalid } = await fetchBatch(cfg, opts, cursor, newDigest, ctx);
  failpoint('after-fetch');
  const d = batch.digest;
  // Worked out now, saved only once the mail is accepted: the mail says what the cursor will do.
  const next = opts.since !== undefined ? cursor : nextCursor(cfg, cursor, batch);
  const facts = { invalid, batch, cursor, next };
  const notes = runNotes(cfg, facts);
  if (d.total === 0) return noMail(cfg, opts, ctx, facts, notes);
  const verdict = incidents?.verdict();
  const aside = opts.dryRun || opts.since !== undefined ? undefined : new CursorAside(cfg, next);
  try {
    const parts = { notes: [...(aside?.notes() ?? []), ...mailNotes(facts)], incidents: verdict, mutes: ctx.mutes };
    const subjectPrefix = aside?.subjectPrefix();
    const base = composer(cfg, d, sys.now(), { ...parts, groups: batch.groups, subjectPrefix });
    const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
    if (opts.dryRun) {
      printMessage(io, cfg, compose(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
      const found = `${plural(d.total, 'new failure')} found${asideText(d)}`;
      const said = incidents?.summary() ?? '';
      return outcome(notes, `dry run: ${found}, nothing sent, cursor unchanged${newestText(d)}${said}`);
    }
    const split = splitting(cfg, () => keep.records, { mute, attach }, sys.now(), {
      ...parts,
      subjectPrefix,
      reserveMs: minSendMs(cfg),
      decorate: opts.decorate,
    });
    return await sendRunMail(cfg, opts, ctx, { compose, split }, facts, notes, aside);
  } finally {
    aside?.abort();
  }
}

/** Nothing for the mail body: the rules still learn and close incidents; what they say waits for the next mail. */
function noMail(cfg: Config, opts: RunOptions, ctx: PollContext, f: PollFacts, notes: string[]): Outcome {
  f.batch.digest.close();
  stopIfAsked(ctx.sys.stop);
  const unsaved = opts.dryRun ? undefined : ctx.incidents?.save(false);
  if (unsaved) notes.push(unsaved);
  if (f.batch.digest.seenTotal > 0) return nothingToMail(cfg, opts, f.next, f.batch, notes);
  if (opts.since === undefined && !opts.dryRun) commitEmpty(cfg, f.cursor, f.next, opts.resetCursor);
  return outcome(notes, 'no new failures');
}

/** This run's mail, sent now; the cursor moves only once the server accepted it. */
async function sendRunMail(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  mail: { compose: Compose; split: Splittable },
  f: PollFacts,
  notes: string[],
  aside?: CursorAside,
) {
  if (ctx.deadline.remaining() < minSendMs(cfg)) {
    throw new AppError(
      'ise-timeout',
      'fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the ' +
        'cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)',
    );
  }
  const backfill = opts.since !== undefined;
  const d = f.batch.digest;
  const sent = await sendPollMail(cfg, ctx.deadline, mail.compose, backfill, mail.split);
  const m = delivered(cfg, ctx, sent, d, notes, {
    save: aside && (() => aside.commit()),
    notDone: 'the cursor was not saved',
    repeats: 'these failures',
    left: 'fetched-again',
  });
  const tail = `${asideText(d)}${newestText(d)}${backfill ? ' (backfill: cursor unchanged)' : ''}${m.said}`;
  const data = { ...m.data, attachmentRows: d.attachment()?.rows ?? 0 };
  return outcome(notes, `${plural(d.total, 'new failure')} mailed to ${m.to}${tail}`, data);
}

/**
 * Every new record was muted or matched a filter: no mail, but the cursor moves past them (exit 0).
 * (Muted ones reach this only in a --since backfill: scheduled runs keep them in the spool.)
 */
function nothingToMail(cfg: Config, opts: RunOptions, next: Cursor, batch: Batch, notes: string[]): Outcome {
  const commit = opts.since === undefined && !opts.dryRun;
  if (commit) saveCursor(cfg.stateDir, next);
  const d = batch.digest;
  const n = d.seenTotal;
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
