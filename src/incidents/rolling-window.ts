import { dict } from '../core/dict';
import type { FailureEvent } from './event';

/**
 * The rolling window the nas-wide and lockout rules look at, carried from run to run: who failed
 * with which reason on which NAS (last time each), and each user's recent failures with their
 * weights. Bounded in memory during a storm and smaller still on disk.
 */
export interface WindowState {
  /** `nas \0 code` -> subject (`u:name` / `e:mac`) -> last failure time. */
  nas: Record<string, Record<string, number>>;
  /** subject -> recent failures `[time, weight]`, with the NAS and reason of the latest. */
  lock: Record<string, { ev: Array<[number, number]>; nas: string; code: string }>;
}

export const emptyWindow = (): WindowState => ({ nas: {}, lock: {} });

/** In-memory caps (a 100 000-record storm) and what the state file keeps. */
const MAX_KEYS = 2000;
const MAX_SUBJECTS_PER_KEY = 128;
const MAX_LOCK_SUBJECTS = 20_000;
const MAX_LOCK_EVENTS = 32;
const SAVED_SUBJECTS = 4000;
const SAVED_SUBJECTS_PER_KEY = 64;
const SAVED_LOCK_SUBJECTS = 1000;

export const nasKey = (nas: string, code: string) => `${nas}\u0000${code}`;
export const splitNasKey = (key: string): [string, string] => {
  const i = key.indexOf('\u0000');
  return [key.slice(0, i), key.slice(i + 1)];
};
export const subjectKey = (e: FailureEvent) => (e.subject === e.endpoint ? `e:${e.subject}` : `u:${e.subject}`);

export class Windows {
  readonly nas = new Map<string, Map<string, number>>();
  readonly lock = new Map<string, { ev: Array<[number, number]>; nas: string; code: string }>();

  constructor(s: WindowState) {
    for (const [k, subjects] of Object.entries(s.nas)) this.nas.set(k, new Map(Object.entries(subjects)));
    for (const [k, v] of Object.entries(s.lock)) this.lock.set(k, { ...v, ev: v.ev.map(([t, w]) => [t, w]) });
  }

  addNas(e: FailureEvent): void {
    if (!e.subject) return;
    const key = nasKey(e.nas, e.code);
    let subjects = this.nas.get(key);
    if (!subjects) {
      if (this.nas.size >= MAX_KEYS) return;
      subjects = new Map();
      this.nas.set(key, subjects);
    }
    const sk = subjectKey(e);
    const old = subjects.get(sk);
    if (old !== undefined || subjects.size < MAX_SUBJECTS_PER_KEY) subjects.set(sk, Math.max(old ?? 0, e.time));
  }

  addLock(e: FailureEvent): void {
    if (!e.subject) return;
    let entry = this.lock.get(e.subject);
    if (!entry) {
      if (this.lock.size >= MAX_LOCK_SUBJECTS) return;
      entry = { ev: [], nas: e.nas, code: e.code };
      this.lock.set(e.subject, entry);
    }
    entry.ev.push([e.time, e.weight]);
    entry.nas = e.nas;
    entry.code = e.code;
    if (entry.ev.length > MAX_LOCK_EVENTS) {
      // Fold the two oldest into one: the weight in the window stays exact enough, memory bounded.
      entry.ev.sort((a, b) => a[0] - b[0]);
      const [a, b] = entry.ev.splice(0, 2) as [[number, number], [number, number]];
      entry.ev.unshift([b[0], a[1] + b[1]]);
    }
  }

  /** Drops what fell out of the windows ending at `now`. */
  prune(now: number, nasWindowMs: number, lockWindowMs: number): void {
    for (const [key, subjects] of this.nas) {
      for (const [s, t] of subjects) if (t < now - nasWindowMs) subjects.delete(s);
      if (subjects.size === 0) this.nas.delete(key);
    }
    for (const [s, entry] of this.lock) {
      entry.ev = entry.ev.filter(([t]) => t >= now - lockWindowMs);
      if (entry.ev.length === 0) this.lock.delete(s);
    }
  }

  /** Are most of a key's subjects users (not bare endpoints, as in MAB)? */
  mostlyUsers(key: string): boolean {
    let users = 0;
    const subjects = this.nas.get(key) ?? new Map();
    for (const s of subjects.keys()) if (s.startsWith('u:')) users++;
    return users * 2 >= subjects.size;
  }

  distinct(key: string): number {
    return this.nas.get(key)?.size ?? 0;
  }

  /** Weighted failures of a subject in the window. */
  lockWeight(subject: string): number {
    return (this.lock.get(subject)?.ev ?? []).reduce((n, [, w]) => n + w, 0);
  }

  /** The state to save: the most recent entries only, so the file stays small after a storm. */
  toState(): WindowState {
    const nas: WindowState['nas'] = dict();
    let budget = SAVED_SUBJECTS;
    for (const [k, subjects] of [...this.nas].sort((a, b) => b[1].size - a[1].size)) {
      const keep = Math.min(budget, SAVED_SUBJECTS_PER_KEY);
      if (keep <= 0) break;
      budget -= Math.min(keep, subjects.size);
      nas[k] = dict([...subjects].sort((a, b) => b[1] - a[1]).slice(0, keep));
    }
    const lastOf = (ev: Array<[number, number]>) => ev.reduce((m, [t]) => Math.max(m, t), 0);
    const lockEntries = [...this.lock].sort((a, b) => lastOf(b[1].ev) - lastOf(a[1].ev)).slice(0, SAVED_LOCK_SUBJECTS);
    return { nas, lock: dict(lockEntries) };
  }
}
