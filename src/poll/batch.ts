import { recordTime, unplaced } from '../core/times';
import { CONTENT_ID, type FailureRecord } from '../pxgrid/schemas';
import type { FailureSink } from '../pxgrid/session';
import { Rollup } from '../rollup/rollup';
import { StormGroups } from '../rollup/storm-groups';
import { canonicalId, MAX_TRACKED_IDS } from '../state/cursor';
import { IdTimeSet } from '../state/idset';
import { Placing } from './placing';
import { type PollWindow, pollWindow } from './poll-window';

/**
 * The records of one poll that were not mailed before: fed to the digest (filters, summary,
 * attachment) and the storm groups one at a time, and remembered (canonical id -> time) so the
 * cursor can be advanced over exactly them after the mail is accepted. A storm brings 100 000 of
 * them, hence the off-heap IdTimeSet, capped at MAX_TRACKED_IDS, and nothing else that grows per record.
 */
export interface RecordObserver {
  /** A failure the mail body shows: evidence for the incident rules. */
  observe(record: FailureRecord): void;
  /** A failure a filter or a mute keeps out of the body: no evidence, but its reason is not new. */
  known(record: FailureRecord): void;
  /** ISE's clock from its reply's Date header (undefined: none), before the first record. */
  clock(iseNow: number | undefined): void;
  /** The batch starts (again, after a failover reset): what was observed so far is forgotten. */
  restart(): void;
}

export interface BatchOptions {
  /** The startTimestamp asked for. */
  start?: number;
  /** The device clock, used only without ISE's. */
  localNow?: number;
  /** The incident rules, when on (incidents.ts): they see what the mail body shows. */
  incidents?: RecordObserver;
}

export class Batch implements FailureSink {
  rollup: Rollup;
  groups = new StormGroups();
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;
  /** Records older than the query start: ISE ignored startTimestamp; an earlier run had them. */
  older = 0;
  /** Ids before this time are no longer kept: the batch held more than MAX_TRACKED_IDS. */
  trackedFrom: number | undefined;
  /** New records without an id, or whose time cannot be placed: mailed, and said so. */
  placing = new Placing();
  window: PollWindow;
  readonly incidents: RecordObserver | undefined;

  /**
   * `newRollup` sets up filters and the attachment; filtered records still land in `mailed`.
   * `start`: the startTimestamp asked for; `localNow`: the device clock, used only without ISE's.
   */
  constructor(
    private readonly seen: { has(id: string): boolean },
    private readonly newRollup: () => Rollup = () => new Rollup(),
    private readonly opts: BatchOptions = {},
  ) {
    this.rollup = newRollup();
    this.window = pollWindow(opts.start, undefined, opts.localNow ?? Number.NaN);
    this.incidents = opts.incidents;
    this.incidents?.restart();
  }

  reset(): void {
    this.rollup.close();
    this.rollup = this.newRollup();
    this.groups = new StormGroups();
    this.mailed = new IdTimeSet();
    this.alreadyMailed = 0;
    this.older = 0;
    this.trackedFrom = undefined;
    this.placing = new Placing();
    this.incidents?.restart();
  }

  begin(iseNow: number | undefined): void {
    this.window = pollWindow(this.opts.start, iseNow, this.opts.localNow ?? Number.NaN);
    this.incidents?.clock(this.window.iseNow);
  }

  add(record: FailureRecord): void {
    const raw = recordTime(record.timestamp);
    // A time that cannot be placed is no time: mailed without one, never "older", never the cursor's.
    const why = unplaced(record.timestamp, raw);
    const t = why === undefined ? raw : undefined;
    if (t !== undefined && this.window.from !== undefined && t < this.window.from) {
      this.older++;
      return;
    }
    const id = canonicalId(record.id);
    // Before the filters: a filtered record is done with too, and must advance the cursor.
    // The same id twice in one response counts once.
    if (this.seen.has(id) || !this.#track(id, t)) {
      this.alreadyMailed++;
      return;
    }
    if (why !== undefined) this.placing.unplaced(why, record.timestamp);
    if (record.id.startsWith(CONTENT_ID)) this.placing.noId++;
    this.deliver(record, t, t !== undefined && t > this.window.limit);
  }

  /**
   * Where each new record goes, once: into the digest, which is this run's mail
   * (ALERT_MODE=each-run, poll.ts) or the digest spool's counts and rows (digest mode, muted
   * failures waiting: digest-poll.ts); the digest applies filters and mutes. The incident rules
   * see what the mail body shows: a filtered or muted failure is no evidence.
   */
  deliver(record: FailureRecord, time: number | undefined, future: boolean): void {
    const view = this.rollup.add(record, time, future);
    if (!view) {
      this.incidents?.known(record);
      return;
    }
    this.groups.add(view);
    this.incidents?.observe(record);
  }

  /** Remembers a new id; false when it is already there. Beyond the cap the oldest half goes. */
  #track(id: string, t: number | undefined): boolean {
    if (t !== undefined && this.trackedFrom !== undefined && t < this.trackedFrom) return true;
    if (this.mailed.size >= MAX_TRACKED_IDS) {
      this.trackedFrom = Math.max(this.trackedFrom ?? -Infinity, this.mailed.floorFor(MAX_TRACKED_IDS / 2));
      this.mailed.dropBefore(this.trackedFrom);
      if (t !== undefined && t < this.trackedFrom) return true;
    }
    return this.mailed.add(id, t);
  }
}
