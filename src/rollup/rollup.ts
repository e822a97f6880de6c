import { type AttachmentBuilder, createAttachment } from '../attachment/attachment';
import type { AttachFormat } from '../config/config';
import { placedTime } from '../core/times';
import { type FailureRecord, failedAttempts } from '../pxgrid/schemas';
import type { FilterName, RecordFilter } from './filters';
import {
  countFailure,
  type DetailRow,
  emptyRollupState,
  MAX_KEYS,
  type NasRow,
  type ReasonRow,
  type RollupState,
} from './rollup-state';
import { type FailureView, viewOf } from './view';

export type { DetailRow, NasRow, ReasonRow } from './rollup-state';
export { MAX_GROUP_USERS, MAX_KEYS, MAX_ROWS } from './rollup-state';

export interface TopRow {
  value: string;
  count: number;
}

export interface RollupOptions {
  filter?: RecordFilter;
  /** The label of the mute that keeps a record out of the body (it is still counted and attached). */
  mute?: (record: FailureRecord) => string | undefined;
  attach?: AttachFormat;
  /** The most compressed bytes the attachment may take (MAIL_MAX_BYTES less the rest of the mail). */
  attachBudget?: number;
  /** Also called with every record the attachment takes (the digest spool stores them). */
  onAttach?: (record: FailureRecord) => void;
}

/**
 * Accumulates failures one record at a time; memory grows with distinct keys, not records. Its
 * counts live in a RollupState, which the digest spool saves between runs and hands back here.
 */
export class Rollup {
  readonly #s: RollupState;
  readonly #opts: RollupOptions;
  readonly #attachment: AttachmentBuilder | undefined;

  constructor(opts: RollupOptions = {}, state: RollupState = emptyRollupState()) {
    this.#opts = opts;
    this.#s = state;
    this.#attachment = createAttachment(opts.attach ?? 'none', opts.attachBudget ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Adds one record and returns its cleaned view; undefined when a filter dropped it (only
   * counted) or a mute keeps it out of the body (counted and attached). `time`: its instant, if
   * known already; `future`: that is after ISE's clock.
   */
  add(record: FailureRecord, time?: number, future = false): FailureView | undefined {
    const s = this.#s;
    const dropped = this.#opts.filter?.(record);
    if (dropped) {
      s.filtered.set(dropped, (s.filtered.get(dropped) ?? 0) + 1);
      return undefined;
    }
    this.attach(record);
    const muted = this.#opts.mute?.(record);
    if (muted !== undefined) {
      s.muted.set(muted, (s.muted.get(muted) ?? 0) + 1);
      return undefined;
    }
    const v = viewOf(record, time ?? placedTime(record.timestamp));
    countFailure(s, v, failedAttempts(record), future);
    return v;
  }

  /** Puts a record into the attachment only. */
  attach(record: FailureRecord): void {
    this.#attachment?.add(record);
    this.#opts.onAttach?.(record);
  }

  /** The counts, for the digest spool to save. */
  get state(): RollupState {
    return this.#s;
  }

  /** Records in the mail body (after filters and mutes). */
  get total(): number {
    return this.#s.total;
  }

  get newest(): number | undefined {
    return this.#s.newest;
  }

  get oldest(): number | undefined {
    return this.#s.oldest;
  }

  /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
  get rowsDropped(): number {
    return this.#s.rowsDropped;
  }

  /** Records in the mail timestamped after ISE's clock (plus skew). */
  get future(): number {
    return this.#s.future;
  }

  get filtered(): ReadonlyMap<FilterName, number> {
    return this.#s.filtered;
  }

  get filteredTotal(): number {
    return sum(this.#s.filtered);
  }

  get muted(): ReadonlyMap<string, number> {
    return this.#s.muted;
  }

  get mutedTotal(): number {
    return sum(this.#s.muted);
  }

  /** Every record seen: in the body, muted, or filtered. */
  get seenTotal(): number {
    return this.#s.total + this.mutedTotal + this.filteredTotal;
  }

  /** Distinct users; `usersCapped` says the true number is higher. */
  get distinctUsers(): number {
    return this.#s.users.size;
  }

  get usersCapped(): boolean {
    return this.#s.users.size >= MAX_KEYS;
  }

  get distinctEndpoints(): number {
    return this.#s.endpoints.size;
  }

  reasons(): ReasonRow[] {
    return [...this.#s.reasons.values()]
      .map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  }

  nas(): NasRow[] {
    return [...this.#s.nas.values()]
      .map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped }))
      .sort((a, b) => b.count - a.count || cmp(a.name, b.name));
  }

  topUsers(n: number): TopRow[] {
    return top(this.#s.users, n);
  }

  topEndpoints(n: number): TopRow[] {
    return top(this.#s.endpoints, n);
  }

  /** Detail rows, newest first. */
  details(): DetailRow[] {
    return [...this.#s.rows.values()].sort(
      (a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count || cmp(a.user, b.user),
    );
  }

  /** The attachment with every mailed record (finished), or undefined with MAIL_ATTACH=none. */
  attachment(): AttachmentBuilder | undefined {
    this.#attachment?.finish();
    return this.#attachment;
  }

  /** Frees the attachment stream of a batch that will not be mailed. */
  close(): void {
    this.#attachment?.close();
  }
}

const sum = (map: ReadonlyMap<unknown, number>) => [...map.values()].reduce((a, b) => a + b, 0);

function top(map: Map<string, number>, n: number): TopRow[] {
  return [...map]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
    .slice(0, n);
}

// Code-unit order, not localeCompare: the same mail on every machine (golden tests, diffs).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
