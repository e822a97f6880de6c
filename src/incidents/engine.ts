import type { IncidentSettings } from '../config/incidents';
import { dict } from '../core/dict';
import type { FailureRecord } from '../pxgrid/schemas';
import { Baseline } from './baseline';
import { freshCandidates } from './candidates';
import { eventOf, type FailureEvent } from './event';
import { byRank, type Incident, matches, type Resolved, type Verdict } from './incident';
import { claim, countMatch, hold, learn, newIncident, type RunMatch, remember } from './lifecycle';
import { RecentTally } from './recent';
import { Windows } from './rolling-window';
import type { RuleInput } from './rules';
import { emptyIncidentState, type IncidentState } from './state';
import { RunTally } from './tally';

export interface EngineOptions {
  settings: IncidentSettings;
  /** The device's clock: the rules' clock until ISE's is known (see `clock`). */
  now: number;
}

export type { Verdict } from './incident';

const MAX_OPEN = 100;
const WEEK = 7 * 86_400_000;
const MAX_RESOLVED = 50;

/**
 * Incident rules over a rolling window, run once per poll: `observe` every new failure, then
 * `evaluate`, then save `nextState` only together with (or after) the mail that reports it.
 */
export class IncidentEngine {
  readonly run = new RunTally();
  readonly #windows: Windows;
  readonly #baseline: Baseline;
  readonly #state: IncidentState;
  readonly #match = new Map<string, RunMatch>();
  readonly #seen = new Map<string, number>();
  readonly #recent: RecentTally;
  /** Per open incident, per reason: the failures it is the first match of (each counted once). */
  readonly #claims = new Map<string, Map<string, number>>();
  #verdict: Verdict | undefined;
  /** The clock windows, quiet periods and learning run on: ISE's once known, else the device's. */
  #now: number;
  #open: Incident[] = [];
  #resolved: Resolved[] = [];

  constructor(
    state: IncidentState | undefined,
    private readonly opts: EngineOptions,
  ) {
    this.#now = opts.now;
    this.#state = structuredClone(state ?? emptyIncidentState());
    this.#state.reasons = dict(this.#state.reasons);
    this.#windows = new Windows(this.#state.window);
    this.#recent = new RecentTally(this.#state.recent, opts.now);
    const since = this.#state.since ?? opts.now;
    this.#baseline = new Baseline(this.#state.baseline, opts.settings.timeZone, opts.now >= since + WEEK);
  }

  /**
   * ISE's clock (the Date header of its reply), before the first record. The windows hold record
   * times, which are ISE's: measured against a device clock 15 minutes ahead, a 10-minute window
   * would be empty before the rules look at it.
   */
  clock(iseNow: number | undefined): void {
    if (iseNow !== undefined) this.#now = iseNow;
  }

  /** A muted or filtered failure: never evidence, but its reason counts as seen for new-reason. */
  known(record: FailureRecord): void {
    this.#recent.add(record);
    this.#see(eventOf(record, this.#now));
  }

  observe(record: FailureRecord): void {
    this.#recent.add(record);
    const e = eventOf(record, this.#now);
    this.#see(e);
    // Beyond STORM_THRESHOLD the storm takes every other finding in: counting by NAS and user
    // would only cost memory, which a 100 000-failure storm does not have to spare.
    const { rules, stormThreshold, lockout } = this.opts.settings;
    const detail = !rules.has('storm') || this.run.records < stormThreshold;
    this.run.add(e, detail);
    // An administrator's login is no network access: the admin-login rule alone looks at it.
    if (detail && !e.admin) {
      this.#windows.addNas(e);
      if (lockout.reasons.length === 0 || lockout.reasons.includes(e.code)) this.#windows.addLock(e);
    }
    let first: string | undefined;
    for (const i of this.#state.open) {
      if (!matches(i, e)) continue;
      countMatch(this.#match, i.id, e);
      if (first === undefined && i.scope !== 'all') first = i.id;
    }
    if (first !== undefined) {
      const byCode = this.#claims.get(first) ?? new Map<string, number>();
      byCode.set(e.code, (byCode.get(e.code) ?? 0) + e.weight);
      this.#claims.set(first, byCode);
    }
  }

  #see(e: FailureEvent): void {
    this.#seen.set(e.code, Math.max(this.#seen.get(e.code) ?? 0, e.time));
  }
  evaluate(): Verdict {
    if (this.#verdict) return this.#verdict;
    const { settings: s } = this.opts;
    const now = this.#now;
    const st = this.#state;
    st.since ??= now;
    this.#windows.prune(now, s.nasWide.windowMs, s.lockout.windowMs);
    const input: RuleInput = {
      now,
      settings: s,
      run: this.run,
      windows: this.#windows,
      baseline: this.#baseline,
      reasons: st.reasons,
      intervalMs: st.lastRun === undefined ? undefined : Math.min(6 * 3_600_000, Math.max(60_000, now - st.lastRun)),
      learned: now >= st.since + s.learningMs,
      claimed: new Map(),
    };
    const active = new Set(st.open.filter((i) => hold(i, input, this.#match.get(i.id))).map((i) => i.id));
    claim(input.claimed, active, this.#claims);
    const fresh = freshCandidates(input, active, this.#state.open);
    const created = fresh.map((c) => newIncident(c, input));
    this.#advance(active, now);
    this.#open = [...this.#open, ...created].slice(-MAX_OPEN);
    const owed = this.#open.filter((i) => !i.mailed && !i.silent);
    const all = new Set([...active, ...created.map((i) => i.id)]);
    // Silent incidents (the learning period) are part of what is normal; mailed ones are not.
    learn(
      input,
      this.#open.filter((i) => all.has(i.id) && !i.silent),
      this.#match,
    );
    this.#verdict = {
      opened: owed.sort(byRank),
      ongoing: this.#open
        .filter((i) => i.mailed && !i.silent && i.failures > i.reported)
        .map((i) => ({ incident: i, failures: i.failures - i.reported })),
      resolved: this.#resolved,
    };
    return this.#verdict;
  }

  /** Open incidents take this run's failures or close after the quiet period. */
  #advance(active: Set<string>, now: number): void {
    this.#resolved = [...this.#state.resolved];
    for (const i of this.#state.open) {
      const m = this.#match.get(i.id);
      if (active.has(i.id) && m && m.weight > 0) {
        i.failures += m.weight;
        i.last = Math.max(i.last, m.last);
        i.quietUntil = Math.max(i.quietUntil, m.last + this.opts.settings.quietMs + m.spanMs);
      }
      if (!active.has(i.id) && now >= i.quietUntil) {
        if (!i.silent)
          this.#resolved.push({
            id: i.id,
            title: i.title,
            since: i.since,
            last: i.last,
            failures: i.failures,
            unmailed: !i.mailed,
          });
      } else {
        this.#open.push(i);
      }
    }
    this.#resolved = this.#resolved.slice(-MAX_RESOLVED);
  }

  /**
   * The state to save. `delivered`: a mail carrying this verdict's opened and resolved incidents
   * was accepted; otherwise they stay owed to the next mail.
   */
  nextState(delivered: boolean): IncidentState {
    this.evaluate();
    const { settings } = this.opts;
    const now = this.#now;
    return {
      version: 1,
      since: this.#state.since,
      lastRun: now,
      open: this.#open.map((i) => (delivered ? { ...i, mailed: true, reported: i.failures } : i)),
      resolved: delivered ? [] : this.#resolved,
      reasons: remember(this.#state.reasons, this.#seen, now, settings.newReason.memoryMs),
      baseline: this.#baseline.s,
      window: this.#windows.toState(),
      recent: this.#recent.toState(),
    };
  }
}
