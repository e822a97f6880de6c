import { escapeHtml } from '../core/sanitize';
import { nextStep, OTHER, STEPS, type Timeline } from '../rollup/timeline';
import type { Clock } from './time';

/**
 * The failures over the period as bars: stacked by the top reasons (and the rest), built from table
 * cells with bgcolor so it shows in Outlook, Gmail and Apple Mail with images blocked; the text
 * part gets the same bars as a one-line sparkline.
 */
const MAX_BARS = 30;
/** Okabe-Ito colours: told apart with the common colour-vision deficiencies (https://jfly.uni-koeln.de/color/). */
export const COLORS = ['#D55E00', '#0072B2', '#E69F00'];
const REST_COLOR = '#8C959F';
const HEIGHT = 64;

export interface Bars {
  stepMs: number;
  start: number;
  /** Per bar: failures of each top reason, then the rest. */
  bars: number[][];
  keys: string[];
  peak: number;
  peakAt: number;
}

/** Bars from `from` to `to` for the `top` reasons (at most three), or undefined with nothing to show. */
export function barsOf(tl: Timeline, from: number, to: number, top: string[]): Bars | undefined {
  if (tl.slots.size === 0 || !(to >= from)) return undefined;
  let stepMs = Math.max(tl.stepMs, STEPS[0]!);
  // Bars from the one holding `from` to the one ending at or after `to`.
  const count = (step: number) => Math.max(1, Math.ceil(to / step) - Math.floor(from / step));
  while (count(stepMs) > MAX_BARS) stepMs = nextStep(stepMs);
  const first = Math.floor(from / stepMs);
  const last = count(stepMs) - 1;
  const keys = top.filter((k) => k !== OTHER).slice(0, COLORS.length);
  const bars = Array.from({ length: last + 1 }, () => new Array(keys.length + 1).fill(0));
  for (const [slot, cell] of tl.slots) {
    // A failure at exactly `to` counts in the last bar.
    const bar = bars[Math.min(last, Math.floor((slot * tl.stepMs) / stepMs) - first)];
    if (!bar) continue;
    for (const [reason, n] of cell) {
      const i = keys.indexOf(reason);
      bar[i < 0 ? keys.length : i] += n;
    }
  }
  const totals = bars.map((b) => b.reduce((a, n) => a + n, 0));
  const peak = Math.max(...totals);
  if (peak === 0) return undefined;
  return { stepMs, start: first * stepMs, bars, keys, peak, peakAt: (first + totals.indexOf(peak)) * stepMs };
}

export function stepText(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} h`;
  return ms === 60_000 ? 'minute' : `${ms / 60_000} min`;
}

const SPARK = ' ▁▂▃▄▅▆▇█';

/** `Failures per 5 min, 10:00 to 11:00 (peak 42 at 10:15):` then the bars, one line each. */
export function sparkline(b: Bars, clock: Clock): string[] {
  const line = b.bars
    .map((bar) => bar.reduce((a, n) => a + n, 0))
    .map((n) => (n === 0 ? '·' : SPARK[Math.max(1, Math.round((n / b.peak) * 8))]))
    .join('');
  const end = b.start + b.bars.length * b.stepMs;
  return [
    `Failures per ${stepText(b.stepMs)}, ${clock.minute(b.start)} to ${clock.minute(end)} ` +
      `(peak ${b.peak} at ${clock.minute(b.peakAt)}):`,
    `  ${line}`,
  ];
}

const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif';

/** The bar chart as nested tables; `labels` are the legend's words for `b.keys`. */
export function chartHtml(b: Bars, clock: Clock, labels: string[]): string {
  const width = `${(100 / b.bars.length).toFixed(2)}%`;
  const cells = b.bars.map((bar, i) => {
    const total = bar.reduce((a, n) => a + n, 0);
    const segs = bar
      .map((n, k) => ({ n, color: k < b.keys.length ? COLORS[k]! : REST_COLOR }))
      .filter((s) => s.n > 0)
      .reverse()
      .map((s) => {
        const h = Math.max(2, Math.round((s.n / b.peak) * HEIGHT));
        return (
          `<tr><td height="${h}" bgcolor="${s.color}" style="height:${h}px;background:${s.color};font-size:1px;` +
          'line-height:1px;mso-line-height-rule:exactly">&nbsp;</td></tr>'
        );
      })
      .join('');
    const tip = `${clock.minute(b.start + i * b.stepMs)}: ${total}`;
    const inner = segs
      ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${segs}</table>`
      : '';
    return (
      `<td width="${width}" valign="bottom" title="${escapeHtml(tip)}" style="width:${width};padding:0 1px;` +
      `vertical-align:bottom;border-bottom:1px solid #8C959F">${inner}</td>`
    );
  });
  const end = b.start + b.bars.length * b.stepMs;
  const axis =
    `<tr><td colspan="${b.bars.length}" style="${FONT};font-size:11px;color:#57606a;padding-top:3px">` +
    `<span style="float:right">${escapeHtml(clock.minute(end))}</span>${escapeHtml(clock.minute(b.start))}</td></tr>`;
  const legend = [...labels.slice(0, b.keys.length), 'other reasons']
    .map((label, k) => {
      const color = k < b.keys.length ? COLORS[k]! : REST_COLOR;
      return (
        `<span style="white-space:nowrap;display:inline-block;margin:0 10px 2px 0"><span style="display:inline-block;` +
        `width:10px;height:10px;background:${color};vertical-align:middle"></span> ${escapeHtml(label)}</span>`
      );
    })
    .join(' ');
  return [
    `<div style="${FONT};font-size:12px;color:#424a53;margin:14px 0 6px">Failures per ${stepText(b.stepMs)} ` +
      `(peak ${b.peak} at ${escapeHtml(clock.minute(b.peakAt))})</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ` +
      `style="table-layout:fixed;height:${HEIGHT}px"><tr style="height:${HEIGHT}px">${cells.join('')}</tr>` +
      `${axis}</table>`,
    `<div style="${FONT};font-size:11px;color:#424a53;margin-top:4px">${legend}</div>`,
  ].join('\n');
}
