/**
 * Failures over time, for the mail's bar chart: counts per time slot and reason. Bounded like the
 * rest of a digest: past MAX_CELLS the slots grow to the next step of STEPS (each a multiple of
 * the one before, so merged slots stay exact), and past MAX_REASONS new reasons count as other
 * (key ''). The digest spool keeps it with the other counts.
 */
import { plausible } from '../core/times';

const MIN = 60_000;
/** Slot sizes: 1, 5, 15, 30 min, 1, 3, 6, 12 h, 1 day, then doubling. */
export const STEPS = [1, 5, 15, 30, 60, 180, 360, 720, 1440].map((m) => m * MIN);
const MAX_CELLS = 3_000;
const MAX_REASONS = 24;
export const OTHER = '';

export interface Timeline {
  stepMs: number;
  /** Slot number (time / stepMs) -> reason -> failures. */
  slots: Map<number, Map<string, number>>;
  cells: number;
  reasons: Set<string>;
}

export const emptyTimeline = (): Timeline => ({ stepMs: STEPS[0]!, slots: new Map(), cells: 0, reasons: new Set() });

/** From the start of the first slot to the end of the last: where the chart's failures are. */
export function timelineSpan(tl: Timeline): { from: number; to: number } | undefined {
  if (tl.slots.size === 0) return undefined;
  const slots = [...tl.slots.keys()];
  return { from: Math.min(...slots) * tl.stepMs, to: (Math.max(...slots) + 1) * tl.stepMs - 1 };
}

/** The step after `ms`: the next of STEPS, then doubling. */
export const nextStep = (ms: number) => STEPS.find((s) => s > ms) ?? ms * 2;

/** Counts one failure at `t`; a time outside 2000-2100 (a broken clock) is left out of the chart. */
export function countAt(tl: Timeline, t: number | undefined, reason: string): void {
  if (!plausible(t)) return;
  let key = reason;
  if (!tl.reasons.has(key)) {
    if (tl.reasons.size < MAX_REASONS) tl.reasons.add(key);
    else key = OTHER;
  }
  const slot = Math.floor(t / tl.stepMs);
  let cell = tl.slots.get(slot);
  if (!cell) {
    cell = new Map();
    tl.slots.set(slot, cell);
  }
  const n = cell.get(key);
  if (n === undefined) tl.cells++;
  cell.set(key, (n ?? 0) + 1);
  if (tl.cells > MAX_CELLS) rebin(tl, nextStep(tl.stepMs));
}

/** Merges the slots into slots of `stepMs` (a multiple of the current step). */
export function rebin(tl: Timeline, stepMs: number): void {
  const old = tl.slots;
  const ratio = stepMs / tl.stepMs;
  tl.stepMs = stepMs;
  tl.slots = new Map();
  tl.cells = 0;
  for (const [slot, cell] of old) {
    const to = Math.floor(slot / ratio);
    let into = tl.slots.get(to);
    if (!into) {
      into = new Map();
      tl.slots.set(to, into);
    }
    for (const [reason, n] of cell) {
      if (!into.has(reason)) tl.cells++;
      into.set(reason, (into.get(reason) ?? 0) + n);
    }
  }
}
