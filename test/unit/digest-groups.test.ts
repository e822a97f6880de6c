// Distinct users per reason and per NAS, with their two caps (MAX_KEYS per group, MAX_GROUP_USERS in
// all): the counts must equal plain sets' up to the caps, and a group past a cap must say so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countFailure,
  emptyRollupState,
  MAX_GROUP_USERS,
  MAX_KEYS,
  nasKey,
  type RollupState,
} from '../../src/rollup/rollup-state';
import type { FailureView } from '../../src/rollup/view';

const view = (user: string, reason: string, nas = 'sw1'): FailureView => ({
  time: 1_790_000_000_000,
  user,
  endpoint: '',
  nasName: nas,
  nasIp: '10.0.0.1',
  reason,
  location: '',
});

function count(views: FailureView[], s: RollupState = emptyRollupState()): RollupState {
  for (const v of views) countFailure(s, v, 1, false);
  return s;
}

describe('digest groups', () => {
  it('count each reason and NAS group its distinct users, as plain sets do', () => {
    const rec = fc.tuple(fc.nat(8), fc.nat(3), fc.nat(2));
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 300 }), (list) => {
        const views = list.map(([u, r, n]) => view(`u${u}`, `r${r}`, `n${n}`));
        const s = count(views);
        for (const [reason, g] of s.reasons) {
          const expected = new Set(views.filter((v) => v.reason === reason).map((v) => v.user));
          expect(g.users).toEqual(expected);
          expect(g.capped).toBe(false);
        }
        const held = [...s.reasons.values(), ...s.nas.values()].reduce((n, g) => n + g.users.size, 0);
        expect(s.groupUsersLeft).toBe(MAX_GROUP_USERS - held);
      }),
      { numRuns: 100 },
    );
  });

  it('stop at MAX_KEYS users in one group and mark it capped; a user already counted is no news', () => {
    const views = Array.from({ length: MAX_KEYS + 5 }, (_, i) => view(`u${i}`, 'r1'));
    const s = count(views);
    const g = s.reasons.get('r1')!;
    expect(g.users.size).toBe(MAX_KEYS);
    expect(g.capped).toBe(true);
    const fresh = count([view('u1', 'r2'), view('u1', 'r2')]);
    expect(fresh.reasons.get('r2')!.users.size).toBe(1);
    expect(fresh.reasons.get('r2')!.capped).toBe(false);
  });

  it('stop when all groups together hold MAX_GROUP_USERS, without marking a group that lost nobody', () => {
    const s = emptyRollupState();
    s.groupUsersLeft = 2;
    count([view('a', 'r1', 'n1'), view('a', 'r1', 'n1')], s);
    expect(s.groupUsersLeft).toBe(0);
    // Full, but 'a' was counted already in both groups: nobody lost yet.
    expect([s.reasons.get('r1')!.capped, s.nas.get(nasKey('n1', '10.0.0.1'))!.capped]).toEqual([false, false]);
    count([view('b', 'r1', 'n1')], s);
    expect(s.reasons.get('r1')!.users).toEqual(new Set(['a']));
    expect(s.reasons.get('r1')!.capped).toBe(true);
  });
});
