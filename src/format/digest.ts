import type { AttachFormat } from '../config/config';
import type { FailureRecord } from '../pxgrid/schemas';
import { type AttachmentBuilder, createAttachment } from './attachment';
import type { FilterName, RecordFilter } from './filters';
import {
  addSpan,
  cmp,
  ENDPOINT_ROWS,
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

/**
 * Detail rows kept (the mail shows a few dozen; every record is in the attachment). A row holds
 * ~1 KB of cleaned values: 2 000 rows cost ~2 MB of a storm's 128 MB budget, 10 000 cost ~10 MB.
 */
export const MAX_ROWS = 2_000;

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
  /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
  rowsDropped = 0;
  readonly filtered = new Map<FilterName, number>();
  /** Detail rows in the order they appeared; most are found through their user's tally. */
  readonly #rows: DetailRow[] = [];
  /** Rows of endpoints without a tally (none, or past MAX_KEYS) or with more than ENDPOINT_ROWS rows. */
  readonly #rowIndex = new Map<string, DetailRow>();
  readonly #reasons = new Map<string, Group<ReasonRow>>();
  readonly #nas = new Map<string, Group<NasRow>>();
  // Counts are boxed: one lookup per record for a key seen before (most of a storm's).
  readonly #users = new Map<string, UserTally>();
  readonly #endpoints = new Map<string, EndpointTally<DetailRow>>();
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
    this.#addGroups(v, u);
    this.#addRow(v, e);
    this.#attachment?.add(record);
    return v;
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
    return [...this.#nas.values()]
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
    return [...this.#rows].sort((a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count || cmp(a.user, b.user));
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

  #addRow(v: FailureView, e: EndpointTally<DetailRow> | undefined): void {
    // An endpoint's first ENDPOINT_ROWS rows are on its tally: no key to build for most records of a storm.
    let row: DetailRow | undefined;
    if (e) for (const r of e.rows) if (sameRow(r, v)) row = r;
    const indexed = !e || e.rows.length >= ENDPOINT_ROWS;
    // Cleaned values hold no NUL, so it separates them unambiguously.
    const key = indexed ? `${v.user}\u0000${v.endpoint}\u0000${v.nasName}\u0000${v.nasIp}\u0000${v.reason}` : '';
    if (!row && indexed) row = this.#rowIndex.get(key);
    if (row) {
      addSpan(row, v.time);
      if (v.time !== undefined && v.time === row.last) row.location = v.location;
    } else if (this.#rows.length < MAX_ROWS) {
      row = { ...v, count: 1, first: v.time, last: v.time };
      this.#rows.push(row);
      if (indexed) this.#rowIndex.set(key, row);
      else e!.rows.push(row);
    } else {
      this.rowsDropped++;
    }
  }

  #addGroups(v: FailureView, u: UserTally | undefined): void {
    let reason = this.#reasons.get(v.reason);
    if (!reason && this.#reasons.size < MAX_KEYS) {
      const row = { reason: v.reason, count: 0, users: 0, first: undefined, last: undefined };
      reason = { row, tag: 2 * this.#reasons.size, users: 0 };
      this.#reasons.set(v.reason, reason);
    }
    if (reason) member(reason, u, v.user, v.time);
    const key = `${v.nasName}\u0000${v.nasIp}`;
    let nas = this.#nas.get(key);
    if (!nas && this.#nas.size < MAX_KEYS) {
      const row = { name: v.nasName, ip: v.nasIp, location: v.location, count: 0, users: 0 };
      nas = { row: { ...row, first: undefined, last: undefined }, tag: 2 * this.#nas.size + 1, users: 0 };
      this.#nas.set(key, nas);
    }
    if (nas) member(nas, u, v.user, v.time);
  }
}

const sameRow = (r: DetailRow, v: FailureView) =>
  r.user === v.user && r.nasName === v.nasName && r.nasIp === v.nasIp && r.reason === v.reason;
