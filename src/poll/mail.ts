import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { deliveryHeld, stopIfAsked, stoppedAfterDelivery } from '../core/interrupt';
import { plural } from '../core/plural';
import { failpoint } from '../core/testing';
import { type SplitSent, sendSplitting, withheldText } from '../withhold/split';
import type { PollContext } from './context';
import { sentNotes } from './notes';
import type { Letter } from './outbox';
import type { PollResult } from './result';

/** Sends the poll's mail; a mail error then says what becomes of the failures (test-mail has none). */
export async function sendPollMail(cfg: Config, deadline: Deadline, letter: Letter): Promise<SplitSent> {
  try {
    // A mail refused for its content is split around the refused records (src/withhold).
    return await sendSplitting(cfg, deadline, letter.compose, letter.split);
  } catch (err) {
    if (!(err instanceof AppError) || (err.kind !== 'mail' && err.kind !== 'mail-content')) throw err;
    throw err.withNote(
      letter.backfill
        ? 'nothing was mailed: run the backfill again'
        : 'the failures will be sent again on the next run',
    );
  }
}

/**
 * The server accepted the mail: records that, marks the incidents mailed and notes the delivery.
 * Returns the poll's result. A stop asked before the message went out has already said what
 * becomes of the failures (they go out again): nothing is recorded. A stop asked while the server
 * had the message waited for this (holdForData): the delivery is recorded, then the run stops,
 * saying so.
 */
export function delivered(ctx: PollContext, sent: SplitSent, letter: Letter, notes: string[]): PollResult {
  const { cfg, sys, incidents } = ctx;
  const rec = letter.recording;
  const d = letter.rollup;
  failpoint('after-send');
  if (!deliveryHeld()) stopIfAsked(sys.stop, rec.left);
  if (rec.save) afterDelivery(rec.save, rec.notDone, rec.repeats);
  const unsaved = incidents?.save(true);
  const to = cfg.mail.dest.length - sent.rejected.length;
  const stop = sys.stop;
  if (stop?.aborted)
    throw stoppedAfterDelivery(stop, `${plural(d.total, 'failure')} mailed to ${plural(to, 'recipient')}`, rec.moved);
  notes.push(...sentNotes(sent, d), ...(unsaved ? [unsaved] : []));
  const withheld = withheldText(sent);
  if (withheld) notes.unshift(withheld);
  const { rows, ...said } = letter.result;
  return {
    kind: 'mailed',
    found: d.total,
    mailed: d.total,
    muted: d.mutedTotal,
    filtered: d.filteredTotal,
    pending: 0,
    withheld: sent.withheld,
    attachmentRows: rows ? (d.attachment()?.rows ?? 0) : undefined,
    to,
    newest: d.newest,
    incident: incidents?.summary() ?? '',
    ...said,
    notes,
    info: [],
  };
}

/** A state write after the server accepted the mail: if it fails, the error says the mail went and what repeats. */
function afterDelivery(step: () => void, notDone: string, repeats: string): void {
  try {
    step();
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    throw new AppError(
      'state',
      `the mail was delivered, but ${notDone}: ${why}; until that is fixed every run mails ${repeats} again`,
      { cause: err },
    );
  }
}
