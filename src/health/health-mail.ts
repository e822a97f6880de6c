import type { Config } from '../config/config';
import type { ErrorKind } from '../core/errors';
import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import { mailContext } from '../mail/message';
import type { OutgoingMail } from '../mail/transport';
import { stepText } from '../render/chart';
import { band, COLUMN, card, esc, footer, page, para, type Tone } from '../render/layout';
import { type Clock, clockFor } from '../render/time';
import { wrap, wrapAll } from '../render/wrap';
import { headline } from './health-words';

/**
 * The mails about ise-to-mail itself (docs/health.md): PROBLEM, RECOVERED, all quiet. Kept apart
 * from the failure digest's renderer. Every value passes through clean() (one safe line) and, in
 * the HTML part, escapeHtml(): error messages can quote what a server sent.
 */
/** Subjects start with MAIL_SUBJECT_PREFIX like the digests, so one mail rule catches all. */
export const tag = (prefix: string) => `${prefix} ise-to-mail`;
const MAX_LINE = 600;

/** What every health mail needs from the settings: prefix, MAIL_TIMEZONE, the device and ISE. */
export interface HealthContext {
  prefix: string;
  zone: string;
  device: string;
  ise: string;
  /** The active mutes, named in every health mail's footer. */
  mutes?: readonly string[];
}

export const healthContext = (cfg: Config, mutes?: readonly string[]): HealthContext => ({
  prefix: cfg.mail.subjectPrefix,
  zone: cfg.mail.timezone,
  ...mailContext(cfg),
  mutes,
});

/** `2026-11-23 11:10:00 +01:00` in MAIL_TIMEZONE (a subject stands alone: date and offset), or `never`. */
export const when = (clock: Clock, t: number | undefined) =>
  t === undefined ? 'never' : clock.zone === 'UTC' ? clock.full(t).replace(/ \+00:00$/, ' UTC') : clock.full(t);

/**
 * One health mail: a band whose title is the news (the first line of the text part too), then
 * paragraphs, then the footer naming the device and ISE.
 */
export function compose(
  ctx: HealthContext,
  subject: string,
  head: { tone: Tone; label: string; title: string; word: string },
  paragraphs: string[],
): OutgoingMail {
  const lines = paragraphs.map((p) => clean(p, MAX_LINE));
  const title = clean(head.title, MAX_LINE);
  const foot = [
    ...(ctx.mutes?.length ? [`Active mutes: ${ctx.mutes.join('; ')} (run.js mutes lists them).`] : []),
    `Sent by ise-to-mail on ${ctx.device} about its own health (docs/health.md); ISE ${ctx.ise}; ` +
      `times in ${ctx.zone}.`,
  ];
  const text = wrapAll([...wrap(`${head.word}: ${title}`), '', ...lines.flatMap((l) => [l, '']), '-- ', ...foot]);
  const body = [...lines.map((l) => para(esc(l))), footer(foot)];
  return {
    subject: clean(subject, 200),
    text: `${text.join('\n')}\n`,
    html: page(subject, [card(band(head.tone, head.label, title), body)]),
  };
}

export interface Problem {
  kind: ErrorKind;
  exitCode: number;
  message: string;
  /** First failed run of the streak. */
  since: number;
  failedRuns: number;
  lastSuccess?: number;
  repeatMs: number;
  /** STATE_DIR cannot be written: no run is counted or recorded, and the mail is timed from the last state written. */
  unwritable?: boolean;
}

export function problemMail(p: Problem, ctx: HealthContext): OutgoingMail {
  const what = headline(p.kind);
  const clock = clockFor(ctx.zone, p.since, p.since);
  return compose(
    ctx,
    `${tag(ctx.prefix)} PROBLEM: ${what} since ${when(clock, p.since)}`,
    {
      tone: 'alarm',
      label: `ise-to-mail PROBLEM on ${ctx.device}`,
      word: 'PROBLEM',
      title: `RADIUS failures are NOT being mailed since ${clock.range(p.since, p.since)}`,
    },
    [`What broke: ${what} (exit code ${p.exitCode}).`, `Reason and remedy: ${p.message}`, ...problemRepeats(p, clock)],
  );
}

/** How often the PROBLEM comes back, and whether a RECOVERED note will follow. */
function problemRepeats(p: Problem, clock: Clock): string[] {
  const last = `last successful poll: ${when(clock, p.lastSuccess)}`;
  const keeps = 'ISE keeps the failures meanwhile: the first successful run mails them all (if ISE still holds them).';
  if (p.unwritable)
    return [
      `STATE_DIR cannot be written, so no run can record anything: this mail is timed from the last state ` +
        `written (${when(clock, p.since)}) and repeats about hourly while this lasts; no RECOVERED note follows, ` +
        `the next mail of failures shows it works again; ${last}.`,
      keeps,
    ];
  return [
    `${plural(p.failedRuns, 'run')} failed in a row; ${last}.`,
    keeps,
    `This reminder repeats every ${stepText(p.repeatMs)} while the problem lasts; a RECOVERED note follows when ` +
      `ise-to-mail works again.`,
  ];
}

export interface Recovery {
  /** Time of the run that worked again. */
  back: number;
  /** First failed run of the outage, when known. */
  since?: number;
  failedRuns: number;
  lastError?: { kind: ErrorKind; message: string };
}

function recoveryLines(r: Recovery, found: number, clock: Clock, mail: 'digest' | 'mail' = 'mail'): string[] {
  const what = r.lastError
    ? `${headline(r.lastError.kind)}; last error: ${r.lastError.message}`
    : 'see the earlier PROBLEM mail';
  const runs = r.failedRuns > 0 ? `${plural(r.failedRuns, 'failed run')}, ` : '';
  return [
    `It had failed since ${when(clock, r.since)} (${runs}${what}).`,
    found > 0
      ? `The ${found} RADIUS failure${found === 1 ? '' : 's'} ISE recorded meanwhile ` +
        `${found === 1 ? 'is' : 'are'} in this ${mail}.`
      : 'ISE holds no new RADIUS failures from that time: there is no backlog to mail.',
  ];
}

const recoveredTitle = (r: Recovery, clock: Clock) => `ise-to-mail is working again since ${when(clock, r.back)}`;

/** A separate RECOVERED note, for a recovering run that has no failures to mail. */
export function recoveryMail(r: Recovery, ctx: HealthContext): OutgoingMail {
  const clock = clockFor(ctx.zone, r.back, r.back);
  return compose(
    ctx,
    `${tag(ctx.prefix)} RECOVERED: working again since ${when(clock, r.back)}`,
    { tone: 'ok', label: `ise-to-mail RECOVERED on ${ctx.device}`, title: recoveredTitle(r, clock), word: 'RECOVERED' },
    recoveryLines(r, 0, clock),
  );
}

/** The RECOVERED note folded into the top of the digest that carries the backlog: a green card first. */
export function foldRecovery(
  mail: OutgoingMail,
  r: Recovery,
  found: number,
  ctx: HealthContext,
  /** What the note is folded into: a digest, or a run's own mail. */
  kind: 'digest' | 'mail',
): OutgoingMail {
  const clock = clockFor(ctx.zone, r.back, r.back);
  const title = recoveredTitle(r, clock);
  const lines = recoveryLines(r, found, clock, kind).map((l) => clean(l, MAX_LINE));
  const html = card(
    band('ok', 'ise-to-mail RECOVERED', title),
    lines.map((l) => para(esc(l))),
  );
  const { prefix } = ctx;
  const at = mail.html.indexOf(COLUMN);
  return {
    ...mail,
    // The digest's own prefix is not repeated: it keeps its counts and top reason.
    subject: clean(
      `${tag(prefix)} RECOVERED; ` +
        `${mail.subject.startsWith(prefix) ? mail.subject.slice(prefix.length).trim() : mail.subject}`,
      200,
    ),
    text: `${wrapAll([`RECOVERED: ${title}`, ...lines]).join('\n')}\n\n${mail.text}`,
    html:
      at < 0
        ? `${html}\n${mail.html}`
        : `${mail.html.slice(0, at + COLUMN.length)}\n${html}${mail.html.slice(at + COLUMN.length)}`,
  };
}
