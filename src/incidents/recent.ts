import { reasonCode } from '../pxgrid/reason';
import type { FailureRecord } from '../pxgrid/schemas';

/**
 * The last day's failures, counted by what a mute can match, so that `mute` can say how many a
 * new target would have caught (and warn when that is none: a typo, or all: too wide). One bucket
 * per hour of the runs that saw them; per bucket and kind the most frequent keys, the rest only
 * counted (`other`). Kept in incidents.json, so it exists while incidents are on.
 *
 * Keys hold the record fields each mute kind reads, NUL-joined, so the mute's own test decides:
 * user = userName; endpoint = callingStationId, macAddress; nas = nasName, networkDeviceName,
 * nasIpAddress; reason = the reason code.
 */
export type RecentKind = 'user' | 'endpoint' | 'nas' | 'reason';
export const RECENT_KINDS: readonly RecentKind[] = ['user', 'endpoint', 'nas', 'reason'];

export interface RecentHour {
  /** Start of the hour (UTC ms) of the runs counted here. */
  at: number;
  /** Failures (records) seen. */
  n: number;
  keys: Record<RecentKind, Record<string, number>>;
  /** Failures whose key of that kind was not kept (beyond the per-hour cap). */
  other: Record<RecentKind, number>;
}

export interface RecentState {
  /** When counting began: before then nothing was counted. */
  from: number;
  hours: RecentHour[];
}

export const HOUR_MS = 3_600_000;
/** Hours kept: the current one and the 23 before it. */
export const RECENT_HOURS = 24;
/** Keys kept per hour and kind on disk (a few KB a day normally, ~150 KB at most), and in memory. */
const SAVED_KEYS = 50;
const MEMORY_KEYS = 2000;
const MAX_FIELD = 200;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const field = (v: unknown) => text(v).slice(0, MAX_FIELD);

/** Fields per key of each kind: a user name or reason code is never split at a NUL it holds. */
const ARITY: Record<RecentKind, number> = { user: 1, endpoint: 2, nas: 3, reason: 1 };

/** A record holding only what the key kept: what a mute's test is run against. */
export function recordOfKey(kind: RecentKind, key: string): FailureRecord {
  const [a, b, c] = ARITY[kind] === 1 ? [key] : key.split('\u0000');
  const base = { id: '', timestamp: '' };
  switch (kind) {
    case 'user':
      return { ...base, userName: a };
    case 'endpoint':
      return { ...base, callingStationId: a, macAddress: b };
    case 'nas':
      return { ...base, nasName: a, networkDeviceName: b, nasIpAddress: c };
    case 'reason':
      return { ...base, failureReason: a };
  }
}

const emptyHour = (at: number): RecentHour => ({
  at,
  n: 0,
  keys: { user: {}, endpoint: {}, nas: {}, reason: {} },
  other: { user: 0, endpoint: 0, nas: 0, reason: 0 },
});

/** The hours of `s` inside the last RECENT_HOURS at `now`. */
export function recentHours(s: RecentState | undefined, now: number): RecentHour[] {
  const first = Math.floor(now / HOUR_MS) * HOUR_MS - (RECENT_HOURS - 1) * HOUR_MS;
  return (s?.hours ?? []).filter((h) => h.at >= first && h.at <= now);
}

/**
 * Counts of up to three fields in nested maps: no key string is built per record (in a storm the
 * joined keys cost more than the rest of the count). Beyond MEMORY_KEYS tuples new ones are refused.
 */
class Tuples {
  size = 0;
  readonly #root = new Map<string, Map<string, Map<string, number>>>();

  /** False when the tuple is new and the map is full. */
  add(a: string, b: string, c: string, by: number): boolean {
    let m1 = this.#root.get(a);
    if (!m1) {
      if (this.size >= MEMORY_KEYS) return false;
      m1 = new Map();
      this.#root.set(a, m1);
    }
    let m2 = m1.get(b);
    if (!m2) {
      if (this.size >= MEMORY_KEYS) return false;
      m2 = new Map();
      m1.set(b, m2);
    }
    const n = m2.get(c);
    if (n !== undefined) m2.set(c, n + by);
    else if (this.size >= MEMORY_KEYS) return false;
    else {
      this.size++;
      m2.set(c, by);
    }
    return true;
  }

  /** Every tuple as its stored key, `a\0b\0c` cut to the kind's arity. */
  *keys(arity: number): Generator<[string, number]> {
    for (const [a, m1] of this.#root)
      for (const [b, m2] of m1) for (const [c, n] of m2) yield [[a, b, c].slice(0, arity).join('\u0000'), n];
  }
}

/** This run's counts, added to the current hour. */
export class RecentTally {
  readonly #current: RecentHour;
  readonly #maps: Record<RecentKind, Tuples> = {
    user: new Tuples(),
    endpoint: new Tuples(),
    nas: new Tuples(),
    reason: new Tuples(),
  };

  constructor(
    private readonly s: RecentState | undefined,
    private readonly now: number,
  ) {
    const at = Math.floor(now / HOUR_MS) * HOUR_MS;
    this.#current = recentHours(s, now).find((h) => h.at === at) ?? emptyHour(at);
    for (const kind of RECENT_KINDS)
      for (const [key, n] of Object.entries(this.#current.keys[kind])) {
        const [a = '', b = '', c = ''] = ARITY[kind] === 1 ? [key] : key.split('\u0000');
        this.#maps[kind].add(a, b, c, n);
      }
  }

  /** Once per new record of a storm: a few map lookups, no object or key string per record. */
  add(r: FailureRecord): void {
    this.#current.n++;
    const m = this.#maps;
    const other = this.#current.other;
    if (!m.user.add(field(r.userName), '', '', 1)) other.user++;
    if (!m.endpoint.add(field(r.callingStationId), field(r.macAddress), '', 1)) other.endpoint++;
    if (!m.nas.add(field(r.nasName), field(r.networkDeviceName), field(r.nasIpAddress), 1)) other.nas++;
    if (!m.reason.add(reasonCode(text(r.failureReason)) ?? '', '', '', 1)) other.reason++;
  }

  toState(): RecentState {
    const h = this.#current;
    const other = { ...h.other };
    const keys = emptyHour(h.at).keys;
    for (const kind of RECENT_KINDS) {
      const sorted = [...this.#maps[kind].keys(ARITY[kind])].sort((a, b) => b[1] - a[1]);
      keys[kind] = Object.fromEntries(sorted.slice(0, SAVED_KEYS));
      for (const [, n] of sorted.slice(SAVED_KEYS)) other[kind] += n;
    }
    const older = recentHours(this.s, this.now).filter((x) => x.at !== h.at);
    const current = h.n > 0 ? [{ at: h.at, n: h.n, keys, other }] : [];
    return { from: this.s?.from ?? this.now, hours: [...older, ...current] };
  }
}
