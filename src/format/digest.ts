import type { AttachFormat } from '../config/config';
import { recordTime } from '../core/times';
import type { FailureRecord } from '../pxgrid/schemas';
import { type AttachmentBuilder, createAttachment } from './attachment';
import type { FilterName, RecordFilter } from './filters';
import { type FailureView, viewOf } from './view';

/** Identical failures (same user, endpoint, NAS, reason) collapsed into one row. */
export interface DetailRow extends FailureView {
  count: number;
  first: number | undefined;
  last: number | undefined;
}

interface Span {
  count: number;
  first: number | undefined;
  last: number | undefined;
}
export interface ReasonRow extends Span {
  reason: string;
  users: number;
  /** More distinct users than were counted (memory cap): `users` is a lower bound. */
  usersCapped?: boolean;
}
export interface NasRow extends Span {
  name: string;
  ip: string;
  location: string;
  users: number;
  usersCapped?: boolean;
}
export interface TopRow {
  value: string;
  count: number;
}

/** Above this many distinct keys a table only counts: memory grows with this cap, not the batch. */
export const MAX_KEYS = 10_000;
/**
 * Detail rows kept (the mail shows a few dozen; every record is in the attachment). A row holds
 * ~1 KB of cleaned values: 2 000 rows cost ~2 MB of a storm's 128 MB budget, 10 000 cost ~10 MB.
 */
export const MAX_ROWS = 2_000;
/** Distinct users counted per reason and per NAS, all groups together (~100 bytes each). */
export const MAX_GROUP_USERS = 100_000;
/** Joins cleaned values into one key: clean() never leaves a control character in a value. */
const SEP = '\u0000';
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
  /** Records in the mail timestamped after ISE's clock (plus skew). */
  future = 0;
  /** Room left for distinct users in the reason and NAS groups. */
  #groupUsersLeft = MAX_GROUP_USERS;
  readonly filtered = new Map<FilterName, number>();
  readonly #rows = new Map<string, DetailRow>();
  readonly #reasons = new Map<string, Group<ReasonRow>>();
  readonly #nas = new Map<string, Group<NasRow>>();
  readonly #users = new Map<string, number>();
  readonly #endpoints = new Map<string, number>();
  readonly #filter: RecordFilter | undefined;
  readonly #attachment: AttachmentBuilder | undefined;

  constructor(opts: DigestOptions = {}) {
    this.#filter = opts.filter;
    this.#attachment = createAttachment(opts.attach ?? 'none', opts.attachBudget ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Adds one record and returns its cleaned view; undefined when a filter dropped it (only counted).
   * `time`: its instant, if known already; `future`: that is after ISE's clock.
   */
  add(record: FailureRecord, time?: number, future = false): FailureView | undefined {
    const dropped = this.#filter?.(record);
    if (dropped) {
      this.filtered.set(dropped, (this.filtered.get(dropped) ?? 0) + 1);
      return undefined;
    }
    const v = viewOf(record, time ?? recordTime(record.timestamp));
    this.total++;
    if (future) this.future++;
    this.newest = maxTime(this.newest, v.time);
    this.oldest = minTime(this.oldest, v.time);
    countInto(this.#users, v.user);
    if (v.endpoint) countInto(this.#endpoints, v.endpoint);
    this.#addGroups(v);
    this.#addRow(v);
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
      .map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  }

  nas(): NasRow[] {
    return [...this.#nas.values()]
      .map((r) => ({ ...r.row, users: r.users.size, usersCapped: r.capped }))
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
    return [...this.#rows.values()].sort(
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

  #addRow(v: FailureView): void {
    const key = [v.user, v.endpoint, v.nasName, v.nasIp, v.reason].join(SEP);
    const row = this.#rows.get(key);
    if (row) {
      addSpan(row, v.time);
      if (v.time !== undefined && v.time === row.last) row.location = v.location;
    } else if (this.#rows.size < MAX_ROWS) {
      this.#rows.set(key, { ...v, count: 1, first: v.time, last: v.time });
    } else {
      this.rowsDropped++;
    }
  }

  #addGroups(v: FailureView): void {
    const reason = group(this.#reasons, v.reason, () => ({
      reason: v.reason,
      count: 0,
      users: 0,
      first: undefined,
      last: undefined,
    }));
    const nas = group(this.#nas, `${v.nasName}${SEP}${v.nasIp}`, () => ({
      name: v.nasName,
      ip: v.nasIp,
      location: v.location,
      count: 0,
      users: 0,
      first: undefined,
      last: undefined,
    }));
    for (const g of [reason, nas]) {
      if (!g) continue;
      addSpan(g.row, v.time);
      if (g.users.has(v.user)) continue;
      if (g.users.size >= MAX_KEYS || this.#groupUsersLeft <= 0) g.capped = true;
      else {
        g.users.add(v.user);
        this.#groupUsersLeft--;
      }
    }
  }
}

interface Group<R> {
  row: R;
  users: Set<string>;
  /** A user was not counted for lack of room. */
  capped: boolean;
}

function group<R>(map: Map<string, Group<R>>, key: string, make: () => R): Group<R> | undefined {
  let entry = map.get(key);
  if (!entry && map.size < MAX_KEYS) {
    entry = { row: make(), users: new Set(), capped: false };
    map.set(key, entry);
  }
  return entry;
}

function addSpan(s: Span, t: number | undefined): void {
  s.count++;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}

function countInto(map: Map<string, number>, key: string): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + 1);
  else if (map.size < MAX_KEYS) map.set(key, 1);
}

function top(map: Map<string, number>, n: number): TopRow[] {
  return [...map]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
    .slice(0, n);
}

const minTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
const maxTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
// Code-unit order, not localeCompare: the same mail on every machine (golden tests, diffs).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
