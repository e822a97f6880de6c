import * as z from 'zod';
import { type DetailRow, type DigestState, nasKey, rowKey, type Span } from '../format/digest-state';
import type { FilterName } from '../format/filters';

/** A DigestState as the digest spool stores it in spool.json: times in ms or null, Sets and Maps as arrays. */
const time = z.number().nullable();
const span = { count: z.number().int().min(0), attempts: z.number().int().min(0), first: time, last: time };
const str = z.string();
const counts = z.array(z.tuple([str, z.number().int().min(0)]));
const view = { time, user: str, endpoint: str, nasName: str, nasIp: str, reason: str, location: str };

/** The JSON form of a DigestState (times in ms or null; Sets and Maps as arrays). */
export const digestJson = z.object({
  total: z.number().int().min(0),
  newest: time,
  oldest: time,
  rowsDropped: z.number().int().min(0),
  future: z.number().int().min(0),
  groupUsersLeft: z.number().int(),
  filtered: counts,
  muted: counts,
  rows: z.array(z.object({ ...view, ...span })),
  reasons: z.array(z.object({ reason: str, ...span, users: z.array(str), capped: z.boolean() })),
  nas: z.array(z.object({ name: str, ip: str, location: str, ...span, users: z.array(str), capped: z.boolean() })),
  users: counts,
  endpoints: counts,
});
export type DigestJson = z.infer<typeof digestJson>;

const nul = (t: number | undefined) => t ?? null;
const und = (t: number | null) => t ?? undefined;

export function digestToJson(s: DigestState): DigestJson {
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
  };
}

export function digestFromJson(j: DigestJson): DigestState {
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
  };
}
