import type { AttachFormat } from '../config/config';
import type { FailureRecord } from '../pxgrid/schemas';
import { type AttachmentBuilder, createAttachment } from './attachment';
import type { FilterName, RecordFilter } from './filters';
import { clean } from './sanitize';

/** One failure as the mail shows it: cleaned display values, never raw record text. */
export interface FailureView {
  time: number | undefined;
  user: string;
  endpoint: string;
  nasName: string;
  nasIp: string;
  reason: string;
  location: string;
}

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
}
export interface NasRow extends Span {
  name: string;
  ip: string;
  location: string;
  users: number;
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

/** `time`: the record's instant when the caller has parsed it already. */
export function viewOf(r: FailureRecord, time: number | undefined = parseTime(r.timestamp)): FailureView {
  return {
    time,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason),
    location: clean(r.location),
  };
}

function parseTime(timestamp: string): number | undefined {
  const t = Date.parse(timestamp);
  return Number.isFinite(t) ? t : undefined;
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
  /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
  rowsDropped = 0;
  readonly filtered = new Map<FilterName, number>();
  readonly #rows = new Map<string, DetailRow>();
  readonly #reasons = new Map<string, { row: ReasonRow; users: Set<string> }>();
  readonly #nas = new Map<string, { row: NasRow; users: Set<string> }>();
  // Counts are boxed: one lookup per record for a key seen before (most of a storm's).
  readonly #users = new Map<string, { n: number }>();
  readonly #endpoints = new Map<string, { n: number }>();
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
  add(record: FailureRecord, time = parseTime(record.timestamp)): FailureView | undefined {
    const dropped = this.#filter?.(record);
    if (dropped) {
      this.filtered.set(dropped, (this.filtered.get(dropped) ?? 0) + 1);
      return undefined;
    }
    const v = viewOf(record, time);
    this.total++;
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
      .map((r) => ({ ...r.row, users: r.users.size }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  }

  nas(): NasRow[] {
    return [...this.#nas.values()]
      .map((r) => ({ ...r.row, users: r.users.size }))
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
    // Cleaned values hold no NUL, so it separates them unambiguously (and cheaper than JSON).
    const key = `${v.user}\u0000${v.endpoint}\u0000${v.nasName}\u0000${v.nasIp}\u0000${v.reason}`;
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
    let reason = this.#reasons.get(v.reason);
    if (!reason && this.#reasons.size < MAX_KEYS) {
      const row = { reason: v.reason, count: 0, users: 0, first: undefined, last: undefined };
      reason = { row, users: new Set() };
      this.#reasons.set(v.reason, reason);
    }
    if (reason) addUser(reason, v);
    const key = `${v.nasName}\u0000${v.nasIp}`;
    let nas = this.#nas.get(key);
    if (!nas && this.#nas.size < MAX_KEYS) {
      const row = {
        name: v.nasName,
        ip: v.nasIp,
        location: v.location,
        count: 0,
        users: 0,
        first: undefined,
        last: undefined,
      };
      nas = { row, users: new Set() };
      this.#nas.set(key, nas);
    }
    if (nas) addUser(nas, v);
  }
}

function addUser(g: { row: Span; users: Set<string> }, v: FailureView): void {
  addSpan(g.row, v.time);
  if (g.users.size < MAX_KEYS) g.users.add(v.user);
}

function addSpan(s: Span, t: number | undefined): void {
  s.count++;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}

function countInto(map: Map<string, { n: number }>, key: string): void {
  const c = map.get(key);
  if (c) c.n++;
  else if (map.size < MAX_KEYS) map.set(key, { n: 1 });
}

function top(map: Map<string, { n: number }>, n: number): TopRow[] {
  return [...map]
    .map(([value, c]) => ({ value, count: c.n }))
    .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
    .slice(0, n);
}

const minTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
const maxTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
// Code-unit order, not localeCompare: the same mail on every machine (golden tests, diffs).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
