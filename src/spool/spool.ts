import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachFormat } from '../config/config';
import type { DigestSchedule } from '../config/values';
import { errCode } from '../core/errcode';
import { failpoint } from '../core/testing';
import { Rollup, type RollupOptions } from '../rollup/rollup';
import type { RollupState } from '../rollup/rollup-state';
import type { AtomicFile } from '../state/atomic';
import type { Cursor } from '../state/cursor';
import { commitRun } from './commit';
import { type DigestJson, digestFromJson, digestToJson } from './digest-json';
import { empty, type Manifest, type Meta, manifestAside, readManifest, spoolDir, writeManifest } from './manifest';
import { mergeSpool } from './merge';
import { committedCursor, moveCursor, recoverSpool } from './recover';
import { boundaryAfter } from './schedule';
import { type SegmentInfo, SegmentWriter } from './segments';
import { rollupToSend } from './send';

/**
 * The digest spool (ALERT_MODE=digest, docs/alert-policy.md): the failures fetched since the last
 * digest, kept in STATE_DIR/spool until the digest goes out. `spool.json` holds the digest's exact
 * counts (a RollupState, bounded like one poll's digest) and lists the segment files that hold the
 * records for the attachment (at most `budget` compressed bytes; beyond it records are counted,
 * not kept).
 *
 * Exactly once across the spool: a run writes its segment, then the cursor it will move to (a
 * file beside the spool), then `spool.json` naming both: that write is the commit. Only then is
 * the cursor renamed into place. A crash before the commit leaves the old spool and cursor (the
 * next run fetches the same records again; leftovers are deleted); a crash after it leaves the
 * cursor rename to the next run (`open` finishes it). After a digest is sent the spool is emptied
 * the same way: a new `spool.json`, then the old segments are deleted.
 */
export class Spool {
  readonly dir: string;
  #m: Meta;
  // The spooled counts: as read from spool.json until a run commits, then the committed run's own
  // state (no second copy of a storm's tables in memory while its digest is sent).
  #json: DigestJson | undefined;
  #state: RollupState | undefined;
  #writer: SegmentWriter | undefined;
  #emptied: AtomicFile | undefined;

  private constructor(
    readonly stateDir: string,
    { digest, ...meta }: Manifest,
  ) {
    this.dir = spoolDir(stateDir);
    this.#m = meta;
    this.#json = digest;
  }

  /** Reads the spool; with `recover`, first finishes what a crashed run left (the caller holds the lock). */
  static open(stateDir: string, recover: boolean): Spool {
    const spool = new Spool(stateDir, readManifest(stateDir));
    if (recover) recoverSpool(stateDir, spool.#m);
    return spool;
  }

  get openedAt(): number | undefined {
    return this.#m.openedAt;
  }

  /**
   * Never trusts an `openedAt` after `now` (the device clock was ahead when the spool opened, or
   * spool.json was edited): it would hold the digest back for the whole skew. It counts as opened
   * now, written at once unless `write` is false (a dry run). Returns the stored time it replaced.
   */
  clampOpenedAt(now: number, write: boolean): number | undefined {
    const stored = this.#m.openedAt;
    if (stored === undefined || stored <= now) return undefined;
    this.#m = { ...this.#m, openedAt: now };
    if (write) writeManifest(this.stateDir, { ...this.#m, digest: this.#json ?? digestToJson(this.#counts()) });
    return stored;
  }

  /** Failures for the mail body waiting for the next digest. */
  get total(): number {
    return this.#state?.total ?? this.#json!.total;
  }

  get muted(): number {
    const counts = this.#state ? [...this.#state.muted] : this.#json!.muted;
    return counts.reduce((a, [, n]) => a + n, 0);
  }

  /** Every failure the spool has counted: for the mail body, muted, or filtered out. */
  get seen(): number {
    const filtered = this.#state ? [...this.#state.filtered] : this.#json!.filtered;
    return this.total + this.muted + filtered.reduce((a, [, n]) => a + n, 0);
  }

  /**
   * The first digest boundary after the spool opened: when the pending digest goes out. A spool not
   * open yet counts as opened at `opensAt`, if given (a dry run, which commits nothing).
   */
  dueAt(schedule: DigestSchedule, zone: string, opensAt?: number): number | undefined {
    const from = this.#m.openedAt ?? opensAt;
    return from === undefined ? undefined : boundaryAfter(from, schedule, zone);
  }

  /** The segment files holding the kept records (their attachment rows). */
  get segments(): readonly SegmentInfo[] {
    return this.#m.segments;
  }

  /** Compressed bytes of the kept records. */
  get bytes(): number {
    return this.#m.segments.reduce((a, s) => a + s.members.reduce((x, [y]) => x + y, 0), 0);
  }

  /** The cursor file a read-only run must use: the one a crashed run committed, if any. */
  cursorFile(): string {
    return committedCursor(this.stateDir, this.#m.pendingCursor);
  }

  /**
   * The digest this run adds its new records to: the spooled counts, with the records for the
   * attachment going to a new segment of at most what is left of `budget`. Called again when a
   * fetch is retried: that starts over from the spooled state.
   */
  rollupForRun(opts: Pick<RollupOptions, 'filter' | 'mute'>, attach: AttachFormat, budget: number): Rollup {
    this.#writer?.discard();
    const file = join(this.dir, `seg-${this.#m.nextSeq}.gz`);
    const writer = new SegmentWriter(file, attach, Math.max(0, budget - this.bytes), this.#m.full);
    this.#writer = writer;
    return new Rollup({ ...opts, onAttach: (r) => writer.add(r) }, this.#counts());
  }

  /** Makes the run's records and the cursor after them durable together, then moves the cursor. */
  commit(digest: Rollup, next: Cursor, now: number): void {
    const m = commitRun(this.stateDir, this.#m, this.#writer, digest, next, now);
    this.#m = m;
    this.#json = undefined;
    this.#state = digest.state;
    this.#writer = undefined;
    failpoint('spool-commit');
    moveCursor(this.stateDir, this.#m.pendingCursor);
    failpoint('spool-cursor');
    mergeSpool(this.stateDir, this.#m, this.#counts(), (m) => {
      this.#m = m;
    });
  }

  /** Drops an unfinished segment (the run ends without committing) and an empty spool.json written aside. */
  discard(): void {
    this.#writer?.discard();
    this.#writer = undefined;
    this.#emptied?.abort();
    this.#emptied = undefined;
  }

  /**
   * Writes the empty spool.json of `reset` aside now, before the digest goes: returns the error
   * code (ENOSPC) when it cannot be, so the mail can say it will be sent again.
   */
  prepareReset(): string | undefined {
    this.#emptied?.abort();
    try {
      this.#emptied = manifestAside(this.stateDir, empty(this.#m.nextSeq));
      return undefined;
    } catch (err) {
      this.#emptied = undefined;
      return errCode(err, 'error');
    }
  }

  /** The digest as it goes out (send.ts), and what the spool lost of its attachment. */
  rollupToSend(opts: Pick<RollupOptions, 'attach' | 'attachBudget'>): { rollup: Rollup; notes: string[] } {
    return rollupToSend(opts, this.#counts(), this.dir, this.#m.segments);
  }

  /** After the digest was accepted: an empty spool, then the sent records deleted. */
  reset(): void {
    const old = this.#m.segments;
    const { digest, ...m } = empty(this.#m.nextSeq);
    if (this.#emptied) this.#emptied.commit();
    else writeManifest(this.stateDir, { ...m, digest });
    this.#emptied = undefined;
    this.#m = m;
    this.#json = digest;
    this.#state = undefined;
    failpoint('spool-reset');
    for (const s of old) rmSync(join(this.dir, s.file), { force: true });
  }

  /** The counts to build on: the committed state itself, or a fresh copy of what spool.json holds. */
  #counts(): RollupState {
    return this.#state ?? digestFromJson(this.#json!);
  }
}
