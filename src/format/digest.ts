import type { AttachFormat } from '../config/config';
import type { FailureRecord } from '../pxgrid/schemas';
import { type AttachmentBuilder, createAttachment } from './attachment';
import type { FilterName, RecordFilter } from './filters';
import { DetailRows, type RowOf } from './rows';
import {
  cmp,
  type EndpointTally,
  type Group,
  MAX_KEYS,
  maxTime,
  member,
  minTime,
  type Span,
  type TopRow,
  top,
  type UserTally,
} from './tally';
import { type DetailRow, type FailureView, viewOf } from './view';

export { MAX_ROWS } from './rows';
export { MAX_KEYS, type TopRow } from './tally';
export { type DetailRow, type FailureView, viewOf } from './view';

export interface ReasonRow extends Span {
  reason: string;
  users: number;
}
export interface NasRow extends Span {
  name: string;
  ip: string;
  location: string;
  users: number;
}

export interface DigestOptions {
  filter?: RecordFilter;
  attach?: AttachFormat;
  /** The most compressed bytes the attachment may take (MAIL_MAX_BYTES less the rest of the mail). */
  attachBudget?: number;
}

/** Accumulates a batch one record at a time; memory grows with distinct keys, not records. */
export class Digest {
  /** Records in the mail (after filters). */
  total = 0;
  newest: number | undefined;
  oldest: number | undefined;
  readonly #rows = new DetailRows();
  readonly filtered = new Map<FilterName, number>();
  /** Detail rows in the order they appeared; most are found through their user's tally. */
  readonly #reasons = new Map<string, Group<ReasonRow>>();
  /** NAS groups by name, then IP (no key built per record), and in the order they appeared. */
  readonly #nas = new Map<string, Map<string, Group<NasRow>>>();
  readonly #nasList: Group<NasRow>[] = [];
  // Counts are boxed: one lookup per record for a key seen before (most of a storm's).
  readonly #users = new Map<string, UserTally>();
  readonly #endpoints = new Map<string, EndpointTally<RowOf<ReasonRow, NasRow>>>();
  readonly #filter: RecordFilter | undefined;
  readonly #attachment: AttachmentBuilder | undefined;

  constructor(opts: DigestOptions = {}) {
    this.#filter = opts.filter;
    this.#attachment = createAttachment(opts.attach ?? 'none', opts.attachBudget ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Adds one record and returns its cleaned view; undefined when a filter dropped it (only counted).
   * `time`: the record's instant, when the caller has parsed its timestamp already.
   */
  add(record: FailureRecord, time?: number): FailureView | undefined {
    const dropped = this.#filter?.(record);
    if (dropped) {
      this.filtered.set(dropped, (this.filtered.get(dropped) ?? 0) + 1);
      return undefined;
    }
    const v = time === undefined ? viewOf(record) : viewOf(record, time);
    this.total++;
    this.newest = maxTime(this.newest, v.time);
    this.oldest = minTime(this.oldest, v.time);
    let u = this.#users.get(v.user);
    if (u) u.n++;
    else if (this.#users.size < MAX_KEYS) {
      u = { n: 1, groups: [] };
      this.#users.set(v.user, u);
    }
    let e = v.endpoint ? this.#endpoints.get(v.endpoint) : undefined;
    if (e) e.n++;
    else if (v.endpoint && this.#endpoints.size < MAX_KEYS) {
      e = { n: 1, rows: [] };
      this.#endpoints.set(v.endpoint, e);
    }
    const reason = this.#reasonGroup(v);
    const nas = this.#nasGroup(v);
    if (reason) member(reason, u, v.user, v.time);
    if (nas) member(nas, u, v.user, v.time);
    this.#rows.add(v, e, u && reason && nas && { u, reason, nas });
    this.#attachment?.add(record);
    return v;
  }

  /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
  get rowsDropped(): number {
    return this.#rows.dropped;
  }

  get filteredTotal(): number {
    return [...this.filtered.values()].reduce((a, b) => a + b, 0);
  }

  /** Distinct users; `usersCapped` says the true number is higher. */
  get distinctUsers(): number {
    return this.#users.size;
  }

  get usersCapped(): boolean {
    return this.#users.size >= MAX_KEYS;
  }

  get distinctEndpoints(): number {
    return this.#endpoints.size;
  }

  reasons(): ReasonRow[] {
    return [...this.#reasons.values()]
      .map((r) => ({ ...r.row, users: r.users }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  }

  nas(): NasRow[] {
    return this.#nasList
      .map((r) => ({ ...r.row, users: r.users }))
      .sort((a, b) => b.count - a.count || cmp(a.name, b.name));
  }

  topUsers(n: number): TopRow[] {
    return top(this.#users, n);
  }

  topEndpoints(n: number): TopRow[] {
    return top(this.#endpoints, n);
  }

  /** Detail rows, newest first. */
  details(): DetailRow[] {
    return [...this.#rows.list].sort(
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

  #reasonGroup(v: FailureView): Group<ReasonRow> | undefined {
    let g = this.#reasons.get(v.reason);
    if (!g && this.#reasons.size < MAX_KEYS) {
      const row = { reason: v.reason, count: 0, users: 0, first: undefined, last: undefined };
      g = { row, tag: 2 * this.#reasons.size, users: 0 };
      this.#reasons.set(v.reason, g);
    }
    return g;
  }

  #nasGroup(v: FailureView): Group<NasRow> | undefined {
    let g = this.#nas.get(v.nasName)?.get(v.nasIp);
    if (!g && this.#nasList.length < MAX_KEYS) {
      const row = { name: v.nasName, ip: v.nasIp, location: v.location, count: 0, users: 0 };
      g = { row: { ...row, first: undefined, last: undefined }, tag: 2 * this.#nasList.length + 1, users: 0 };
      let byIp = this.#nas.get(v.nasName);
      if (!byIp) {
        byIp = new Map();
        this.#nas.set(v.nasName, byIp);
      }
      byIp.set(v.nasIp, g);
      this.#nasList.push(g);
    }
    return g;
  }
}
