import { type Dict, dict } from '../core/dict';
import { localHour } from './clock';

/**
 * What is normal, learned from past runs in a few hundred numbers (no raw history): the failure
 * rate per local hour of the week (falling back to the hour of the day while the week is young),
 * each reason's share of all failures, and per NAS how many distinct users fail with one reason
 * in the rolling window. A baseline never learns from failures that belong to an open incident.
 */
export interface BaselineState {
  /** Failures per minute for each hour of the week, and how many runs taught it. */
  week: number[];
  weekN: number[];
  day: number[];
  dayN: number[];
  /** Decayed failure counts per reason code, and their sum: a reason's share. */
  shares: Dict<number>;
  /** Per NAS: decayed mean of its largest distinct-users-per-reason count in the window. */
  nas: Dict<number>;
}

export const emptyBaseline = (): BaselineState => ({
  week: new Array(168).fill(0),
  weekN: new Array(168).fill(0),
  day: new Array(24).fill(0),
  dayN: new Array(24).fill(0),
  shares: dict(),
  nas: dict(),
});

/** Runs of 10 minutes a learning step assumes; shorter or longer runs count proportionally. */
const STEP_MS = 10 * 60_000;
/** Share memory (~3 days) and the per-run weight of the hour-of-week and hour-of-day means. */
const SHARE_TAU_MS = 3 * 86_400_000;
const WEEK_ALPHA = 0.3;
const DAY_ALPHA = 0.05;
const NAS_ALPHA = 0.02;
/** Hour-of-week buckets need this many runs before they replace the hour of day. */
const WEEK_RUNS = 3;
const DAY_RUNS = 3;
const MAX_REASONS = 200;
const MAX_NAS = 2000;

export class Baseline {
  /**
   * `weekReady`: a week has passed since the first run, so each hour-of-week bucket was learned on
   * an earlier day than today (before that a bucket would only know the current hour itself).
   */
  constructor(
    readonly s: BaselineState,
    private readonly timeZone: string,
    private readonly weekReady: boolean,
  ) {
    // From JSON or structuredClone: ordinary objects, where a NAS named `constructor` reads a function.
    s.shares = dict(s.shares);
    s.nas = dict(s.nas);
  }

  /** Expected failures per minute at `t`, or undefined while this hour was never learned. */
  rate(t: number): number | undefined {
    const h = localHour(t, this.timeZone);
    if (this.weekReady && (this.s.weekN[h.week] ?? 0) >= WEEK_RUNS) return this.s.week[h.week];
    if ((this.s.dayN[h.day] ?? 0) >= DAY_RUNS) return this.s.day[h.day];
    return undefined;
  }

  /** The reason's share of all failures (0 when never seen). */
  share(code: string): number {
    const total = Object.values(this.s.shares).reduce((a, b) => a + b, 0);
    return total > 0 ? (this.s.shares[code] ?? 0) / total : 0;
  }

  /** How busy `t` is against the average hour (1 = average), clamped: scales per-NAS baselines. */
  busyness(t: number): number {
    const learned = this.s.day.filter((_, i) => (this.s.dayN[i] ?? 0) >= DAY_RUNS);
    const mean = learned.length ? learned.reduce((a, b) => a + b, 0) / learned.length : 0;
    const now = this.rate(t);
    if (!mean || now === undefined) return 1;
    return Math.min(3, Math.max(0.5, now / mean));
  }

  nasLevel(nas: string): number {
    return this.s.nas[nas] ?? 0;
  }

  /** One run's worth of learning: `ratePerMin` over `intervalMs`, counts by reason, NAS levels. */
  learn(
    t: number,
    intervalMs: number,
    ratePerMin: number,
    byReason: Map<string, number>,
    nasLevels: Map<string, number>,
  ): void {
    const steps = Math.min(6, intervalMs / STEP_MS);
    const h = localHour(t, this.timeZone);
    const expected = this.rate(t);
    // A burst teaches at most three times what was expected: one bad hour must not become normal.
    const r = expected === undefined ? ratePerMin : Math.min(ratePerMin, 3 * Math.max(expected, 0.05));
    mean(this.s.week, this.s.weekN, h.week, r, WEEK_ALPHA, steps);
    mean(this.s.day, this.s.dayN, h.day, r, DAY_ALPHA, steps);
    const decay = Math.exp(-intervalMs / SHARE_TAU_MS);
    for (const code of Object.keys(this.s.shares)) this.s.shares[code]! *= decay;
    for (const [code, n] of byReason) this.s.shares[code] = (this.s.shares[code] ?? 0) + n;
    this.s.shares = keepLargest(this.s.shares, MAX_REASONS, 1e-3);
    this.#learnNas(nasLevels, steps, this.busyness(t));
  }

  /**
   * Per NAS the level for an average hour: nasLevel() times busyness() is what is expected at a
   * given hour. Learned in the busier hours only: at night the largest of a few tiny counts says
   * more about chance than about the NAS.
   */
  #learnNas(nasLevels: Map<string, number>, steps: number, busy: number): void {
    if (busy < 1) return;
    const a = 1 - (1 - NAS_ALPHA) ** steps;
    for (const nas of new Set([...Object.keys(this.s.nas), ...nasLevels.keys()])) {
      const old = this.s.nas[nas] ?? 0;
      const seen = Math.min((nasLevels.get(nas) ?? 0) / busy, Math.max(5, 3 * old));
      this.s.nas[nas] = old + a * (seen - old);
    }
    this.s.nas = keepLargest(this.s.nas, MAX_NAS, 1e-3);
  }
}

function mean(values: number[], runs: number[], i: number, x: number, alpha: number, steps: number): void {
  const n = runs[i] ?? 0;
  // The first sample is taken as it is; later ones move the mean by alpha per 10-minute step.
  const a = n === 0 ? 1 : Math.min(1, 1 - (1 - alpha) ** steps);
  values[i] = round((values[i] ?? 0) + a * (x - (values[i] ?? 0)));
  runs[i] = Math.min(1000, n + 1);
}

/** Keeps the `max` largest entries at or above `floor`, values rounded (a compact state file). */
function keepLargest(map: Dict<number>, max: number, floor: number): Dict<number> {
  const entries = Object.entries(map).filter(([, v]) => v >= floor);
  entries.sort((a, b) => b[1] - a[1]);
  return dict(entries.slice(0, max).map(([k, v]) => [k, round(v)] as const));
}

const round = (x: number) => Number(x.toPrecision(4));
