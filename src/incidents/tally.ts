import { GUESSING, storeDown } from './codes';
import type { FailureEvent } from './event';
import { nasKey } from './rolling-window';

/** Distinct names beyond this are only counted as "more" (bounded memory in a storm). */
const MAX_NAMES = 500;
const MAX_KEYS = 20_000;

export class NameSet {
  readonly names = new Set<string>();
  overflow = false;
  add(name: string): void {
    if (!name) return;
    if (this.names.size < MAX_NAMES) this.names.add(name);
    else if (!this.names.has(name)) this.overflow = true;
  }
  get size(): number {
    return this.names.size;
  }
  /** `12`, or `500+` when the cap was reached. */
  get text(): string {
    return `${this.names.size}${this.overflow ? '+' : ''}`;
  }
  sample(n = 10): string[] {
    return [...this.names].sort().slice(0, n);
  }
}

export interface Tally {
  weight: number;
  reason: string;
  first: number;
  last: number;
  /** The longest suppression summary (TotalFailedTime) among them. */
  spanMs: number;
  users: NameSet;
  endpoints: NameSet;
  nas: Map<string, number>;
  /** Weighted failures per site, per ISE node (PSN) and per `NAS port` (wired ports only). */
  sites: Map<string, number>;
  servers: Map<string, number>;
  ports: Map<string, number>;
}

const newTally = (e: FailureEvent): Tally => ({
  weight: 0,
  reason: e.reason,
  first: e.time,
  last: e.time,
  spanMs: 0,
  users: new NameSet(),
  endpoints: new NameSet(),
  nas: new Map(),
  sites: new Map(),
  servers: new Map(),
  ports: new Map(),
});

/** Adds `w` to `key`, keeping at most `max` keys (a storm brings many). */
function bump(m: Map<string, number>, key: string, w: number, max: number): void {
  if (m.size < max || m.has(key)) m.set(key, (m.get(key) ?? 0) + w);
}

function addTo(t: Tally, e: FailureEvent): void {
  t.weight += e.weight;
  t.first = Math.min(t.first, e.time);
  t.last = Math.max(t.last, e.time);
  t.spanMs = Math.max(t.spanMs, e.spanMs);
  if (e.subject !== e.endpoint) t.users.add(e.subject);
  t.endpoints.add(e.endpoint);
  bump(t.nas, e.nas, e.weight, 1000);
  if (e.site) bump(t.sites, e.site, e.weight, 100);
  if (e.server) bump(t.servers, e.server, e.weight, 50);
  if (e.port) bump(t.ports, `${e.nas} ${e.port}`, e.weight, 50);
}

/** What this poll brought, by reason, by NAS and reason, and by user (weights counted). */
export class RunTally {
  /** Weighted failures (TotalFailedAttempts counted) and records. */
  weight = 0;
  records = 0;
  first: number | undefined;
  last: number | undefined;
  spanMs = 0;
  readonly byCode = new Map<string, Tally>();
  readonly byNasCode = new Map<string, Tally>();
  readonly bySubject = new Map<string, Tally>();
  /** Credential failures of users (not MAB) by endpoint and by wired `nas \0 port`: guessing. */
  readonly byEndpoint = new Map<string, Tally>();
  readonly byPort = new Map<string, Tally>();
  /** Administrators' logins by device and by account. */
  readonly byAdminNas = new Map<string, Tally>();
  readonly byAdminUser = new Map<string, Tally>();
  /** The identity store unreachable (codes.ts STORE_DOWN), all codes together. */
  readonly storeDown = new Map<string, Tally>();

  /** `detail`: also by NAS and by user (not once a storm is certain: the storm is the news). */
  add(e: FailureEvent, detail = true): void {
    this.weight += e.weight;
    this.records++;
    this.first = Math.min(this.first ?? e.time, e.time);
    this.last = Math.max(this.last ?? e.time, e.time);
    this.spanMs = Math.max(this.spanMs, e.spanMs);
    const keys = [[this.byCode, e.code]] as Array<[Map<string, Tally>, string]>;
    if (storeDown(e)) keys.push([this.storeDown, 'ad']);
    if (detail) keys.push(...this.#detailKeys(e));
    for (const [map, key] of keys) {
      if (!key) continue;
      let t = map.get(key);
      if (!t) {
        if (map.size >= MAX_KEYS) continue;
        t = newTally(e);
        map.set(key, t);
      }
      addTo(t, e);
    }
  }

  #detailKeys(e: FailureEvent): Array<[Map<string, Tally>, string]> {
    if (e.admin)
      return [
        [this.byAdminNas, e.nas],
        [this.byAdminUser, e.subject === e.endpoint ? '' : e.subject],
      ];
    const keys: Array<[Map<string, Tally>, string]> = [
      [this.byNasCode, nasKey(e.nas, e.code)],
      [this.bySubject, e.subject],
    ];
    if (e.subject !== e.endpoint && GUESSING.has(e.code)) {
      keys.push([this.byEndpoint, e.endpoint]);
      if (e.port) keys.push([this.byPort, nasKey(e.nas, e.port)]);
    }
    return keys;
  }
}
