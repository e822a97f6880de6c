/**
 * The counting behind the digest: spans, capped counters and distinct users per group. A storm
 * adds 100 000 records, so each one costs a few lookups on values seen before and builds no keys.
 */

/** Above this many distinct keys a table only counts: memory grows with this cap, not the batch. */
export const MAX_KEYS = 10_000;

export interface Span {
  count: number;
  first: number | undefined;
  last: number | undefined;
}

export interface TopRow {
  value: string;
  count: number;
}

/** A user's count and the groups (reason and NAS tags) it was counted in. */
export interface UserTally {
  n: number;
  groups: number[];
}

/** An endpoint's count and its first detail rows (an endpoint seldom has more than a few). */
export interface EndpointTally<Row> {
  n: number;
  rows: Row[];
}

/** Rows kept on one endpoint's tally before the rest go to the key index. */
export const ENDPOINT_ROWS = 16;

/**
 * A reason or NAS group: `users` distinct users up to MAX_KEYS. A user with a tally notes the
 * group's tag in its own short list; users past MAX_KEYS (no tally) go to `others`.
 */
export interface Group<R extends Span> {
  row: R;
  tag: number;
  users: number;
  others?: Set<string>;
}

export function member<R extends Span>(
  g: Group<R>,
  u: UserTally | undefined,
  user: string,
  time: number | undefined,
): void {
  addSpan(g.row, time);
  if (g.users >= MAX_KEYS) return;
  if (u) {
    if (u.groups.includes(g.tag)) return;
    u.groups.push(g.tag);
  } else {
    g.others ??= new Set();
    if (g.others.has(user)) return;
    g.others.add(user);
  }
  g.users++;
}

export function addSpan(s: Span, t: number | undefined): void {
  s.count++;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}

export function top(map: Map<string, { n: number }>, n: number): TopRow[] {
  return [...map]
    .map(([value, c]) => ({ value, count: c.n }))
    .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
    .slice(0, n);
}

export const minTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
export const maxTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
// Code-unit order, not localeCompare: the same mail on every machine (golden tests, diffs).
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
