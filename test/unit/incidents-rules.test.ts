// Issue 15: each incident rule of the pure engine, run by run over hand-made failures.
import { describe, expect, test } from 'vitest';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { AD_PW, DAY, fail, learned, MIN, poll, SECRET, T0, users } from '../helpers/incidents';

describe('nas-wide', () => {
  const NOW = T0 + 2 * DAY;
  test('fires with the device clock 15 minutes ahead of ISE: the window runs on ISE clock', () => {
    // ISE's clock is NOW (the records are 5 minutes old on it); the device says NOW + 15 min.
    const records = users(6, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET });
    const r = poll(learned(), NOW + 15 * MIN, records, { iseNow: NOW });
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['nas:sw-access-b2:11036']);
    expect(r.state.lastRun).toBe(NOW);
  });
  test('many users failing alike on one NAS: one incident, mailed once, then ongoing, then resolved', () => {
    const base = learned();
    const r1 = poll(base, NOW, users(6, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }));
    expect(r1.verdict.opened).toHaveLength(1);
    const inc = r1.verdict.opened[0]!;
    expect(inc.rule).toBe('nas-wide');
    expect(inc.title).toBe('sw-access-b2 (Building-A): 6 users failing 11036 (RADIUS shared secret?)');
    expect(inc.users).toHaveLength(6);
    expect(inc.evidence[0]).toMatch(
      /6 distinct users\/endpoints failed with "11036 .*" on NAS sw-access-b2 within 10 min/,
    );

    const r2 = poll(
      r1.state,
      NOW + 10 * MIN,
      users(3, NOW + 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }),
    );
    expect(r2.verdict.opened).toEqual([]);
    expect(r2.verdict.ongoing.map((o) => [o.incident.id, o.failures])).toEqual([['nas:sw-access-b2:11036', 3]]);
    // The same reason on another NAS is not part of it.
    const other = poll(r2.state, NOW + 12 * MIN, [
      fail(NOW + 11 * MIN, { nasName: 'sw-other', failureReason: SECRET }),
    ]);
    expect(other.verdict.ongoing).toEqual([]);

    const quiet = poll(r2.state, NOW + 20 * MIN, []);
    expect(quiet.verdict.resolved).toEqual([]);
    const done = poll(quiet.state, NOW + 50 * MIN, []);
    expect(done.verdict.resolved).toEqual([
      {
        id: 'nas:sw-access-b2:11036',
        title: inc.title,
        since: NOW - 5 * MIN,
        last: NOW + 5 * MIN + 2000,
        failures: 9,
        unmailed: false,
      },
    ]);
    expect(done.state.open).toEqual([]);
    expect(done.state.resolved).toEqual([]);
  });

  test('a resolution waits in the state until a mail carries it', () => {
    const r1 = poll(learned(), NOW, users(6, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }));
    const r2 = poll(r1.state, NOW + 60 * MIN, [], { delivered: false });
    expect(r2.verdict.resolved).toHaveLength(1);
    expect(r2.state.resolved).toHaveLength(1);
    const r3 = poll(r2.state, NOW + 70 * MIN, []);
    expect(r3.verdict.resolved.map((r) => r.id)).toEqual(['nas:sw-access-b2:11036']);
    expect(r3.state.resolved).toEqual([]);
  });

  test('an undelivered opening mail is owed by the next run', () => {
    const r1 = poll(learned(), NOW, users(6, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }), {
      delivered: false,
    });
    expect(r1.state.open[0]!.mailed).toBe(false);
    const r2 = poll(r1.state, NOW + 10 * MIN, []);
    expect(r2.verdict.opened.map((i) => i.id)).toEqual(['nas:sw-access-b2:11036']);
    expect(r2.state.open[0]!.mailed).toBe(true);
  });

  test('below INCIDENT_NAS_WIDE_MIN distinct users nothing opens; the same user many times is not nas-wide', () => {
    const base = learned();
    const settings = { rules: new Set(['nas-wide'] as const) };
    expect(
      poll(base, NOW, users(4, NOW - 5 * MIN, { nasName: 'sw-a', failureReason: SECRET }), { settings }).verdict.opened,
    ).toEqual([]);
    const one = Array.from({ length: 8 }, (_, i) =>
      fail(NOW - i * MIN, { nasName: 'sw-a', failureReason: SECRET, userName: 'u' }),
    );
    expect(poll(base, NOW, one, { settings }).verdict.opened).toEqual([]);
  });
});

describe('new-reason', () => {
  const NOW = T0 + 3 * DAY;
  const seenAt = (t: number) =>
    poll(learned(), t, [
      fail(t, {
        failureReason: '22045 Identity policy result is configured for password based authentication methods',
      }),
    ]).state;
  test('a reason not seen in the last 7 days opens an incident, one seen 3 days ago does not', () => {
    const r = poll(learned(), NOW, [
      fail(NOW - MIN, {
        failureReason: '22045 Identity policy result is configured for password based authentication methods',
      }),
    ]);
    expect(r.verdict.opened.map((i) => [i.rule, i.title])).toEqual([
      ['new-reason', 'new reason 22045 (Password auth expected): 1 failure, 1 user (Building-A)'],
    ]);
    const again = poll(seenAt(T0 + DAY * 1.6), NOW, [
      fail(NOW - MIN, {
        failureReason: '22045 Identity policy result is configured for password based authentication methods',
      }),
    ]);
    expect(again.verdict.opened).toEqual([]);
  });
  test('nothing is new during the learning day', () => {
    expect(poll(undefined, T0, [fail(T0, { failureReason: '22045 x' })]).state.open).toEqual([]);
  });
});

describe('spike', () => {
  // 6 failures of 5440 and 2 of 15039 per 10-minute run: the learned normal.
  const bg = (t: number) => [
    ...Array.from({ length: 6 }, (_, i) =>
      fail(t - i * MIN, { failureReason: '5440 Endpoint abandoned EAP session and started new', userName: `bg${i}` }),
    ),
    ...Array.from({ length: 2 }, (_, i) =>
      fail(t - i * MIN, { failureReason: '15039 Rejected per authorization profile', userName: `p${i}` }),
    ),
  ];
  test('one reason far above its share of the hour opens a reason-wide spike', () => {
    const base = learned(1.5, bg);
    const NOW = T0 + 1.5 * DAY;
    const burst = Array.from({ length: 40 }, (_, i) =>
      fail(NOW - i * 10_000, {
        failureReason: '15039 Rejected per authorization profile',
        userName: `contractor${i}`,
        nasName: `sw-${i % 9}`,
      }),
    );
    const r = poll(base, NOW, [...bg(NOW), ...burst]);
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['reason:15039']);
    expect(r.verdict.opened[0]!.title).toBe(
      '15039 (authorization policy?): 42 failures, 42 users (Building-A), normally 2',
    );
    expect(r.verdict.opened[0]!.evidence.join(' ')).toMatch(/Most affected NAS: /);
    // The background of the next run continues nothing: the spike is over when the level is normal again.
    const r2 = poll(r.state, NOW + 10 * MIN, bg(NOW + 10 * MIN));
    expect(r2.verdict.ongoing).toEqual([]);
  });
  test('the same numbers at the learned level are no spike', () => {
    const base = learned(1.5, bg);
    expect(poll(base, T0 + 1.5 * DAY, bg(T0 + 1.5 * DAY)).verdict.opened).toEqual([]);
  });
});

describe('lockout', () => {
  const NOW = T0 + 2 * DAY;
  const settings = { rules: new Set(['lockout'] as const) };
  const phone = (t: number, o: Partial<FailureRecord> = {}) =>
    fail(t, { userName: 'jdoe', failureReason: AD_PW, nasName: 'wlc-hq-01', ...o });
  test('ten password failures of one user within 10 minutes, across two runs, open a lockout', () => {
    const first = [6, 5, 4, 3, 2, 1].map((k) => phone(NOW - k * 30_000));
    const r1 = poll(learned(), NOW, first, { settings });
    expect(r1.verdict.opened).toEqual([]);
    const r2 = poll(
      r1.state,
      NOW + 5 * MIN,
      [1, 2, 3, 4].map((k) => phone(NOW + k * 30_000)),
      { settings },
    );
    expect(r2.verdict.opened.map((i) => i.title)).toEqual([
      'jdoe (Building-A): 10 failures in 10 min, 24408 (stale saved password?)',
    ]);
  });
  test('a user mistyping five times is no lockout', () => {
    const five = [5, 4, 3, 2, 1].map((k) => phone(NOW - k * MIN));
    expect(poll(learned(), NOW, five, { settings }).verdict.opened).toEqual([]);
  });
  test('abandoned EAP sessions are not lockouts (INCIDENT_LOCKOUT_REASONS)', () => {
    const eap = Array.from({ length: 9 }, (_, i) =>
      phone(NOW - i * MIN, { failureReason: '5440 Endpoint abandoned EAP session and started new' }),
    );
    expect(poll(learned(), NOW, eap).verdict.opened.filter((i) => i.rule === 'lockout')).toEqual([]);
  });
  test("ISE's suppression summary counts as its TotalFailedAttempts, and its period is not taken for recovery", () => {
    const summary = phone(NOW - MIN, { TotalFailedAttempts: 14, TotalFailedTime: '900' });
    const r1 = poll(learned(), NOW, [summary], { settings });
    expect(r1.verdict.opened.map((i) => i.title)).toEqual([
      'jdoe (Building-A): 14 failures in 10 min, 24408 (stale saved password?)',
    ]);
    expect(r1.verdict.opened[0]!.failures).toBe(14);
    // 30 minutes of quiet would close it, but the summary covered 15 minutes of failing: still open.
    expect(poll(r1.state, NOW + 35 * MIN, [], { settings }).verdict.resolved).toEqual([]);
    expect(poll(r1.state, NOW + 50 * MIN, [], { settings }).verdict.resolved.map((r) => r.failures)).toEqual([14]);
  });
});
