import { AppError } from '../core/errors';
import { stopIfAsked } from '../core/interrupt';
import type { FailureRecord } from '../pxgrid/schemas';
import { compileFilters, filterNotes } from '../rollup/filters';
import { Rollup } from '../rollup/rollup';
import { initialAttachmentBudget } from '../sizecap/fit';
import { type Cursor, emptyCursor, loadCursor, saveCursor } from '../state/cursor';
import { RecordKeeper } from '../withhold/records';
import { attachmentRecords } from '../withhold/rows';
import { composer, printMessage, splitting } from './compose';
import { minSendMs, type PollContext } from './context';
import { CursorAside } from './cursor-aside';
import { commitEmpty, recoveryFor } from './fetch';
import { mailNotes } from './notes';
import type { Fetched, Letter, Outbox } from './outbox';
import type { PollResult } from './result';

/**
 * Each-run mode with nothing pending, and --since backfills: the batch is this run's mail, sent
 * now, the cursor moved only once the server accepted it (written aside before, CursorAside).
 */
export class DirectOutbox implements Outbox {
  readonly cursor: Cursor;
  readonly notes: string[] = [];
  /**
   * Kept for a mail refused for its content, to split it (src/withhold), when there is no
   * attachment to read them back from (MAIL_ATTACH=none).
   */
  readonly #keep = new RecordKeeper();
  #aside: CursorAside | undefined;

  constructor(private readonly ctx: PollContext) {
    this.cursor = ctx.opts.resetCursor ? emptyCursor() : loadCursor(ctx.cfg.stateDir);
  }

  get #attach() {
    return this.ctx.opts.dryRun ? 'none' : this.ctx.cfg.mail.attach;
  }

  rollup(): Rollup {
    const { cfg, opts, mute } = this.ctx;
    this.#keep.reset();
    const keep = this.#keep;
    const onAttach = opts.dryRun || this.#attach !== 'none' ? undefined : (r: FailureRecord) => keep.add(r);
    const filter = compileFilters(cfg.filters);
    return new Rollup({ filter, mute, attach: this.#attach, attachBudget: initialAttachmentBudget(cfg), onAttach });
  }

  abandon(): void {}

  preview(run: Fetched): PollResult {
    const { cfg, io, sys, incidents } = this.ctx;
    const d = run.batch.rollup;
    if (d.total === 0) return this.#idle(run, false);
    const parts = { ...this.#parts(run, []), groups: run.batch.groups, preview: true };
    printMessage(io, cfg, composer(cfg, d, sys.now(), parts)(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    const counts = { found: d.total, mailed: d.total, muted: d.mutedTotal, filtered: d.filteredTotal, pending: 0 };
    const incident = incidents?.summary() ?? '';
    const backfill = this.ctx.opts.since !== undefined;
    return { kind: 'dry-run', ...counts, newest: d.newest, backfill, incident, notes: run.notes, info: [] };
  }

  hold(run: Fetched): PollResult | undefined {
    if (run.batch.rollup.total === 0) return this.#idle(run, true);
    if (this.ctx.opts.since === undefined) this.#aside = new CursorAside(this.ctx.cfg, run.next);
    return undefined;
  }

  late(): PollResult {
    throw new AppError(
      'ise-timeout',
      'fetching from ISE used up RUN_DEADLINE, no time was left to send the mail; nothing was mailed and the ' +
        'cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)',
    );
  }

  letter(run: Fetched): Letter {
    const { cfg, opts, sys, mute } = this.ctx;
    const aside = this.#aside;
    const d = run.batch.rollup;
    const parts = {
      ...this.#parts(run, aside?.notes() ?? []),
      subjectPrefix: aside?.subjectPrefix(),
      recovery: recoveryFor(opts, run),
    };
    const backfill = opts.since !== undefined;
    const keep = this.#keep;
    return {
      rollup: d,
      compose: composer(cfg, d, sys.now(), { ...parts, groups: run.batch.groups }),
      split: splitting(cfg, () => keptRecords(d, keep), { mute, attach: this.#attach }, sys.now(), {
        ...parts,
        reserveMs: minSendMs(cfg),
      }),
      recording: {
        save: aside && (() => aside.commit()),
        notDone: 'the cursor was not saved',
        repeats: 'these failures',
        left: 'fetched-again',
        moved: aside ? 'the cursor has moved past them' : 'the cursor is unchanged',
      },
      backfill,
      result: { backfill, rows: true, recovered: !!parts.recovery },
    };
  }

  close(): void {
    this.#aside?.abort();
  }

  /** What this run's mail says besides its failures; a backfill's mail says it is one. */
  #parts(run: Fetched, notes: string[]) {
    const { opts, incidents, mutes } = this.ctx;
    const show = opts.since !== undefined ? { backfill: true } : undefined;
    return { notes: [...notes, ...mailNotes(run)], incidents: incidents?.verdict(), mutes, show };
  }

  /**
   * Nothing for the mail body: the rules still learn and close incidents; what they say waits for
   * the next mail. Every new record muted or filtered out: no mail, but the cursor moves past them
   * (exit 0); muted ones reach this only in a --since backfill: scheduled runs keep them in the spool.
   */
  #idle(run: Fetched, keep: boolean): PollResult {
    const { cfg, opts, sys, incidents } = this.ctx;
    const d = run.batch.rollup;
    d.close();
    stopIfAsked(sys.stop);
    const unsaved = opts.dryRun ? undefined : incidents?.save(false);
    if (unsaved) run.notes.push(unsaved);
    const commit = keep && opts.since === undefined;
    const base = { mailed: 0, muted: 0, filtered: 0, pending: 0, notes: run.notes, info: [] };
    if (d.seenTotal === 0) {
      if (commit) commitEmpty(cfg, run.cursor, run.next, opts.resetCursor);
      return { kind: 'none', found: 0, ...base };
    }
    if (commit) saveCursor(cfg.stateDir, run.next);
    const aside = {
      found: d.seenTotal,
      muted: d.mutedTotal,
      filtered: d.filteredTotal,
      filteredBy: filterNotes(d.filtered, false),
    };
    return { kind: 'aside', ...base, ...aside, committed: commit };
  }
}

/** The mail's records, for a split: read back from its attachment, or the ones kept without one. */
function keptRecords(d: Rollup, keep: RecordKeeper): FailureRecord[] | undefined {
  const attachment = d.attachment();
  return attachment ? attachmentRecords(attachment) : keep.records;
}
