import type { OutgoingMail } from '../mail/transport';
import { type Clock, clockFor } from '../render/time';
import { compose, type HealthContext, tag, when } from './health-mail';

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
export function heartbeatMail(q: Quiet, ctx: HealthContext): OutgoingMail {
  const clock = clockFor(ctx.zone, q.since, q.now);
  const w = q.waiting ?? { pending: 0, muted: 0 };
  const ran = `ise-to-mail is working: its poll of ISE at ${when(clock, q.now)} succeeded`;
  const waits = w.pending + w.muted > 0;
  const head = waits
    ? { label: `ise-to-mail working on ${ctx.device}`, title: waitText(w, clock), word: 'WORKING' }
    : {
        label: `ise-to-mail all quiet on ${ctx.device}`,
        title: `No RADIUS failures since ${clock.short(q.since)}`,
        word: 'ALL QUIET',
      };
  const subject = waits
    ? `working: ${waitText(w, clock)}`
    : `all quiet: no RADIUS failures since ${when(clock, q.since)}`;
  return compose(ctx, `${tag(ctx.prefix)} ${subject}`, { tone: 'ok', ...head }, [
    waits
      ? `${ran}. ${waitText(w, clock, ' in the spool')}; nothing was mailed since ${when(clock, q.since)}.`
      : `${ran}, and no RADIUS failures were mailed since ${when(clock, q.since)}.`,
    `This note comes ${q.period === 'daily' ? 'once a day' : 'once a week'} (HEARTBEAT=${q.period}) when nothing ` +
      `else was mailed, so you can tell quiet from dead.`,
    'If it stops arriving, check ise-to-mail on the device (run.js doctor).',
  ]);
}

/** `2 RADIUS failures (and 3 muted) wait for the digest at ...`, `1 muted RADIUS failure waits for the next mail` */
function waitText(w: Waiting, clock: Clock, where = ''): string {
  const n = w.pending > 0 ? w.pending : w.muted;
  const what = `${n} ${w.pending > 0 ? '' : 'muted '}RADIUS failure${n === 1 ? '' : 's'}`;
  const also = w.pending > 0 && w.muted > 0 ? ` (and ${w.muted} muted)` : '';
  const due = w.pending > 0 && w.dueAt !== undefined ? `the digest at ${when(clock, w.dueAt)}` : 'the next mail';
  return `${what}${also} ${n === 1 && !also ? 'waits' : 'wait'}${where} for ${due}`;
}
