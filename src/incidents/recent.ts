import { reasonCode } from '../format/hints';
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

/** A record holding only what the key kept: what a mute's test is run against. */
export function recordOfKey(kind: RecentKind, key: string): FailureRecord {
  const [a, b, c] = key.split('\u0000');
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

/** This run's counts, added to the current hour. */
export class RecentTally {
  readonly #current: RecentHour;
  readonly #maps: Record<RecentKind, Map<string, number>> = {
    user: new Map(),
    endpoint: new Map(),
    nas: new Map(),
    reason: new Map(),
  };

  constructor(
    private readonly s: RecentState | undefined,
    private readonly now: number,
  ) {
    const at = Math.floor(now / HOUR_MS) * HOUR_MS;
    this.#current = recentHours(s, now).find((h) => h.at === at) ?? emptyHour(at);
    for (const kind of RECENT_KINDS)
      for (const [k, n] of Object.entries(this.#current.keys[kind])) this.#maps[kind].set(k, n);
  }

  /** Once per new record of a storm: no object per record, one map lookup per kind. */
  add(r: FailureRecord): void {
    this.#current.n++;
    this.#count('user', field(r.userName));
    this.#count('endpoint', `${field(r.callingStationId)}\u0000${field(r.macAddress)}`);
    this.#count('nas', `${field(r.nasName)}\u0000${field(r.networkDeviceName)}\u0000${field(r.nasIpAddress)}`);
    this.#count('reason', reasonCode(text(r.failureReason)) ?? '');
  }

  #count(kind: RecentKind, key: string): void {
    const map = this.#maps[kind];
    const n = map.get(key);
    if (n !== undefined) map.set(key, n + 1);
    else if (map.size < MEMORY_KEYS) map.set(key, 1);
    else this.#current.other[kind]++;
  }

  toState(): RecentState {
    const h = this.#current;
    const other = { ...h.other };
    const keys = emptyHour(h.at).keys;
    for (const kind of RECENT_KINDS) {
      const sorted = [...this.#maps[kind]].sort((a, b) => b[1] - a[1]);
      keys[kind] = Object.fromEntries(sorted.slice(0, SAVED_KEYS));
      for (const [, n] of sorted.slice(SAVED_KEYS)) other[kind] += n;
    }
    const older = recentHours(this.s, this.now).filter((x) => x.at !== h.at);
    const current = h.n > 0 ? [{ at: h.at, n: h.n, keys, other }] : [];
    return { from: this.s?.from ?? this.now, hours: [...older, ...current] };
  }
}
