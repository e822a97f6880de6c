// Issue 24: incidents a network engineer trusts. The right diagnosis (guessing, AD out of reach,
// administrators' logins), one incident per event, the site in the first line.
import { describe, expect, test } from 'vitest';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { AD_PW, DAY, fail, learned, MIN, poll, SECRET, T0, users } from '../helpers/incidents';

const NOW = T0 + 2 * DAY;
const EAP = '5440 Endpoint abandoned EAP session and started new';
/** A quiet campus: a few abandoned EAP sessions every 10 minutes, so spike has learned a rate. */
const bg = (t: number) =>
  [1, 2, 3].map((k) =>
    fail(t - k * MIN, { userName: `bg${k}`, callingStationId: `02:bb:00:00:00:0${k}`, failureReason: EAP }),
  );
const openedOf = (r: ReturnType<typeof poll>) => r.verdict.opened.map((i) => i.title);

describe('password guessing (issue 24 point 1)', () => {
  const spray = (from: number, n: number, first = 0) =>
    Array.from({ length: n }, (_, i) =>
      fail(from + i * 2000, {
        userName: `victim${first + i}`,
        callingStationId: 'DE:AD:BE:EF:00:01',
        nasName: 'zrh-as05',
        nasPortId: 'GigabitEthernet1/0/7',
        nasPortType: 'Ethernet',
        location: 'Location#All Locations#Zurich#Building-B',
        failureReason: AD_PW,
      }),
    );
  test('many users from one endpoint is named guessing, with the endpoint and the port to shut', () => {
    const r = poll(learned(1.5, bg), NOW, [...bg(NOW), ...spray(NOW - 8 * MIN, 200)]);
    expect(openedOf(r)).toEqual([
      'password guessing from endpoint DE:AD:BE:EF:00:01 on zrh-as05 port GigabitEthernet1/0/7 ' +
        '(Zurich / Building-B): 200 users failing 24408',
    ]);
    const i = r.verdict.opened[0]!;
    expect(i.hint).toMatch(/^Password guessing: shut zrh-as05 port GigabitEthernet1\/0\/7 /);
    expect(i.hint).not.toMatch(/saved credential/);
  });
  test('the spray going on opens no second incident: no spike of what the open incident holds', () => {
    const r1 = poll(learned(1.5, bg), NOW, [...bg(NOW), ...spray(NOW - 8 * MIN, 200)]);
    const r2 = poll(r1.state, NOW + 10 * MIN, [...bg(NOW + 10 * MIN), ...spray(NOW + MIN, 200, 200)]);
    expect(openedOf(r2)).toEqual([]);
    expect(r2.verdict.ongoing.map((o) => [o.incident.id, o.failures])).toEqual([['source:DE:AD:BE:EF:00:01', 200]]);
  });
  test('random MACs on one switch port are one source too', () => {
    const macs = spray(NOW - 8 * MIN, 30).map((r, i) => ({ ...r, callingStationId: `02:00:00:00:01:${10 + i}` }));
    const r = poll(learned(1.5, bg), NOW, macs as FailureRecord[]);
    expect(openedOf(r)).toEqual([
      'password guessing from 30 endpoints on zrh-as05 port GigabitEthernet1/0/7 (Zurich / Building-B): ' +
        '30 users failing 24408',
    ]);
  });
  test('one user failing again and again is a stale saved password, not guessing', () => {
    const again = Array.from({ length: 12 }, (_, i) =>
      fail(NOW - 9 * MIN + i * 30_000, {
        userName: 'jdoe',
        callingStationId: 'AA:AA:AA:AA:AA:01',
        failureReason: AD_PW,
      }),
    );
    expect(openedOf(poll(learned(), NOW, again))).toEqual([
      'jdoe (Building-A): 12 failures in 10 min, 24408 (stale saved password?)',
    ]);
  });
});

describe('identity store out of reach (issue 24 point 3)', () => {
  const at = (code: string, nas: string[], n: number, t: number) =>
    nas.flatMap((name, k) =>
      users(n, t, {
        nasName: name,
        callingStationId: `02:ad:00:00:0${k}:00`,
        serverName: k % 2 ? 'ise-psn-02' : 'ise-psn-01',
        failureReason: code,
      }).map((r, i) => ({ ...r, userName: `${name}-u${i}` })),
    );
  const T24454 = '24454 User authentication against Active Directory failed because of a timeout error';
  const T24444 = '24444 Active Directory operation has failed because of an unspecified error in the ISE';
  const T24495 = '24495 Active Directory servers are not available';
  test('one timeout is no incident; the outage on many NAS is one, with its PSNs and the hint', () => {
    const base = learned();
    const r1 = poll(base, NOW, at(T24454, ['sw-1'], 1, NOW - 5 * MIN));
    expect(openedOf(r1)).toEqual([]);
    const wide = [
      ...at(T24444, ['sw-1', 'sw-2', 'wlc-1'], 3, NOW + 2 * MIN),
      ...at(T24495, ['sw-3', 'sw-4'], 4, NOW + 5 * MIN),
    ];
    const r2 = poll(r1.state, NOW + 10 * MIN, wide);
    expect(openedOf(r2)).toEqual([
      'AD unreachable from ISE (PSN ise-psn-01, ise-psn-02): 17 failures, 17 users on 5 NAS (Building-A)',
    ]);
    expect(r2.verdict.opened[0]!.hint).toMatch(/check the AD join point on the PSNs named/);
    expect(r2.verdict.opened[0]!.evidence[0]).toMatch(/24495 \(8\), 24444 \(9\)/);
    // More of any of the codes, anywhere, is the same incident.
    const r3 = poll(r2.state, NOW + 20 * MIN, at(T24454, ['sw-5', 'sw-6', 'sw-7'], 6, NOW + 12 * MIN));
    expect(openedOf(r3)).toEqual([]);
    expect(r3.verdict.ongoing.map((o) => [o.incident.id, o.failures])).toEqual([['store:ad', 18]]);
  });
});

describe('lockout holds only its user (issue 24 point 4)', () => {
  test("a busy user's other failures neither join the lockout nor keep it open", () => {
    const pw = (t: number) =>
      fail(t, { userName: 'busy', callingStationId: 'AA:00:00:00:00:01', failureReason: AD_PW });
    const other = (t: number) =>
      fail(t, { userName: 'busy', callingStationId: 'AA:00:00:00:00:02', failureReason: EAP });
    const r1 = poll(
      learned(1.5, bg),
      NOW,
      Array.from({ length: 10 }, (_, i) => pw(NOW - 9 * MIN + i * 30_000)),
    );
    expect(r1.verdict.opened.map((i) => i.id)).toEqual(['subject:busy']);
    let state = r1.state;
    for (let t = NOW + 10 * MIN; t <= NOW + 60 * MIN; t += 10 * MIN) {
      const r = poll(state, t, [other(t - 5 * MIN), other(t - 3 * MIN), other(t - MIN)]);
      expect(r.verdict.ongoing).toEqual([]);
      state = r.state;
    }
    expect(state.open.map((i) => i.id)).toEqual([]);
  });
});

describe('new reason (issue 24 point 5)', () => {
  const DISABLED = "24409 User authentication against Active Directory failed since user's account is disabled";
  test('one failure of a rare user-level code opens nothing', () => {
    const r = poll(learned(), NOW, [fail(NOW - MIN, { userName: 'leaver', failureReason: DISABLED })]);
    expect(openedOf(r)).toEqual([]);
  });
  test('the same new code on several users is an incident', () => {
    const r = poll(learned(), NOW, users(4, NOW - 5 * MIN, { failureReason: DISABLED }), {
      settings: { rules: new Set(['new-reason'] as const) },
    });
    expect(openedOf(r)).toEqual(['new reason 24409 (AD account disabled): 4 failures, 4 users (Building-A)']);
  });
});

describe('site (issue 24 point 7)', () => {
  test("the NAS's location is in the incident's first line", () => {
    const r = poll(
      learned(),
      NOW,
      users(6, NOW - 5 * MIN, { nasName: 'sw-b2', location: 'All Locations#Zurich#Building-B', failureReason: SECRET }),
    );
    expect(openedOf(r)).toEqual(['sw-b2 (Zurich / Building-B): 6 users failing 11036 (RADIUS shared secret?)']);
  });
});

describe('administrator logins (issue 24 point 8)', () => {
  const login = (t: number, o: Partial<FailureRecord> = {}) =>
    fail(t, {
      userName: 'admin',
      callingStationId: '198.51.100.7',
      nasName: 'fw-dc-1',
      nasPortType: 'Virtual',
      serviceType: 'Administrative',
      location: 'All Locations#DC',
      failureReason: '22040 Wrong password or invalid shared secret',
      ...o,
    });
  test('a handful of failed admin logins on one device opens an incident naming device, account and source', () => {
    const r = poll(
      learned(),
      NOW,
      [1, 2, 3, 4, 5].map((k) => login(NOW - k * MIN)),
    );
    expect(openedOf(r)).toEqual(['admin login failing on fw-dc-1 (DC): 5 failures as admin from 198.51.100.7']);
    expect(r.verdict.opened[0]!.hint).toMatch(/block it in the management ACL/);
  });
  test('one admin account failing on several devices is one incident on the account', () => {
    const r = poll(
      learned(),
      NOW,
      [1, 2, 3, 4, 5].map((k) => login(NOW - k * MIN, { nasName: `sw-${k}` })),
    );
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['admin:user:admin']);
  });
  test('two failed admin logins are no incident, and admin logins never make a lockout', () => {
    expect(
      openedOf(
        poll(
          learned(),
          NOW,
          [1, 2].map((k) => login(NOW - k * MIN)),
        ),
      ),
    ).toEqual([]);
    const r = poll(
      learned(),
      NOW,
      Array.from({ length: 12 }, (_, k) => login(NOW - k * 30_000)),
      {
        settings: { rules: new Set(['lockout'] as const) },
      },
    );
    expect(openedOf(r)).toEqual([]);
  });
});

describe('one outage, several reason codes (issue 24 point 2)', () => {
  const PEAP = '12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate';
  const TLS = '12520 EAP-TLS failed SSL/TLS handshake because the client rejected the ISE local-certificate';
  const SILENT = '5411 Supplicant stopped responding to ISE';
  const many = (reason: string, n: number, t: number, tag: string) =>
    Array.from({ length: n }, (_, i) =>
      fail(t + i * 1000, {
        userName: `${tag}${i}`,
        callingStationId: `02:${tag}:00:00:00:${String(i).padStart(2, '0')}`,
        nasName: `wlc-${i % 4}`,
        failureReason: reason,
      }),
    );
  test('clients refusing the ISE certificate over PEAP and EAP-TLS are one incident holding both codes', () => {
    const r = poll(learned(1.5, bg), NOW, [
      ...many(PEAP, 60, NOW - 9 * MIN, 'aa'),
      ...many(TLS, 40, NOW - 9 * MIN, 'bb'),
    ]);
    expect(r.verdict.opened.map((i) => [i.id, i.codes])).toEqual([['reason:12321', ['12321', '12520']]]);
  });
  test('supplicants going silent in the same poll are its evidence, not a second incident', () => {
    const r = poll(learned(1.5, bg), NOW, [
      ...many(PEAP, 60, NOW - 9 * MIN, 'aa'),
      ...many(SILENT, 60, NOW - 9 * MIN, 'dd'),
    ]);
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['reason:12321']);
    expect(r.verdict.opened[0]!.evidence.join('\n')).toMatch(/5411 Supplicant stopped responding/);
  });
  test('supplicants going silent while that incident is open are part of it, not a second incident', () => {
    const r1 = poll(learned(1.5, bg), NOW, many(PEAP, 60, NOW - 9 * MIN, 'aa'));
    expect(r1.verdict.opened.map((i) => i.id)).toEqual(['reason:12321']);
    const r2 = poll(r1.state, NOW + 10 * MIN, [
      ...many(PEAP, 30, NOW + MIN, 'cc'),
      ...many(SILENT, 60, NOW + MIN, 'dd'),
    ]);
    expect(openedOf(r2)).toEqual([]);
  });
});
