import { stopIfAsked } from '../core/interrupt';
import { summaryTime } from '../core/times';
import { compileFilters } from '../rollup/filters';
import type { Rollup } from '../rollup/rollup';
import { initialAttachmentBudget } from '../sizecap/fit';
import type { Spool } from '../spool/spool';
import { type Cursor, emptyCursor, readCursorFile } from '../state/cursor';
import { stateFile } from '../state/files';
import { composer, printMessage } from './compose';
import type { PollContext } from './context';
import { commitEmpty } from './fetch';
import type { Fetched, Letter, Outbox } from './outbox';
import { type Added, digestLetter, mutedStorm, spoolMailParts } from './outbox-spool-mail';
import type { Due, PollResult } from './result';

/**
 * Digest mode, and each-run mode while mutes are active or the spool still holds failures: the
 * new records and the cursor after them are committed to the spool first; then, when the digest
 * is due (in each-run mode: whenever the mail body has a failure), the whole spool goes out as
 * one mail and is emptied once accepted. A failed send leaves it all in the spool for the next run.
 */
export class SpoolOutbox implements Outbox {
  readonly cursor: Cursor;
  readonly notes: string[] = [];
  readonly #before: number;
  readonly #mutedBefore: number;
  readonly #spooled: number;
  /** What this run added to the spool (hold). */
  #added: Added = { body: 0, muted: 0, storm: false };
  /** When the digest was found due (hold). */
  #dueAt: Due;

  constructor(
    private readonly ctx: PollContext,
    private readonly spool: Spool,
  ) {
    const { cfg, opts, sys } = ctx;
    const file = opts.dryRun ? spool.cursorFile() : stateFile.cursor(cfg.stateDir);
    this.cursor = opts.resetCursor ? emptyCursor() : readCursorFile(file);
    this.#before = spool.total;
    this.#mutedBefore = spool.muted;
    this.#spooled = spool.seen;
    const clamped = spool.clampOpenedAt(sys.now(), !opts.dryRun);
    if (clamped !== undefined)
      this.notes.push(
        `spool.json openedAt ${summaryTime(clamped)} lay in the future: counted from now ` +
          '(check the device clock and NTP)',
      );
  }

  rollup(): Rollup {
    const { cfg, opts, mute } = this.ctx;
    const attach = opts.dryRun ? 'none' : cfg.mail.attach;
    return this.spool.rollupForRun({ filter: compileFilters(cfg.filters), mute }, attach, initialAttachmentBudget(cfg));
  }

  abandon(): void {
    this.spool.discard();
  }

  /** --dry-run: the digest as it stands with this run's failures, and when it would go out. */
  preview(run: Fetched): PollResult {
    const { cfg, io, sys, incidents } = this.ctx;
    this.spool.discard();
    const d = run.batch.rollup;
    const now = sys.now();
    const base = {
      kind: 'dry-run',
      found: this.#found(run),
      mailed: d.total,
      muted: 0,
      filtered: 0,
      pending: 0,
    } as const;
    const result = { ...base, digest: { fresh: 0 }, notes: run.notes, info: [] };
    if (d.total === 0) return result;
    const verdict = incidents?.verdict();
    // What `run --flush` would send now: the same parts; a spool not open yet opens with this run.
    const parts = { ...spoolMailParts(cfg, run, this.spool.openedAt ?? now, now), incidents: verdict, preview: true };
    const mail = composer(cfg, d, now, { ...parts, mutes: this.ctx.mutes });
    printMessage(io, cfg, mail(Number.POSITIVE_INFINITY, cfg.mail.maxBytes));
    // Nothing is committed: a spool not open yet counts as opened now, with this run's failures.
    const due = this.#due(this.ctx.opts.flush === true || (verdict?.opened.length ?? 0) > 0, now);
    return {
      ...result,
      due: due !== 'now' && due !== undefined && due <= now ? 'now' : due,
      incident: incidents?.summary() ?? '',
    };
  }

  hold(run: Fetched): PollResult | undefined {
    const { opts, sys, incidents } = this.ctx;
    const spool = this.spool;
    const now = sys.now();
    const unsaved = this.#commit(run, now);
    if (unsaved) run.notes.push(unsaved);
    const added = { body: spool.total - this.#before, muted: spool.muted - this.#mutedBefore };
    const note = mutedStorm(this.ctx.cfg, added.body, added.muted);
    if (note) run.notes.push(note);
    const storm = note !== undefined;
    this.#added = { ...added, storm };
    // An opened incident is mailed at once, with the pending digest: every failure in exactly one mail.
    const urgent = opts.flush === true || (incidents?.verdict()?.opened.length ?? 0) > 0;
    const due = storm ? 'now' : this.#due(urgent);
    this.#dueAt = due;
    if ((spool.total === 0 && !storm) || due === undefined || (due !== 'now' && due > now))
      return { ...this.#waiting(run, due, false), firstRun: this.#firstRun(run) };
    return undefined;
  }

  late(run: Fetched): PollResult {
    run.notes.push(
      'the digest was due but fetching used up RUN_DEADLINE: it stays in the spool and the next run sends it; ' +
        'if this repeats, raise RUN_DEADLINE (below the EEM maxrun) or check how slowly ISE answers',
    );
    return this.#waiting(run, this.#dueAt, true);
  }

  letter(run: Fetched): Letter {
    return digestLetter(this.ctx, this.spool, run, this.#added);
  }

  close(): void {
    this.spool.discard();
  }

  /**
   * Commits this run's failures and the cursor after them to the spool (with none, the cursor alone).
   * Not once a stop was asked: a stopped run commits nothing and says the same failures are fetched
   * again. From here on a stop leaves them in the spool (the send says so: Recording.left).
   * Returns the note of an incident state that could not be saved.
   */
  #commit(run: Fetched, now: number): string | undefined {
    const { cfg, opts, sys, incidents } = this.ctx;
    stopIfAsked(sys.stop);
    // Incidents first (any opened one marked owed): a crash before the spool commit fetches these
    // records again; one after it still finds the incident owed to the next mail.
    const unsaved = incidents?.save(false);
    if (this.#found(run) > 0 || run.batch.mailed.size > 0) this.spool.commit(run.batch.rollup, run.next, now);
    else {
      this.spool.discard();
      commitEmpty(cfg, run.cursor, run.next, opts.resetCursor);
    }
    return unsaved;
  }

  /** The first run in digest mode (no cursor yet) with failures waiting: its line says how digests work. */
  #firstRun(run: Fetched): boolean {
    return run.cursor.highWater === undefined && this.ctx.cfg.alert.mode === 'digest' && this.spool.total > 0;
  }

  #found(run: Fetched): number {
    return run.batch.rollup.seenTotal - this.#spooled;
  }

  /**
   * When the spooled digest goes out: now in each-run mode, with --flush or an opened incident; else
   * at the first boundary after the spool opened (Spool.dueAt). `opensAt`: when a spool not open yet
   * would open with this run's failures (a dry run, which commits nothing).
   */
  #due(urgent: boolean, opensAt?: number): Due {
    const { cfg } = this.ctx;
    const at = this.spool.dueAt(cfg.alert.schedule, cfg.mail.timezone, opensAt);
    if (at === undefined) return undefined;
    return cfg.alert.mode === 'each-run' || urgent ? 'now' : at;
  }

  #waiting(run: Fetched, due: Due, late: boolean): PollResult {
    const { spool } = this;
    const counts = { found: this.#found(run), mailed: 0, muted: spool.muted, filtered: 0, pending: spool.total };
    return { kind: 'waiting', ...counts, spooled: run.batch.mailed.size, due, late, notes: run.notes, info: [] };
  }
}
