import type { Config } from '../config/config';
import { stopIfAsked } from '../core/interrupt';
import type { Outcome } from '../core/outcome';
import { plural } from '../core/plural';
import { failpoint } from '../core/testing';
import { summaryTime } from '../core/times';
import type { Digest } from '../format/digest';
import { compileFilters } from '../format/filters';
import { initialAttachmentBudget } from '../sizecap/fit';
import type { Spool } from '../spool/spool';
import { type Cursor, emptyCursor, readCursorFile } from '../state/cursor';
import { stateFile } from '../state/files';
import { sendDigest, spoolMailParts } from './digest-send';
import { composer } from './poll-mail';
import {
  commitEmpty,
  fetchBatch,
  type MuteLabel,
  minSendMs,
  nextCursor,
  type PollContext,
  type RunOptions,
} from './steps';
import { outcome, type PollFacts, printMessage, runNotes } from './summary';

/** When the spooled digest goes out: now, at a boundary (ms), or not at all while the spool is not open. */
type Due = 'now' | number | undefined;

/**
 * A poll through the digest spool (ALERT_MODE=digest; in each-run mode while mutes are active or
 * the spool still holds failures). The new records and the cursor after them are committed to the
 * spool first; then, when the digest is due (in each-run mode: whenever the mail body has a
 * failure), the whole spool goes out as one mail and is emptied. A failed send leaves it all in
 * the spool for the next run.
 */
export async function digestPoll(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  mute?: MuteLabel,
): Promise<Outcome> {
  const file = opts.dryRun ? spool.cursorFile() : stateFile.cursor(cfg.stateDir);
  const cursor = opts.resetCursor ? emptyCursor() : readCursorFile(file);
  const before = spool.total;
  const mutedBefore = spool.muted;
  const spooled = spool.seen;
  const clamped = spool.clampOpenedAt(ctx.sys.now(), !opts.dryRun);
  const { batch, unreadable } = await fetchToSpool(cfg, opts, ctx, spool, cursor, mute);
  failpoint('after-fetch');
  const facts = { unreadable, batch, cursor, next: nextCursor(cfg, cursor, batch) };
  const notes = runNotes(cfg, facts);
  if (clamped !== undefined)
    notes.push(
      `spool.json openedAt ${summaryTime(clamped)} lay in the future: counted from now ` +
        '(check the device clock and NTP)',
    );
  const now = ctx.sys.now();
  const found = batch.digest.seenTotal - spooled;
  if (opts.dryRun) {
    spool.discard();
    return dryRun(cfg, opts, ctx, spool, { d: batch.digest, found, notes, now, facts });
  }
  const unsaved = commitRun(cfg, opts, ctx, spool, facts, found, now);
  if (unsaved) notes.push(unsaved);
  const storm = mutedStorm(cfg, spool.total - before, spool.muted - mutedBefore);
  if (storm) notes.push(storm.note);
  // An opened incident is mailed at once, with the pending digest: every failure in exactly one mail.
  const urgent = opts.flush === true || (ctx.incidents?.verdict()?.opened.length ?? 0) > 0;
  const due = storm ? 'now' : nextDigest(cfg, spool, urgent);
  if ((spool.total === 0 && !storm) || due === undefined || (due !== 'now' && due > now)) {
    const dueAt = typeof due === 'number' ? summaryTime(due) : undefined;
    const data = { mailed: 0, spooled: batch.mailed.size, pending: spool.total, muted: spool.muted, dueAt };
    // The first run says how the default works: nothing arrives at once unless it is an incident.
    const first =
      cursor.highWater === undefined && cfg.alert.mode === 'digest' && spool.total > 0 ? `; ${FIRST_RUN}` : '';
    return outcome(notes, `${waitingText(spool, found, due)}${first}`, data);
  }
  if (ctx.deadline.remaining() < minSendMs(cfg)) {
    notes.push(
      'the digest was due but fetching used up RUN_DEADLINE: it stays in the spool and the next run sends it; ' +
        'if this repeats, raise RUN_DEADLINE (below the EEM maxrun) or check how slowly ISE answers',
    );
    return outcome(notes, waitingText(spool, found, due), { mailed: 0, pending: spool.total });
  }
  return sendDigest(cfg, opts, ctx, spool, { notes, facts, body: spool.total - before, mute, storm });
}

/**
 * A storm is never muted: a poll that brings more than STORM_THRESHOLD failures (muted ones
 * included) sends the spool at once, even when a mute (user:* --force) kept all of them out of
 * the body, and the mail says so on top. The muted ones stay counted by mute and attached.
 */
function mutedStorm(cfg: Config, body: number, muted: number) {
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

/** getFailures into the digest the spool starts for this run; a failed fetch leaves no segment behind. */
async function fetchToSpool(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  cursor: Cursor,
  mute?: MuteLabel,
) {
  const filter = compileFilters(cfg.filters);
  const attach = opts.dryRun ? 'none' : cfg.mail.attach;
  const newDigest = () => spool.digestForRun({ filter, mute }, attach, initialAttachmentBudget(cfg));
  try {
    return await fetchBatch(cfg, opts, cursor, newDigest, ctx);
  } catch (err) {
    spool.discard();
    throw err;
  }
}

/**
 * Commits this run's failures and the cursor after them to the spool (with none, the cursor alone).
 * Not once a stop was asked: a stopped run commits nothing and says the same failures are fetched
 * again. From here on a stop leaves them in the spool, and the run says that instead (onSpooled).
 * Returns the note of an incident state that could not be saved.
 */
function commitRun(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  f: PollFacts,
  found: number,
  now: number,
) {
  stopIfAsked(ctx.sys.stop);
  // Incidents first (any opened one marked owed): a crash before the spool commit fetches these
  // records again; one after it still finds the incident owed to the next mail.
  const unsaved = ctx.incidents?.save(false);
  if (found > 0 || f.batch.mailed.size > 0) spool.commit(f.batch.digest, f.next, now);
  else {
    spool.discard();
    commitEmpty(cfg, f.cursor, f.next, opts.resetCursor);
  }
  opts.onSpooled?.();
  return unsaved;
}

/**
 * When the spooled digest goes out: now in each-run mode, with --flush or an opened incident; else
 * at the first boundary after the spool opened (Spool.dueAt). `opensAt`: when a spool not open yet
 * would open with this run's failures (a dry run, which commits nothing).
 */
function nextDigest(cfg: Config, spool: Spool, urgent: boolean, opensAt?: number): Due {
  const at = spool.dueAt(cfg.alert.schedule, cfg.mail.timezone, opensAt);
  if (at === undefined) return undefined;
  return cfg.alert.mode === 'each-run' || urgent ? 'now' : at;
}

export const FIRST_RUN =
  'routine failures arrive in one digest per period, incidents at once; run --flush sends the first digest now';

/** `12 new failures spooled; 49 pending for the digest at 2026-11-23T10:00:00.000Z, 3 muted` */
function waitingText(spool: Spool, found: number, due: Due): string {
  const fresh = found > 0 ? plural(found, 'new failure') : 'no new failures';
  const muted = spool.muted > 0 ? `, ${spool.muted} muted` : '';
  if (spool.total === 0) {
    if (spool.muted === 0) return found > 0 ? `${fresh}, none for the mail body` : fresh;
    return `${fresh}; ${spool.muted} muted failure(s) wait in the spool for the next mail`;
  }
  const when = due === undefined || due === 'now' ? 'now' : `at ${summaryTime(due)}`;
  return `${found > 0 ? `${fresh} spooled` : fresh}; ${spool.total} pending for the digest ${when}${muted}`;
}

/** --dry-run: the digest as it stands with this run's failures, and when it would go out. */
function dryRun(
  cfg: Config,
  opts: RunOptions,
  ctx: PollContext,
  spool: Spool,
  run: { d: Digest; found: number; notes: string[]; now: number; facts: PollFacts },
): Outcome {
  const { d, found, notes, now } = run;
  const fresh = plural(found, 'new failure');
  if (d.total === 0)
    return outcome(notes, `dry run: ${fresh}, nothing for the mail body; nothing sent, cursor unchanged`);
  const verdict = ctx.incidents?.verdict();
  // What `run --flush` would send now: the same parts; a spool not open yet opens with this run.
  const parts = {
    ...spoolMailParts(cfg, run.facts, spool.openedAt ?? now, now),
    incidents: verdict,
    mutes: ctx.mutes,
    preview: true,
  };
  printMessage(ctx.io, cfg, composer(cfg, d, now, parts)(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
  // Nothing is committed: a spool not open yet counts as opened now, with this run's failures.
  const due = nextDigest(cfg, spool, opts.flush === true || (verdict?.opened.length ?? 0) > 0, now);
  const when = due === undefined || due === 'now' || due <= now ? 'now' : `at ${summaryTime(due)}`;
  const what = `the digest of ${plural(d.total, 'failure')} would go out ${when}`;
  const said = ctx.incidents?.summary() ?? '';
  return outcome(notes, `dry run: ${fresh} found; ${what}; nothing sent, cursor unchanged${said}`);
}
