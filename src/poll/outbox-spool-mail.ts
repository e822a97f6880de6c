import type { Config } from '../config/config';
import { noteLead, stormSubject } from '../render/storm';
import { timeFormat } from '../render/time';
import { initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import { spoolRecords } from '../withhold/spool-rows';
import { composer, splitting } from './compose';
import { minSendMs, type PollContext } from './context';
import { mailNotes } from './notes';
import type { Fetched, Letter, Recording } from './outbox';

/** A storm the mutes would have hidden: the mail's lead and subject, and the summary's note. */
export interface Storm {
  subject: string;
  note: string;
  lead: string;
}

/**
 * A storm is never muted: a poll that brings more than STORM_THRESHOLD failures (muted ones
 * included) sends the spool at once, even when a mute (user:* --force) kept all of them out of
 * the body, and the mail says so on top. The muted ones stay counted by mute and attached.
 */
export function mutedStorm(cfg: Config, body: number, muted: number): Storm | undefined {
  if (muted === 0 || body + muted <= cfg.stormThreshold) return undefined;
  const all = body + muted;
  return {
    subject: `STORM: ${all} RADIUS failures in one poll, ${body === 0 ? 'all' : muted} muted`,
    note: `storm: ${all} failures in one poll, ${muted} of them muted: mailed at once (a storm is never muted)`,
    lead:
      `STORM: ${all} RADIUS failures in one poll (more than ${cfg.stormThreshold}), ${muted} of them muted. A ` +
      'storm is mailed at once whatever the mutes; the muted failures are counted below by mute and attached.',
  };
}

/**
 * The whole spool as one mail (the digest, or in each-run mode this run's mail), emptied once
 * accepted; `body`: failures for the mail body this run added to the spool.
 */
export function digestLetter(ctx: PollContext, spool: Spool, run: Fetched, s: { body: number; storm?: Storm }): Letter {
  const { cfg, opts, sys, incidents } = ctx;
  const eachRun = cfg.alert.mode === 'each-run';
  const { rollup: d, notes: lost } = spool.rollupToSend({
    attach: cfg.mail.attach,
    attachBudget: initialAttachmentBudget(cfg),
  });
  run.notes.push(...lost);
  // Emptying the spool once the mail is accepted needs a write: tried first, so a mail sent again
  // by every run because STATE_DIR is full says so.
  const unsaved = spool.prepareReset();
  const again = unsaved ? ' spool not emptied, sent again next run:' : '';
  const leads = eachRun ? [] : [noteLead(periodText(cfg, spool, sys.now(), opts.flush === true))];
  if (s.storm) leads.push(noteLead(s.storm.lead));
  const prefix = `${cfg.mail.subjectPrefix}${eachRun ? '' : ' digest:'}${again}`;
  const parts = {
    notes: [...(unsaved ? [notEmptied(unsaved)] : []), ...mailNotes(run)],
    leads,
    subjectPrefix: s.storm ? stormSubject(prefix) : prefix,
    subject: s.storm && d.total === 0 ? `${prefix} ${s.storm.subject}` : undefined,
    incidents: incidents?.verdict(),
    mutes: ctx.mutes,
    recovery: opts.recovery,
  };
  const groups = eachRun ? run.batch.groups : undefined;
  // The spool's kept rows, read back only if the server refuses the digest for its content.
  const kept = () => spoolRecords(spool.dir, spool.segments, d.total + d.mutedTotal);
  return {
    rollup: d,
    compose: composer(cfg, d, sys.now(), { ...parts, groups, unkept: d.attachment()?.omitted ?? 0 }),
    split: splitting(cfg, kept, { mute: ctx.mute, attach: cfg.mail.attach }, sys.now(), {
      ...parts,
      reserveMs: minSendMs(cfg),
    }),
    recording: emptiedOnDelivery(spool),
    backfill: false,
    result: { digest: eachRun ? undefined : { fresh: s.body } },
  };
}

/** Once the server accepted the mail the spool is emptied; a stop during the send leaves it all there. */
function emptiedOnDelivery(spool: Spool): Recording {
  return { save: () => spool.reset(), notDone: 'the spool was not emptied', repeats: 'this digest', left: 'spooled' };
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
