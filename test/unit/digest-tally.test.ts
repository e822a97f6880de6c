// The digest counts through per-user tallies (to spare a storm most hash lookups); it must give
// exactly what plain maps and sets keyed by the values give, caps included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Digest, type FailureView, MAX_KEYS, MAX_ROWS, viewOf } from '../../src/format/digest';
import type { FailureRecord } from '../../src/pxgrid/schemas';

/** The digest's tables computed the plain way, with the same caps and orders. */
function reference(views: FailureView[]) {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const span = (s: { count: number; first?: number; last?: number }, t?: number) => {
    s.count++;
    if (t !== undefined) {
      s.first = s.first === undefined ? t : Math.min(s.first, t);
      s.last = s.last === undefined ? t : Math.max(s.last, t);
    }
  };
  const users = new Map<string, number>();
  const reasons = new Map<string, { s: { count: number; first?: number; last?: number }; u: Set<string> }>();
  const nas = new Map<
    string,
    { s: { count: number; first?: number; last?: number }; u: Set<string>; v: FailureView }
  >();
  const rows = new Map<string, FailureView & { count: number; first?: number; last?: number }>();
  let dropped = 0;
  for (const v of views) {
    if (users.has(v.user)) users.set(v.user, users.get(v.user)! + 1);
    else if (users.size < MAX_KEYS) users.set(v.user, 1);
    for (const [map, key] of [
      [reasons, v.reason],
      [nas, JSON.stringify([v.nasName, v.nasIp])],
    ] as const) {
      const m = map as Map<string, { s: { count: number }; u: Set<string>; v?: FailureView }>;
      if (!m.has(key) && m.size < MAX_KEYS) m.set(key, { s: { count: 0 }, u: new Set(), v });
      const g = m.get(key);
      if (!g) continue;
      span(g.s, v.time);
      if (g.u.size < MAX_KEYS) g.u.add(v.user);
    }
    const key = JSON.stringify([v.user, v.endpoint, v.nasName, v.nasIp, v.reason]);
    const row = rows.get(key);
    if (row) {
      span(row, v.time);
      if (v.time !== undefined && v.time === row.last) row.location = v.location;
    } else if (rows.size < MAX_ROWS) rows.set(key, { ...v, count: 1, first: v.time, last: v.time });
    else dropped++;
  }
  return {
    reasons: [...reasons.entries()]
      .map(([reason, g]) => ({ reason, ...g.s, users: g.u.size }))
      .sort((a, b) => b.count - a.count || cmp(a.reason, b.reason)),
    nas: [...nas.values()]
      .map((g) => ({ name: g.v.nasName, ip: g.v.nasIp, location: g.v.location, ...g.s, users: g.u.size }))
      .sort((a, b) => b.count - a.count || cmp(a.name, b.name)),
    users: [...users].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, 10),
    details: [...rows.values()].sort(
      (a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count || cmp(a.user, b.user),
    ),
    dropped,
    distinct: users.size,
  };
}

function compare(records: FailureRecord[]) {
  const d = new Digest();
  for (const r of records) d.add(r);
  const ref = reference(records.map((r) => viewOf(r)));
  const strip = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r }));
  expect(strip(d.reasons())).toEqual(ref.reasons.map((r) => ({ first: undefined, last: undefined, ...r })));
  expect(strip(d.nas())).toEqual(ref.nas.map((r) => ({ first: undefined, last: undefined, ...r })));
  expect(d.topUsers(10)).toEqual(ref.users.map(([value, count]) => ({ value, count })));
  expect(d.details()).toEqual(ref.details);
  expect([d.rowsDropped, d.distinctUsers]).toEqual([ref.dropped, ref.distinct]);
}

const record = (user: string, endpoint: string, nas: string, reason: string, t: number, i: number) =>
  ({
    id: String(i + 1),
    timestamp: new Date(1_790_000_000_000 + t * 60_000).toISOString(),
    userName: user,
    callingStationId: endpoint,
    nasName: nas,
    nasIpAddress: nas === 'n0' ? '' : `10.0.0.${nas.length}`,
    failureReason: reason,
    location: `L${t % 3}`,
  }) as FailureRecord;

describe('digest tallies', () => {
  it('equal plain maps and sets for any small batch', () => {
    const pick = (n: number, p: string) => fc.nat(n).map((i) => `${p}${i}`);
    const rec = fc.tuple(pick(6, 'u'), pick(40, 'e'), pick(4, 'n'), pick(3, 'r'), fc.nat(30));
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 400 }), (list) => {
        compare(list.map(([u, e, n, r, t], i) => record(u, e, n, r, t, i)));
      }),
      { numRuns: 200 },
    );
  });

  it('equal them past the caps: more users than MAX_KEYS, more rows than MAX_ROWS', () => {
    const records: FailureRecord[] = [];
    for (let i = 0; i < MAX_KEYS + 2_500; i++)
      records.push(record(`u${i}`, `e${i % 7}`, `n${i % 5}`, `r${i % 4}`, i % 50, i));
    // Users past the cap (no tally) come back, and a user with a tally gets many endpoints.
    for (let i = 0; i < 3_000; i++)
      records.push(record(i % 2 ? 'u1' : `u${MAX_KEYS + (i % 900)}`, `e${i}`, 'n1', 'r1', i % 40, i + 20_000));
    compare(records);
  });
});
