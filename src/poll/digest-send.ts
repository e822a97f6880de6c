import type { Config } from '../config/config';
import type { Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { noteLead } from '../format/storm';
import { timeFormat } from '../format/time';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import { composer } from './poll-mail';
import { asideText, delivered, newestText, type PollContext, type RunOptions, sendPollMail } from './steps';
import { mailNotes, outcome, type PollFacts } from './summary';

export interface Sending {
  notes: string[];
  facts: PollFacts;
  /** Failures for the mail body this run added to the spool. */
  body: number;
}

/** The whole spool as one mail (the digest, or in each-run mode this run's mail); emptied once accepted. */
export async function sendDigest(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  s: Sending,
): Promise<Outcome> {
  const { sys } = ctx;
  const eachRun = cfg.alert.mode === 'each-run';
  const { digest: d, notes: lost } = spool.digestToSend({
    attach: cfg.mail.attach,
    attachBudget: initialAttachmentBudget(cfg),
  });
  s.notes.push(...lost);
  const base = composer(cfg, d, sys.now(), {
    groups: eachRun ? s.facts.batch.groups : undefined,
    notes: mailNotes(s.facts),
    leads: eachRun ? [] : [noteLead(periodText(cfg, spool, sys.now(), opts.flush === true))],
    subjectPrefix: eachRun ? undefined : `${cfg.mail.subjectPrefix} digest:`,
    unkept: d.attachment()?.omitted ?? 0,
    incidents: ctx.incidents?.verdict(),
  });
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  const sent = await sendPollMail(cfg, ctx.deadline, compose, false);
  // The spool is emptied only once the server accepted the digest.
  const m = delivered(cfg, ctx, sent, d, s.notes, {
    save: () => spool.reset(),
    notDone: 'the spool was not emptied',
    repeats: 'this digest',
    left: 'spooled',
  });
  const to = `${m.to}${asideText(d)}`;
  const what = eachRun
    ? `${plural(d.total, 'new failure')} mailed to ${to}${newestText(d)}`
    : `digest of ${plural(d.total, 'failure')} mailed to ${to}; ${s.body} new this run${newestText(d)}`;
  return outcome(s.notes, `${what}${m.said}`, m.data);
}

/** The line a digest mail leads with: which failures it covers and when the next one goes. */
function periodText(cfg: Config, spool: Spool, now: number, flush: boolean): string {
  const fmt = timeFormat(cfg.mail.timezone);
  const schedule = describeSchedule(cfg.alert.schedule, cfg.mail.timezone);
  const next = boundaryAfter(now, cfg.alert.schedule, cfg.mail.timezone);
  const how = `${flush ? 'sent early by run --flush; ' : ''}digests go out ${schedule}; the next at ${fmt(next)}`;
  return `Digest of the failures fetched ${fmt(spool.openedAt)} .. ${fmt(now)} (${how}).`;
}
