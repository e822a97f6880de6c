import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { recordingDelivery, stopIfAsked, THE_RUN, untilStopped } from '../core/interrupt';
import type { Io, System } from '../core/outcome';
import { failpoint } from '../core/testing';
import { muteLabels } from '../mutes/label';
import { loadMutes } from '../mutes/store';
import { targetText } from '../mutes/target';
import { footerMute, ignoredText } from '../mutes/words';
import { timeFormat } from '../render/time';
import { Spool } from '../spool/spool';
import { minSendMs, type PollContext, type RunOptions } from './context';
import { fetchBatch, nextCursor } from './fetch';
import { incidentsOn, PollIncidents } from './incidents';
import { delivered, sendPollMail } from './mail';
import { runNotes } from './notes';
import type { Fetched, Outbox } from './outbox';
import { DirectOutbox } from './outbox-direct';
import { SpoolOutbox } from './outbox-spool';
import type { PollResult } from './result';

export type { RunOptions } from './context';

/**
 * One poll without the lock, the only pipeline: open, fetch, hand the batch to where failures
 * wait (the outbox), send if a mail is due, record the delivery. Every new record goes through
 * Batch.deliver into the rollup, which applies filters and mutes. In ALERT_MODE=each-run the
 * failures go straight into this run's mail (outbox-direct.ts); in digest mode, while mutes are
 * active or while the spool still holds failures, through the spool (outbox-spool.ts), so
 * nothing muted disappears unseen. --since backfills bypass the spool.
 */
export async function poll(cfg: Config, opts: RunOptions, deadline: Deadline, io: Io, sys: System) {
  stopIfAsked(sys.stop);
  // Read before fetching: a corrupt incidents.json stops the run (exit 2) with the cursor untouched.
  const incidents = incidentsOn(cfg, opts.since !== undefined) ? new PollIncidents(cfg, sys.now()) : undefined;
  const mutes = loadMutes(cfg.stateDir, sys.now());
  const fmt = timeFormat(cfg.mail.timezone);
  const footer = mutes.active.map((m) => footerMute(m, fmt));
  const ctx: PollContext = { cfg, opts, deadline, io, sys, incidents, mutes: footer, mute: muteLabels(mutes) };
  const r = await pollThrough(ctx, openOutbox(ctx));
  const said = mutes.ignored.map((m) => `mute ${m.id} (${targetText(m)}): ${ignoredText(m, fmt)}`);
  return said.length === 0 ? r : { ...r, notes: [...r.notes, ...said] };
}

/** The spool once it is in use (or mutes are); a backfill never touches it. */
function openOutbox(ctx: PollContext): Outbox {
  const { cfg, opts } = ctx;
  const spool = opts.since !== undefined ? undefined : Spool.open(cfg.stateDir, !opts.dryRun);
  const spooling = spool && (cfg.alert.mode === 'digest' || spool.total + spool.muted > 0 || ctx.mute);
  return spooling ? new SpoolOutbox(ctx, spool) : new DirectOutbox(ctx);
}

async function pollThrough(ctx: PollContext, outbox: Outbox): Promise<PollResult> {
  const { sys } = ctx;
  // A stop before any commit: the cursor did not move, the same failures are fetched again.
  const run = await untilStopped(sys.stop, fetchInto(ctx, outbox), THE_RUN, () => 'fetched-again');
  failpoint('after-fetch');
  return { ...(await pollFetched(ctx, outbox, run)), unreadable: run.unreadable.total };
}

/** After the fetch: keep the batch where failures wait, then send if a mail is due. */
async function pollFetched(ctx: PollContext, outbox: Outbox, run: Fetched): Promise<PollResult> {
  const { cfg, sys } = ctx;
  if (ctx.opts.dryRun) return outbox.preview(run);
  try {
    const waiting = outbox.hold(run);
    if (waiting) return waiting;
    if (ctx.deadline.remaining() < minSendMs(cfg)) return outbox.late(run);
    const letter = outbox.letter(run);
    // A stop while the server has the message waits for the delivery to be recorded (recordingDelivery).
    const sending = recordingDelivery(async () =>
      delivered(ctx, await sendPollMail(cfg, ctx.deadline, letter), letter, run.notes),
    );
    return await untilStopped(sys.stop, sending, THE_RUN, () => letter.recording.left);
  } finally {
    outbox.close();
  }
}

/** The fetch, and what the cursor does once its failures are mailed; a failed fetch leaves nothing behind. */
async function fetchInto(ctx: PollContext, outbox: Outbox): Promise<Fetched> {
  const { cfg, opts } = ctx;
  const cursor = outbox.cursor;
  let fetched: Awaited<ReturnType<typeof fetchBatch>>;
  try {
    fetched = await fetchBatch(ctx, cursor, () => outbox.rollup());
  } catch (err) {
    outbox.abandon();
    throw err;
  }
  const { batch, unreadable } = fetched;
  // Worked out now, saved only once the mail is accepted: the mail says what the cursor will do.
  const next = opts.since !== undefined ? cursor : nextCursor(cfg, cursor, batch);
  const facts = { unreadable, batch, cursor, next };
  return { ...facts, notes: [...runNotes(cfg, facts), ...outbox.notes] };
}
