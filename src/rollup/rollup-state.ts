import type { FilterName } from './filters';
import { countAt, emptyTimeline, type Timeline } from './timeline';
import type { FailureView } from './view';

/**
 * Everything a Rollup counts, as plain data: the digest spool (ALERT_MODE=digest) stores it between
 * runs, so a digest covering many polls keeps exact counts in bounded space (the same caps as one
 * poll's digest).
 */
export interface Span {
  count: number;
  /** Attempts ISE counted, repeats it suppressed included ("Suppress Repeated Failed Clients"). */
  attempts: number;
  first: number | undefined;
  last: number | undefined;
}

/** Identical failures (same user, endpoint, NAS, reason) collapsed into one row. */
export interface DetailRow extends FailureView, Span {}

export interface ReasonRow extends Span {
  reason: string;
  users: number;
  /** More distinct users than were counted (memory cap): `users` is a lower bound. */
  usersCapped?: boolean;
}
export interface NasRow extends Span {
  name: string;
  ip: string;
  location: string;
  users: number;
  usersCapped?: boolean;
}

export interface Group<R> {
  row: R;
  users: Set<string>;
  /** A user was not counted for lack of room. */
  capped: boolean;
}

/** Above this many distinct keys a table only counts: memory grows with this cap, not the batch. */
export const MAX_KEYS = 10_000;
/**
 * Detail rows kept (the mail shows a few dozen; every record is in the attachment). A row holds
 * ~1 KB of cleaned values: 2 000 rows cost ~2 MB of a storm's 128 MB budget, 10 000 cost ~10 MB.
 */
export const MAX_ROWS = 2_000;
/** Distinct users counted per reason and per NAS, all groups together (~100 bytes each). */
export const MAX_GROUP_USERS = 100_000;
/** Joins cleaned values into one key: clean() never leaves a control character in a value. */
const SEP = '\u0000';

export interface RollupState {
  /** Records in the mail body (after filters and mutes). */
  total: number;
  newest: number | undefined;
  oldest: number | undefined;
  /** Distinct detail rows beyond MAX_ROWS: counted in `total`, not shown. */
  rowsDropped: number;
  /** Records in the mail timestamped after ISE's clock (plus skew). */
  future: number;
  /** Room left for distinct users in the reason and NAS groups. */
  groupUsersLeft: number;
  filtered: Map<FilterName, number>;
  /** Records a mute kept out of the body (still attached), by the mute's label. */
  muted: Map<string, number>;
  rows: Map<string, DetailRow>;
  reasons: Map<string, Group<ReasonRow>>;
  nas: Map<string, Group<NasRow>>;
  users: Map<string, number>;
  endpoints: Map<string, number>;
  /** Failures over time, for the chart. */
  timeline: Timeline;
}

export function emptyRollupState(): RollupState {
  return {
    total: 0,
    newest: undefined,
    oldest: undefined,
    rowsDropped: 0,
    future: 0,
    groupUsersLeft: MAX_GROUP_USERS,
    filtered: new Map(),
    muted: new Map(),
    rows: new Map(),
    reasons: new Map(),
    nas: new Map(),
    users: new Map(),
    endpoints: new Map(),
    timeline: emptyTimeline(),
  };
}

export const rowKey = (v: FailureView) =>
  `${v.user}${SEP}${v.endpoint}${SEP}${v.nasName}${SEP}${v.nasIp}${SEP}${v.reason}`;
export const nasKey = (name: string, ip: string) => `${name}${SEP}${ip}`;

/** Counts one failure for the mail body into every table of `s`. */
export function countFailure(s: RollupState, v: FailureView, attempts: number, future: boolean): void {
  s.total++;
  if (future) s.future++;
  s.newest = maxTime(s.newest, v.time);
  s.oldest = minTime(s.oldest, v.time);
  countInto(s.users, v.user);
  if (v.endpoint) countInto(s.endpoints, v.endpoint);
  addGroups(s, v, attempts);
  addRow(s, v, attempts);
  countAt(s.timeline, v.time, v.reason);
}

function addRow(s: RollupState, v: FailureView, attempts: number): void {
  const key = rowKey(v);
  const row = s.rows.get(key);
  if (row) {
    addSpan(row, v.time, attempts);
    // Where it happened last: the port, PSN and session of the newest failure of the row.
    if (v.time !== undefined && v.time === row.last)
      Object.assign(row, { location: v.location, port: v.port, psn: v.psn, session: v.session });
  } else if (s.rows.size < MAX_ROWS) {
    s.rows.set(key, { ...v, count: 1, attempts, first: v.time, last: v.time });
  } else {
    s.rowsDropped++;
  }
}

function addGroups(s: RollupState, v: FailureView, attempts: number): void {
  // No closure or array per record: a storm calls this for every failure, mostly before V8 optimizes it.
  let reason = s.reasons.get(v.reason);
  if (!reason && s.reasons.size < MAX_KEYS) {
    reason = newGroup({ reason: v.reason, ...emptySpan() });
    s.reasons.set(v.reason, reason);
  }
  const key = nasKey(v.nasName, v.nasIp);
  let nas = s.nas.get(key);
  if (!nas && s.nas.size < MAX_KEYS) {
    nas = newGroup({ name: v.nasName, ip: v.nasIp, location: v.location, ...emptySpan() });
    s.nas.set(key, nas);
  }
  if (reason) countInGroup(s, reason, v, attempts);
  if (nas) countInGroup(s, nas, v, attempts);
}

const emptySpan = () => ({ count: 0, attempts: 0, users: 0, first: undefined, last: undefined });
const newGroup = <R>(row: R): Group<R> => ({ row, users: new Set(), capped: false });

function countInGroup(s: RollupState, g: Group<Span>, v: FailureView, attempts: number): void {
  addSpan(g.row, v.time, attempts);
  const { users } = g;
  if (users.size < MAX_KEYS && s.groupUsersLeft > 0) {
    // One hash lookup where there is room: add, and see whether the set grew.
    const before = users.size;
    if (users.add(v.user).size > before) s.groupUsersLeft--;
  } else if (!users.has(v.user)) g.capped = true;
}

function addSpan(s: Span, t: number | undefined, attempts: number): void {
  s.count++;
  s.attempts += attempts;
  s.first = minTime(s.first, t);
  s.last = maxTime(s.last, t);
}

function countInto(map: Map<string, number>, key: string): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + 1);
  else if (map.size < MAX_KEYS) map.set(key, 1);
}

const minTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
const maxTime = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
