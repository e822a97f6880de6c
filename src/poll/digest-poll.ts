import type { Config } from '../config/config';
import { stopIfAsked } from '../core/interrupt';
import type { Io, Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import type { Digest } from '../format/digest';
import { compileFilters } from '../format/filters';
import { noteLead } from '../format/storm';
import { timeFormat } from '../format/time';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import { emptyCursor, readCursorFile } from '../state/cursor';
import { stateFile } from '../state/files';
import type { Batch } from './batch';
import type { PollIncidents } from './poll-incidents';
import { composer } from './poll-mail';
import {
  afterDelivery,
  asideText,
  commitEmpty,
  fetchBatch,
  type MuteLabel,
  minSendMs,
  nextCursor,
  type PollContext,
  type RunOptions,
  sendPollMail,
  sentNotes,
} from './steps';
import { mailNotes, outcome, type PollFacts, printMessage, runNotes } from './summary';

/**
 * A poll through the digest spool (ALERT_MODE=digest; in each-run mode while mutes are active or
 * the spool still holds failures). The new records and the cursor after them are committed to the
 * spool first; then, when the digest is due (in each-run mode: whenever the mail body has a
 * failure), the whole spool goes out as one mail and is emptied. A failed send leaves it all in
 * the spool for the next run.
 */
export async function digestPoll(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  mute?: MuteLabel,
): Promise<Outcome> {
  const { deadline, io, sys } = ctx;
  const file = opts.dryRun ? spool.cursorFile() : stateFile.cursor(cfg.stateDir);
  const cursor = opts.resetCursor ? emptyCursor() : readCursorFile(file);
  const before = spool.total;
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? 'none' : cfg.mail.attach;
  const newDigest = () => spool.digestForRun({ filter, mute }, attach, initialAttachmentBudget(cfg));
  const spooled = spool.seen;
  let fetched: Awaited<ReturnType<typeof fetchBatch>>;
  try {
    fetched = await fetchBatch(cfg, opts, cursor, newDigest, ctx);
  } catch (err) {
    spool.discard();
    throw err;
  }
  const { batch, invalid } = fetched;
  sys.crash?.('after-fetch');
  const d = batch.digest;
  const next = nextCursor(cfg, cursor, batch);
  const facts = { invalid, batch, cursor, next };
  const notes = runNotes(cfg, facts);
  const now = sys.now();
  const found = d.seenTotal - spooled;
  const fresh = plural(found, 'new failure');
  if (opts.dryRun) {
    spool.discard();
    return dryRun(cfg, opts, io, d, spool, fresh, notes, now, ctx.incidents);
  }
  // A stopped run commits nothing: it has already reported the cursor unchanged.
  stopIfAsked(sys.stop);
  // Incidents first (any opened one marked owed): a crash before the spool commit fetches these
  // records again; one after it still finds the incident owed to the next mail.
  ctx.incidents?.save(false);
  if (found > 0 || batch.mailed.size > 0) spool.commit(d, next, now, sys.crash);
  else {
    spool.discard();
    commitEmpty(cfg, cursor, next, opts.resetCursor);
  }
  // An opened incident is mailed at once, with the pending digest: every failure in exactly one mail.
  const urgent = opts.flush === true || (ctx.incidents?.verdict()?.opened.length ?? 0) > 0;
  const dueAt = nextDigest(cfg, spool, urgent);
  const news = { fresh: found > 0 ? fresh : 'no new failures', body: spool.total - before, facts };
  if (spool.total === 0 || dueAt === undefined || dueAt > now) {
    const data = { mailed: 0, spooled: batch.mailed.size, pending: spool.total, muted: spool.muted };
    return outcome(notes, waitingText(cfg, spool, news.fresh, dueAt), data);
  }
  if (deadline.remaining() < minSendMs(cfg)) {
    notes.push(
      'the digest was due but fetching used up RUN_DEADLINE: it stays in the spool and the next run sends it; ' +
        'if this repeats, raise RUN_DEADLINE (below the EEM maxrun) or check how slowly ISE answers',
    );
    return outcome(notes, waitingText(cfg, spool, news.fresh, dueAt), { mailed: 0, pending: spool.total });
  }
  return sendDigest(cfg, opts, ctx, spool, { notes, batch, news });
}

/** When the spooled digest goes out: now in each-run mode or with --flush, else the next boundary. */
function nextDigest(cfg: Config, spool: Spool, flush: boolean): number | undefined {
  if (spool.openedAt === undefined) return undefined;
  if (cfg.alert.mode === 'each-run' || flush) return Number.NEGATIVE_INFINITY;
  return spool.dueAt(cfg.alert.schedule, cfg.mail.timezone);
}

interface Sending {
  notes: string[];
  batch: Batch;
  news: { fresh: string; body: number; facts: PollFacts };
}

async function sendDigest(cfg: Config, opts: RunOptions, ctx: PollContext, spool: Spool, s: Sending) {
  const { deadline, sys } = ctx;
  const eachRun = cfg.alert.mode === 'each-run';
  const { digest: d, notes: lost } = spool.digestToSend({
    attach: cfg.mail.attach,
    attachBudget: initialAttachmentBudget(cfg),
  });
  s.notes.push(...lost);
  const base = composer(cfg, d, sys.now(), {
    groups: eachRun ? s.batch.groups : undefined,
    notes: mailNotes(s.news.facts),
    leads: eachRun ? [] : [noteLead(periodText(cfg, spool, sys.now(), opts.flush === true))],
    subjectPrefix: eachRun ? undefined : `${cfg.mail.subjectPrefix} digest:`,
    unkept: d.attachment()?.omitted ?? 0,
    incidents: ctx.incidents?.verdict(),
  });
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  const sent = await sendPollMail(cfg, deadline, compose, false);
  sys.crash?.('after-send');
  // Not once a stop was asked: the run has reported that; the digest then goes again next run.
  stopIfAsked(sys.stop);
  afterDelivery(() => spool.reset(sys.crash), 'the spool was not emptied', 'this digest');
  ctx.incidents?.save(true);
  s.notes.push(...sentNotes(sent, d));
  const to = plural(cfg.mail.dest.length - sent.rejected.length, 'recipient');
  const newest = d.newest === undefined ? '' : ` (newest ${new Date(d.newest).toISOString()})`;
  const what = eachRun
    ? `${plural(d.total, 'new failure')} mailed to ${to}${asideText(d)}${newest}`
    : `digest of ${plural(d.total, 'failure')} mailed to ${to}${asideText(d)}; ${s.news.body} new this run${newest}`;
  const said = ctx.incidents?.summary() ?? '';
  return outcome(s.notes, `${what}${said}`, { mailed: d.total, muted: d.mutedTotal, filtered: d.filteredTotal });
}

/** `12 new failures spooled; 49 pending for the digest at 2026-11-23 11:00:00 +01:00, 3 muted` */
function waitingText(cfg: Config, spool: Spool, fresh: string, dueAt: number | undefined): string {
  const muted = spool.muted > 0 ? `, ${spool.muted} muted` : '';
  if (spool.total === 0) {
    if (spool.muted === 0) return fresh === 'no new failures' ? fresh : `${fresh}, none for the mail body`;
    return `${fresh}; ${spool.muted} muted failure(s) wait in the spool for the next mail`;
  }
  const when =
    dueAt === undefined || dueAt === Number.NEGATIVE_INFINITY ? 'now' : `at ${timeFormat(cfg.mail.timezone)(dueAt)}`;
  const verb = fresh === 'no new failures' ? fresh : `${fresh} spooled`;
  return `${verb}; ${spool.total} pending for the digest ${when}${muted}`;
}

/** The line a digest mail leads with: which failures it covers and when the next one goes. */
function periodText(cfg: Config, spool: Spool, now: number, flush: boolean): string {
  const fmt = timeFormat(cfg.mail.timezone);
  const schedule = describeSchedule(cfg.alert.schedule, cfg.mail.timezone);
  const next = boundaryAfter(now, cfg.alert.schedule, cfg.mail.timezone);
  const how = `${flush ? 'sent early by run --flush; ' : ''}digests go out ${schedule}; the next at ${fmt(next)}`;
  return `Digest of the failures fetched ${fmt(spool.openedAt)} .. ${fmt(now)} (${how}).`;
}

/** --dry-run: the digest as it stands with this run's failures, and when it would go out. */
function dryRun(
  cfg: Config,
  opts: RunOptions,
  io: Io,
  d: Digest,
  spool: Spool,
  fresh: string,
  notes: string[],
  now: number,
  incidents?: PollIncidents,
) {
  if (d.total === 0)
    return outcome(notes, `dry run: ${fresh}, nothing for the mail body; nothing sent, cursor unchanged`);
  const verdict = incidents?.verdict();
  printMessage(io, cfg, composer(cfg, d, now, { incidents: verdict })(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
  const immediate = cfg.alert.mode === 'each-run' || opts.flush || (verdict?.opened.length ?? 0) > 0;
  const dueAt = immediate ? now : boundaryAfter(spool.openedAt ?? now, cfg.alert.schedule, cfg.mail.timezone);
  const when = dueAt <= now ? 'now' : `at ${timeFormat(cfg.mail.timezone)(dueAt)}`;
  const what = `the digest of ${plural(d.total, 'failure')} would go out ${when}`;
  const said = incidents?.summary() ?? '';
  return outcome(notes, `dry run: ${fresh} found; ${what}; nothing sent, cursor unchanged${said}`);
}
