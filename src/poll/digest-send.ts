import type { Config } from '../config/config';
import type { Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import type { Digest } from '../format/digest';
import { noteLead, stormSubject } from '../format/storm';
import { timeFormat } from '../format/time';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import type { Splittable } from '../withhold/split';
import { spoolRecords } from '../withhold/spool-rows';
import { composer, splitting } from './poll-mail';
import {
  asideText,
  delivered,
  type MuteLabel,
  minSendMs,
  newestText,
  type PollContext,
  type RunOptions,
  sendPollMail,
} from './steps';
import { mailNotes, outcome, type PollFacts } from './summary';

export interface Sending {
  notes: string[];
  facts: PollFacts;
  /** Failures for the mail body this run added to the spool. */
  body: number;
  /** The active mutes' labels: a part of a split digest counts its muted failures anew. */
  mute?: MuteLabel;
  /** A storm the mutes would have hidden (digest-poll.ts mutedStorm): the mail's lead and subject. */
  storm?: { lead: string; subject: string };
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
  // Emptying the spool once the mail is accepted needs a write: tried first, so a mail sent again
  // by every run because STATE_DIR is full says so.
  const unsaved = spool.prepareReset();
  const again = unsaved ? ' spool not emptied, sent again next run:' : '';
  const leads = eachRun ? [] : [noteLead(periodText(cfg, spool, sys.now(), opts.flush === true))];
  if (s.storm) leads.push(noteLead(s.storm.lead));
  const prefix = `${cfg.mail.subjectPrefix}${eachRun ? '' : ' digest:'}${again}`;
  const parts = {
    notes: [...(unsaved ? [notEmptied(unsaved)] : []), ...mailNotes(s.facts)],
    leads,
    subjectPrefix: s.storm ? stormSubject(prefix) : prefix,
    subject: s.storm && d.total === 0 ? `${prefix} ${s.storm.subject}` : undefined,
    incidents: ctx.incidents?.verdict(),
    mutes: ctx.mutes,
  };
  const base = composer(cfg, d, sys.now(), {
    ...parts,
    groups: eachRun ? s.facts.batch.groups : undefined,
    unkept: d.attachment()?.omitted ?? 0,
  });
  const compose: Compose = opts.decorate ? (b, l) => opts.decorate!(base(b, l), d.total) : base;
  // The spool's kept rows, read back only if the server refuses the digest for its content.
  const kept = () => spoolRecords(spool.dir, spool.segments, d.total + d.mutedTotal);
  const split = splitting(cfg, kept, { mute: s.mute, attach: cfg.mail.attach }, sys.now(), {
    ...parts,
    reserveMs: minSendMs(cfg),
    decorate: opts.decorate,
  });
  const m = await sendAndEmpty(cfg, ctx, spool, { compose, split }, d, s.notes);
  const to = `${m.to}${asideText(d)}`;
  const what = eachRun
    ? `${plural(d.total, 'new failure')} mailed to ${to}${newestText(d)}`
    : `digest of ${plural(d.total, 'failure')} mailed to ${to}; ${s.body} new this run${newestText(d)}`;
  return outcome(s.notes, `${what}${m.said}`, m.data);
}

/** Sends the digest; the spool is emptied only once the server accepted it. Nothing is left aside either way. */
async function sendAndEmpty(
  cfg: Config,
  ctx: PollContext,
  spool: Spool,
  mail: { compose: Compose; split: Splittable },
  d: Digest,
  notes: string[],
) {
  try {
    const sent = await sendPollMail(cfg, ctx.deadline, mail.compose, false, mail.split);
    return delivered(cfg, ctx, sent, d, notes, {
      save: () => spool.reset(),
      notDone: 'the spool was not emptied',
      repeats: 'this digest',
      left: 'spooled',
    });
  } finally {
    spool.discard();
  }
}

/** The line a digest mail leads with: which failures it covers and when the next one goes. */
function periodText(cfg: Config, spool: Spool, now: number, flush: boolean): string {
  const fmt = timeFormat(cfg.mail.timezone);
  const schedule = describeSchedule(cfg.alert.schedule, cfg.mail.timezone);
  const next = boundaryAfter(now, cfg.alert.schedule, cfg.mail.timezone);
  const how = `${flush ? 'sent early by run --flush; ' : ''}digests go out ${schedule}; the next at ${fmt(next)}`;
  return `Digest of the failures fetched ${fmt(spool.openedAt)} .. ${fmt(now)} (${how}).`;
}

const notEmptied = (code: string) =>
  `The digest spool could not be emptied (${code}): STATE_DIR is full or read-only. Until it can be written, ` +
  'these failures are sent again by every digest, with any newer ones. Free space in STATE_DIR ' +
  '(IOS: dir bootflash:).';
