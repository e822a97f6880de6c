import type { AttachFormat } from '../config/config';
import { type FailureRecord, failedAttempts } from '../pxgrid/schemas';
import { type AttachmentBuilder, createAttachment } from './attachment';
import {
  type DetailRow,
  type DigestState,
  emptyDigestState,
  type FailureView,
  type Group,
  type NasRow,
  nasKey,
  type ReasonRow,
  rowKey,
  type Span,
} from './digest-state';
import type { FilterName, RecordFilter } from './filters';
import { clean } from './sanitize';

export type { DetailRow, FailureView, NasRow, ReasonRow } from './digest-state';

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

export function viewOf(r: FailureRecord): FailureView {
  const t = Date.parse(r.timestamp);
  return {
    time: Number.isFinite(t) ? t : undefined,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason),
    location: clean(r.location),
  };
}

export interface DigestOptions {
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
 * counts live in a DigestState, which the digest spool saves between runs and hands back here.
 */
export class Digest {
  readonly #s: DigestState;
  readonly #opts: DigestOptions;
  readonly #attachment: AttachmentBuilder | undefined;

  constructor(opts: DigestOptions = {}, state: DigestState = emptyDigestState()) {
    this.#opts = opts;
    this.#s = state;
    this.#attachment = createAttachment(opts.attach ?? 'none', opts.attachBudget ?? Number.POSITIVE_INFINITY);
  }

  /**
   * Adds one record and returns its cleaned view; undefined when a filter dropped it (only
   * counted) or a mute keeps it out of the body (counted and attached).
   */
  add(record: FailureRecord): FailureView | undefined {
    const s = this.#s;
    const dropped = this.#opts.filter?.(record);
    if (dropped) {
      s.filtered.set(dropped, (s.filtered.get(dropped) ?? 0) + 1);
      return undefined;
    }
    const muted = this.#opts.mute?.(record);
    this.attach(record);
    if (muted !== undefined) {
      s.muted.set(muted, (s.muted.get(muted) ?? 0) + 1);
      return undefined;
    }
    const v = viewOf(record);
    const attempts = failedAttempts(record);
    s.total++;
    s.newest = maxTime(s.newest, v.time);
    s.oldest = minTime(s.oldest, v.time);
    countInto(s.users, v.user);
    if (v.endpoint) countInto(s.endpoints, v.endpoint);
    this.#addGroups(v, attempts);
    this.#addRow(v, attempts);
    return v;
  }

  /** Puts a record into the attachment only (the digest spool replays its stored records). */
  attach(record: FailureRecord): void {
    this.#attachment?.add(record);
    this.#opts.onAttach?.(record);
  }

  /** The counts, for the digest spool to save. */
  get state(): DigestState {
    return this.#s;
  }

  get total(): number {
    return this.#s.total;
  }

  get newest(): number | undefined {
    return this.#s.newest;
  }

  get oldest(): number | undefined {
    return this.#s.oldest;
  }

  get rowsDropped(): number {
    return this.#s.rowsDropped;
  }

  get filtered(): ReadonlyMap<FilterName, number> {
    return this.#s.filtered;
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

  get filteredTotal(): number {
    return sum(this.#s.filtered);
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
      .map((r) => ({ ...r.row, users: r.users.size }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  }

  nas(): NasRow[] {
    return [...this.#s.nas.values()]
      .map((r) => ({ ...r.row, users: r.users.size }))
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

  #addRow(v: FailureView, attempts: number): void {
    const rows = this.#s.rows;
    const key = rowKey(v);
    const row = rows.get(key);
    if (row) {
      addSpan(row, v.time, attempts);
      if (v.time !== undefined && v.time === row.last) row.location = v.location;
    } else if (rows.size < MAX_ROWS) {
      rows.set(key, { ...v, count: 1, attempts, first: v.time, last: v.time });
    } else {
      this.#s.rowsDropped++;
    }
  }

  #addGroups(v: FailureView, attempts: number): void {
    const span = () => ({ count: 0, attempts: 0, users: 0, first: undefined, last: undefined });
    const reason = group(this.#s.reasons, v.reason, () => ({ reason: v.reason, ...span() }));
    const nas = group(this.#s.nas, nasKey(v.nasName, v.nasIp), () => ({
      name: v.nasName,
      ip: v.nasIp,
      location: v.location,
      ...span(),
    }));
    for (const g of [reason, nas]) {
      if (!g) continue;
      addSpan(g.row, v.time, attempts);
      if (g.users.size < MAX_KEYS) g.users.add(v.user);
    }
  }
}

function group<R>(map: Map<string, Group<R>>, key: string, make: () => R) {
  let entry = map.get(key);
  if (!entry && map.size < MAX_KEYS) {
    entry = { row: make(), users: new Set() };
    map.set(key, entry);
  }
  return entry;
}

function addSpan(s: Span, t: number | undefined, attempts: number): void {
  s.count++;
  s.attempts += attempts;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}

const sum = (map: ReadonlyMap<unknown, number>) => [...map.values()].reduce((a, b) => a + b, 0);

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
