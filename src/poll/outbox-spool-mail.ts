import type { Config } from '../config/config';
import { noteLead } from '../render/storm';
import { clockFor } from '../render/time';
import { initialAttachmentBudget } from '../sizecap/fit';
import { boundaryAfter, describeSchedule } from '../spool/schedule';
import type { Spool } from '../spool/spool';
import { spoolRecords } from '../withhold/rows';
import { composer, type MailParts, splitting } from './compose';
import { minSendMs, type PollContext } from './context';
import { type PollFacts, recoveryFor } from './fetch';
import { mailNotes } from './notes';
import type { Fetched, Letter, Recording } from './outbox';

/** What this poll added to the spool: failures for the mail body, muted ones, and whether that is a storm. */
export interface Added {
  body: number;
  muted: number;
  /** A storm the mutes would have hidden (mutedStorm): the spool goes at once. */
  storm: boolean;
}

/**
 * A storm is never muted: a poll that brings more than STORM_THRESHOLD failures (muted ones
 * included) sends the spool at once, even when a mute (user:* --force) kept all of them out of
 * the body. Returns the summary's note, or none. The mail's storm lead and subject are the
 * composer's (compose.ts), from the poll's groups and its muted count; the muted failures stay
 * counted by mute and attached.
 */
export function mutedStorm(cfg: Config, body: number, muted: number): string | undefined {
  if (muted === 0 || body + muted <= cfg.stormThreshold) return undefined;
  return `storm: ${body + muted} failures in one poll, ${muted} of them muted: mailed at once (a storm is never muted)`;
}

/**
 * The whole spool as one mail (the digest, or in each-run mode this run's mail), emptied once
 * accepted; `s`: what this run added to the spool.
 */
export function digestLetter(ctx: PollContext, spool: Spool, run: Fetched, s: Added): Letter {
  const { cfg, opts, sys } = ctx;
  const { rollup: d, notes: lost } = spool.rollupToSend({
    attach: cfg.mail.attach,
    attachBudget: initialAttachmentBudget(cfg),
  });
  run.notes.push(...lost);
  const now = sys.now();
  const parts = { ...sendingParts(ctx, spool, run, s, now), recovery: recoveryFor(opts, run) };
  // The spool's kept rows, read back only if the server refuses the digest for its content.
  const kept = () => spoolRecords(spool.dir, spool.segments, d.total + d.mutedTotal);
  return {
    rollup: d,
    compose: composer(cfg, d, now, { ...parts, unkept: d.attachment()?.omitted ?? 0 }),
    split: splitting(cfg, kept, { mute: ctx.mute, attach: cfg.mail.attach }, now, {
      ...parts,
      reserveMs: minSendMs(cfg),
    }),
    recording: emptiedOnDelivery(spool),
    backfill: false,
    result: { digest: cfg.alert.mode === 'each-run' ? undefined : { fresh: s.body }, recovered: !!parts.recovery },
  };
}

/**
 * The spool's mail as `run --flush` sends it (spoolMailParts), plus what only a real send knows: a
 * spool that cannot be emptied (STATE_DIR full) and a storm the mutes would have hidden.
 */
function sendingParts(ctx: PollContext, spool: Spool, run: Fetched, s: Added, now: number) {
  const { cfg, incidents } = ctx;
  // Emptying the spool once the mail is accepted needs a write: tried first, so a mail sent again
  // by every run because STATE_DIR is full says so.
  const unsaved = spool.prepareReset();
  const own = spoolMailParts(cfg, run, spool.openedAt ?? now, now);
  const again = unsaved ? ' spool not emptied, sent again next run:' : '';
  return {
    ...own,
    notes: [...(unsaved ? [notEmptied(unsaved)] : []), ...(own.notes ?? [])],
    subjectPrefix: `${own.subjectPrefix ?? cfg.mail.subjectPrefix}${again}`,
    // A storm sent at once leads with the poll's groups, a digest too; the muted ones count toward it.
    groups: s.storm ? run.batch.groups : own.groups,
    muted: s.muted,
    incidents: incidents?.verdict(),
    mutes: ctx.mutes,
  } satisfies MailParts;
}

/** Once the server accepted the mail the spool is emptied; a stop during the send leaves it all there. */
function emptiedOnDelivery(spool: Spool): Recording {
  const moved = 'the digest spool was emptied';
  return {
    save: () => spool.reset(),
    notDone: 'the spool was not emptied',
    repeats: 'this digest',
    left: 'spooled',
    moved,
  };
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

const notEmptied = (code: string) =>
  `The digest spool could not be emptied (${code}): STATE_DIR is full or read-only. Until it can be written, ` +
  'these failures are sent again by every digest, with any newer ones. Free space in STATE_DIR ' +
  '(IOS: dir bootflash:).';
