import * as z from 'zod/mini';
import { int, count as shapeCount } from '../core/shape';
import type { FilterName } from '../rollup/filters';
import { type DetailRow, nasKey, type RollupState, rowKey, type Span } from '../rollup/rollup-state';
import { emptyTimeline, type Timeline } from '../rollup/timeline';

/** A RollupState as the digest spool stores it in spool.json: times in ms or null, Sets and Maps as arrays. */
export function digestJson() {
  const str = z.string();
  const bool = z.boolean();
  const time = z.nullable(z.number());
  const count = shapeCount();
  const span = { count, attempts: count, first: time, last: time };
  const counts = z.array(z.tuple([str, count]));
  const view = {
    time,
    user: str,
    endpoint: str,
    nasName: str,
    nasIp: str,
    reason: str,
    location: str,
    port: z.optional(str),
    psn: z.optional(str),
    session: z.optional(str),
    admin: z.optional(bool),
  };
  const users = z.array(str);

  return z.object({
    total: count,
    newest: time,
    oldest: time,
    rowsDropped: count,
    future: count,
    groupUsersLeft: int(),
    filtered: counts,
    muted: counts,
    rows: z.array(z.object({ ...view, ...span })),
    reasons: z.array(z.object({ reason: str, ...span, users, capped: bool })),
    nas: z.array(z.object({ name: str, ip: str, location: str, ...span, users, capped: bool })),
    users: counts,
    endpoints: counts,
    // Optional: a spool written before the chart existed has none.
    timeline: z.optional(z.object({ stepMs: int(60_000), slots: z.array(z.tuple([int(), counts])) })),
  });
}
export type DigestJson = z.output<ReturnType<typeof digestJson>>;

const nul = (t: number | undefined) => t ?? null;
const und = (t: number | null) => t ?? undefined;

export function digestToJson(s: RollupState): DigestJson {
  const spanOf = (x: Span) => ({ count: x.count, attempts: x.attempts, first: nul(x.first), last: nul(x.last) });
  return {
    total: s.total,
    newest: nul(s.newest),
    oldest: nul(s.oldest),
    rowsDropped: s.rowsDropped,
    future: s.future,
    groupUsersLeft: s.groupUsersLeft,
    filtered: [...s.filtered],
    muted: [...s.muted],
    rows: [...s.rows.values()].map((r) => ({ ...r, ...spanOf(r), time: nul(r.time) })),
    reasons: [...s.reasons.values()].map((g) => ({
      reason: g.row.reason,
      ...spanOf(g.row),
      users: [...g.users],
      capped: g.capped,
    })),
    nas: [...s.nas.values()].map(({ row, users, capped }) => ({
      name: row.name,
      ip: row.ip,
      location: row.location,
      ...spanOf(row),
      users: [...users],
      capped,
    })),
    users: [...s.users],
    endpoints: [...s.endpoints],
    timeline: { stepMs: s.timeline.stepMs, slots: [...s.timeline.slots].map(([k, cell]) => [k, [...cell]]) },
  };
}

function timelineFromJson(j: DigestJson['timeline']): Timeline {
  const tl = emptyTimeline();
  if (!j) return tl;
  tl.stepMs = j.stepMs;
  for (const [slot, cell] of j.slots) {
    tl.slots.set(slot, new Map(cell));
    tl.cells += cell.length;
    for (const [reason] of cell) tl.reasons.add(reason);
  }
  return tl;
}

export function digestFromJson(j: DigestJson): RollupState {
  const spanOf = (x: { count: number; attempts: number; first: number | null; last: number | null }) => ({
    count: x.count,
    attempts: x.attempts,
    first: und(x.first),
    last: und(x.last),
  });
  const rows = j.rows.map((r): DetailRow => ({ ...r, ...spanOf(r), time: und(r.time) }));
  return {
    total: j.total,
    newest: und(j.newest),
    oldest: und(j.oldest),
    rowsDropped: j.rowsDropped,
    future: j.future,
    groupUsersLeft: j.groupUsersLeft,
    filtered: new Map(j.filtered as Array<[FilterName, number]>),
    muted: new Map(j.muted),
    rows: new Map(rows.map((r) => [rowKey(r), r])),
    reasons: new Map(
      j.reasons.map((g) => [
        g.reason,
        { row: { reason: g.reason, ...spanOf(g), users: 0 }, users: new Set(g.users), capped: g.capped },
      ]),
    ),
    nas: new Map(
      j.nas.map(({ users, capped, ...g }) => [
        nasKey(g.name, g.ip),
        { row: { ...g, ...spanOf(g), users: 0 }, users: new Set(users), capped },
      ]),
    ),
    users: new Map(j.users),
    endpoints: new Map(j.endpoints),
    timeline: timelineFromJson(j.timeline),
  };
}
