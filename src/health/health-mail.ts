import type { ErrorKind } from '../core/errors';
import { plural } from '../core/plural';
import { clean, escapeHtml } from '../format/sanitize';
import type { OutgoingMail } from '../mail/transport';

/**
 * The mails about ise-to-mail itself (README "health"): PROBLEM, RECOVERED, all quiet. Kept apart
 * from the failure digest's renderer. Every value passes through clean() (one safe line) and, in
 * the HTML part, escapeHtml(): error messages can quote what a server sent.
 */
/** Subjects start with MAIL_SUBJECT_PREFIX like the digests, so one mail rule catches all. */
const tag = (prefix: string) => `${prefix} ise-to-mail`;
const MAX_LINE = 600;

export function fmtUtc(t: number | undefined): string {
  return t === undefined
    ? 'never'
    : `${new Date(t)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')} UTC`;
}

export function fmtSpan(ms: number): string {
  const units: Array<[number, string]> = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)}h` : `${Math.round(ms / 60_000)}m`;
}

/** What broke, in a few words: the PROBLEM and RECOVERED subjects and first lines. */
const HEADLINE: Record<ErrorKind, string> = {
  'account-disabled': 'pxGrid account DISABLED on ISE',
  'account-pending': 'pxGrid account PENDING approval on ISE',
  account: 'pxGrid account refused by ISE',
  'ise-tls': 'TLS trust to ISE failed',
  'ise-timeout': 'ISE does not answer in time',
  'ise-unreachable': 'cannot reach ISE',
  'ise-protocol': 'ISE pxGrid answers with errors',
  mail: 'cannot deliver mail',
  'mail-content': 'the mail server refuses the alert mail for its content',
  usage: 'configuration or state error',
  state: 'configuration or state error',
  locked: 'another run holds the lock',
  'lock-stuck': 'a run is stuck holding the lock',
  sighup: 'runs are stopped before they finish (SIGHUP)',
  sigint: 'runs are stopped before they finish (SIGINT)',
  sigterm: 'runs are stopped before they finish (SIGTERM)',
  internal: 'internal error',
};

export const headline = (kind: ErrorKind): string => HEADLINE[kind];

function compose(subject: string, paragraphs: string[], mutes: readonly string[] = []): OutgoingMail {
  const lines = paragraphs.map((p) => clean(p, MAX_LINE));
  const muted = mutes.length ? [`Active mutes: ${mutes.join('; ')} (run.js mutes lists them).`] : [];
  const footer = [...muted, 'Sent by ise-to-mail about its own health (README section "health").'].join('\n');
  return {
    subject: clean(subject, 200),
    text: `${[...lines, '', '-- ', footer].join('\n')}\n`,
    html: [
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">',
      ...lines.map(
        (l, i) =>
          `<p${i === 0 ? ' style="font-size:15px"' : ''}>${i === 0 ? `<b>${escapeHtml(l)}</b>` : escapeHtml(l)}</p>`,
      ),
      `<p style="color:#666;font-size:12px">${escapeHtml(footer).replace(/\n/g, '<br>')}</p>`,
      '</body></html>',
    ].join('\n'),
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

export function problemMail(p: Problem, prefix: string, mutes?: readonly string[]): OutgoingMail {
  const what = headline(p.kind);
  const last = `last successful poll: ${fmtUtc(p.lastSuccess)}`;
  return compose(
    `${tag(prefix)} PROBLEM: ${what} since ${fmtUtc(p.since)}`,
    [
      `ise-to-mail: ${what} since ${fmtUtc(p.since)}.`,
      `Reason and remedy (exit code ${p.exitCode}): ${p.message}`,
      p.unwritable
        ? `STATE_DIR cannot be written, so no run can record anything: this mail is timed from the last state ` +
          `written (${fmtUtc(p.since)}) and repeats about hourly while this lasts; no RECOVERED note follows, the ` +
          `next mail of failures shows it works again; ${last}.`
        : `${plural(p.failedRuns, 'run')} failed in a row; ${last}.`,
      'While this lasts, RADIUS failures are NOT mailed. ISE keeps them: the first successful run mails them all ' +
        '(if ISE still holds them).',
      ...(p.unwritable
        ? []
        : [
            `This reminder repeats every ${fmtSpan(p.repeatMs)} while the problem lasts; a RECOVERED note follows ` +
              `when ise-to-mail works again.`,
          ]),
    ],
    mutes,
  );
}

export interface Recovery {
  /** Time of the run that worked again. */
  back: number;
  /** First failed run of the outage, when known. */
  since?: number;
  failedRuns: number;
  lastError?: { kind: ErrorKind; message: string };
}

function recoveryLines(r: Recovery, found: number): string[] {
  const what = r.lastError
    ? `${headline(r.lastError.kind)}; last error: ${r.lastError.message}`
    : 'see the earlier PROBLEM mail';
  const runs = r.failedRuns > 0 ? `${plural(r.failedRuns, 'failed run')}, ` : '';
  return [
    `ise-to-mail is working again since ${fmtUtc(r.back)}.`,
    `It had failed since ${fmtUtc(r.since)} (${runs}${what}).`,
    found > 0
      ? `The ${found} RADIUS failure${found === 1 ? '' : 's'} ISE recorded meanwhile ` +
        `${found === 1 ? 'is' : 'are'} in this digest.`
      : 'ISE holds no new RADIUS failures from that time: there is no backlog to mail.',
  ];
}

/** A separate RECOVERED note, for a recovering run that has no failures to mail. */
export function recoveryMail(r: Recovery, prefix: string, mutes?: readonly string[]): OutgoingMail {
  return compose(`${tag(prefix)} RECOVERED: working again since ${fmtUtc(r.back)}`, recoveryLines(r, 0), mutes);
}

/** The RECOVERED note folded into the top of the digest that carries the backlog. */
export function foldRecovery(mail: OutgoingMail, r: Recovery, found: number, prefix: string): OutgoingMail {
  const lines = recoveryLines(r, found).map((l) => clean(l, MAX_LINE));
  const html = `<p style="color:#060;font-size:15px"><b>${lines.map(escapeHtml).join('<br>')}</b></p>`;
  const body = /<body[^>]*>/i;
  return {
    ...mail,
    // The digest's own prefix is not repeated: it keeps its counts and top reason.
    subject: clean(
      `${tag(prefix)} RECOVERED; ` +
        `${mail.subject.startsWith(prefix) ? mail.subject.slice(prefix.length).trim() : mail.subject}`,
      200,
    ),
    text: `${lines.join('\n')}\n\n${mail.text}`,
    html: body.test(mail.html) ? mail.html.replace(body, (tag) => `${tag}\n${html}`) : `${html}\n${mail.html}`,
  };
}

/** Failures the poll left in the spool: for the digest (due at `dueAt`), and muted ones. */
export interface Waiting {
  pending: number;
  muted: number;
  dueAt?: number;
}

export interface Quiet {
  /** Start of the quiet period: last mail of failures, recovery note or heartbeat. */
  since: number;
  now: number;
  period: 'daily' | 'weekly';
  waiting?: Waiting;
}

/**
 * The heartbeat. "All quiet" only when nothing waits: with failures in the spool (a digest not due
 * yet, muted ones) that claim would be false, so the subject and the first line say what waits.
 */
export function heartbeatMail(q: Quiet, prefix: string, mutes?: readonly string[]): OutgoingMail {
  const w = q.waiting ?? { pending: 0, muted: 0 };
  const ran = `ise-to-mail is working: its poll of ISE at ${fmtUtc(q.now)} succeeded`;
  const [subject, first] =
    w.pending + w.muted > 0
      ? [
          `working: ${waitText(w)}`,
          `${ran}. ${waitText(w, ' in the spool')}; nothing was mailed since ${fmtUtc(q.since)}.`,
        ]
      : [
          `all quiet: no RADIUS failures since ${fmtUtc(q.since)}`,
          `${ran}, and no RADIUS failures were mailed since ${fmtUtc(q.since)}.`,
        ];
  return compose(
    `${tag(prefix)} ${subject}`,
    [
      first,
      `This note comes ${q.period === 'daily' ? 'once a day' : 'once a week'} (HEARTBEAT=${q.period}) when nothing ` +
        `else was mailed, so you can tell quiet from dead.`,
      'If it stops arriving, check ise-to-mail on the device (run.js doctor).',
    ],
    mutes,
  );
}

/** `2 RADIUS failures (and 3 muted) wait for the digest at ...`, `1 muted RADIUS failure waits for the next mail` */
function waitText(w: Waiting, where = ''): string {
  const n = w.pending > 0 ? w.pending : w.muted;
  const what = `${n} ${w.pending > 0 ? '' : 'muted '}RADIUS failure${n === 1 ? '' : 's'}`;
  const also = w.pending > 0 && w.muted > 0 ? ` (and ${w.muted} muted)` : '';
  const when = w.pending > 0 && w.dueAt !== undefined ? `the digest at ${fmtUtc(w.dueAt)}` : 'the next mail';
  return `${what}${also} ${n === 1 && !also ? 'waits' : 'wait'}${where} for ${when}`;
}
