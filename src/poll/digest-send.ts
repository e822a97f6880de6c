import type { Config } from '../config/config';
import type { Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { noteLead } from '../format/storm';
import { clockFor } from '../format/time';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import { composer, type MailParts } from './poll-mail';
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
  const now = sys.now();
  const base = composer(cfg, d, now, {
    ...spoolMailParts(cfg, s.facts, spool.openedAt ?? now, now),
    unkept: d.attachment()?.omitted ?? 0,
    incidents: ctx.incidents?.verdict(),
  });
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  const sent = await sendPollMail(cfg, ctx.deadline, compose, false);
  // The spool is emptied only once the server accepted the digest.
  const m = delivered(cfg, ctx, sent, d, s.notes, {
    save: () => spool.reset(sys.crash),
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

/**
 * How the spool's mail shows itself: in digest mode the period it covers, its label and chart; in
 * each-run mode (mutes active) like any run's mail. `run --dry-run` previews with these same parts,
 * so what it prints is what `run --flush` sends (test/integration/digest-preview.test.ts).
 */
export function spoolMailParts(cfg: Config, facts: PollFacts, openedAt: number, now: number): MailParts {
  if (cfg.alert.mode === 'each-run') return { groups: facts.batch.groups, notes: mailNotes(facts) };
  return { notes: mailNotes(facts), ...digestParts(cfg, openedAt, now) };
}

/** A digest's own parts: the period line, `digest:` in the subject, the label and the chart. */
export function digestParts(cfg: Config, openedAt: number, now: number): MailParts {
  return {
    leads: [noteLead(periodText(cfg, openedAt, now))],
    subjectPrefix: `${cfg.mail.subjectPrefix} digest:`,
    show: { label: 'Digest', period: { from: openedAt, to: now }, chart: true },
  };
}

/** The line a digest mail leads with: which failures it covers and when the next one goes. */
function periodText(cfg: Config, openedAt: number, now: number): string {
  const clock = clockFor(cfg.mail.timezone, openedAt, now);
  const schedule = describeSchedule(cfg.alert.schedule, cfg.mail.timezone);
  const next = boundaryAfter(now, cfg.alert.schedule, cfg.mail.timezone);
  return (
    `Failures fetched from ${clock.short(openedAt)} to ${clock.short(now)}. Digests go out ${schedule}; ` +
    `the next at ${clock.short(next)}.`
  );
}
