import type { FailureRecord } from '../pxgrid/schemas';
import { clean } from './sanitize';

/** One failure as the mail shows it: cleaned display values, never raw record text. */
export interface FailureView {
  time: number | undefined;
  timestamp: string;
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

export interface ReasonRow {
  reason: string;
  count: number;
  users: number;
  first: number | undefined;
  last: number | undefined;
}

/**
 * Above this many distinct rows, further distinct failures are only counted: memory stays bounded.
 * The mail shows a few dozen rows; every record goes to the attachment as it streams, not from here.
 * 2000 rows cost ~2 MB of heap (20 000 cost ~20 MB, a sixth of the 128 MB budget of issue 7).
 */
const MAX_ROWS_KEPT = 2_000;
/** Distinct user names counted exactly up to this many (a name is ~50 bytes). */
const MAX_USERS = 20_000;

export function viewOf(r: FailureRecord): FailureView {
  const t = Date.parse(r.timestamp);
  return {
    time: Number.isFinite(t) ? t : undefined,
    timestamp: clean(r.timestamp, 40),
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason),
    location: clean(r.location ?? r.deviceType),
  };
}

/** Accumulates a batch one record at a time; memory grows with distinct rows, not records. */
export class Digest {
  total = 0;
  newest: number | undefined;
  readonly rows = new Map<string, DetailRow>();
  rowsDropped = 0;
  readonly #reasons = new Map<string, { row: ReasonRow; users: Set<string> }>();
  readonly #users = new Set<string>();

  /** Counts one record; returns its view so other accumulators need not clean it again. */
  add(record: FailureRecord): FailureView {
    const v = viewOf(record);
    this.total++;
    if (v.time !== undefined && (this.newest === undefined || v.time > this.newest)) this.newest = v.time;
    if (this.#users.size < MAX_USERS) this.#users.add(v.user);
    this.#addReason(v);
    const key = JSON.stringify([v.user, v.endpoint, v.nasName, v.nasIp, v.reason]);
    const row = this.rows.get(key);
    if (row) {
      row.count++;
      row.first = minTime(row.first, v.time);
      row.last = maxTime(row.last, v.time);
      if (v.time !== undefined && v.time === row.last) Object.assign(row, { timestamp: v.timestamp, location: v.location });
    } else if (this.rows.size < MAX_ROWS_KEPT) {
      this.rows.set(key, { ...v, count: 1, first: v.time, last: v.time });
    } else {
      this.rowsDropped++;
    }
    return v;
  }

  get distinctUsers(): number {
    return this.#users.size;
  }

  /** Reasons, most frequent first. */
  reasons(): ReasonRow[] {
    return [...this.#reasons.values()].map((r) => ({ ...r.row, users: r.users.size })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }

  /** Detail rows, newest first. */
  details(): DetailRow[] {
    return [...this.rows.values()].sort((a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count);
  }

  #addReason(v: FailureView): void {
    let entry = this.#reasons.get(v.reason);
    if (!entry) {
      if (this.#reasons.size >= MAX_ROWS_KEPT) return;
      entry = { row: { reason: v.reason, count: 0, users: 0, first: v.time, last: v.time }, users: new Set() };
      this.#reasons.set(v.reason, entry);
    }
    entry.row.count++;
    entry.row.first = minTime(entry.row.first, v.time);
    entry.row.last = maxTime(entry.row.last, v.time);
    if (entry.users.size < MAX_USERS) entry.users.add(v.user);
  }
}

const minTime = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const maxTime = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
