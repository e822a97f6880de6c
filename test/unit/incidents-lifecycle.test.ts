// Issue 15: how incidents are folded, learned, muted, owed and stored, run by run.
import { describe, expect, test } from 'vitest';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { AD_PW, DAY, fail, learned, MIN, poll, SECRET, T0, users } from '../helpers/incidents';

describe('learning and muting', () => {
  test('during the learning day incidents are kept silent and never mailed, open or resolved', () => {
    const r1 = poll(undefined, T0, users(6, T0 - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }));
    expect(r1.verdict.opened).toEqual([]);
    expect(r1.state.open[0]).toMatchObject({ silent: true });
    const r2 = poll(r1.state, T0 + 60 * MIN, []);
    expect(r2.verdict.resolved).toEqual([]);
    expect(r2.state.open).toEqual([]);
  });

  test('muted failures raise nothing', () => {
    const NOW = T0 + 2 * DAY;
    const isMuted = (r: FailureRecord) => r.nasName === 'sw-lab';
    const r = poll(learned(), NOW, users(8, NOW - 5 * MIN, { nasName: 'sw-lab', failureReason: SECRET }), { isMuted });
    expect(r.verdict.opened).toEqual([]);
    expect(r.engine.run.weight).toBe(0);
  });
});

describe('one event, one incident', () => {
  const NOW = T0 + 2 * DAY;
  test('a wrong shared secret trips nas-wide and new-reason: one incident at the NAS, both as evidence', () => {
    const r = poll(learned(), NOW, users(12, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET }));
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['nas:sw-access-b2:11036']);
    expect(r.verdict.opened[0]!.evidence.join('\n')).toMatch(/not seen in the last 7 days/);
  });
  test('the same reason on many NAS is one network-wide incident', () => {
    const cert = '12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate';
    const records = ['wlc-1', 'wlc-2', 'sw-3'].flatMap((nas, k) =>
      users(8, NOW - 5 * MIN, { nasName: nas, failureReason: cert, callingStationId: `02:00:00:00:00:0${k}` }),
    );
    const r = poll(learned(), NOW, records);
    expect(r.verdict.opened.map((i) => i.id)).toEqual(['reason:12321']);
    expect(r.verdict.opened[0]!.evidence.join('\n')).toMatch(/Most affected NAS: sw-3 \(8\), wlc-1 \(8\), wlc-2 \(8\)/);
  });
  test('a storm is one incident that takes every other finding in', () => {
    const many = users(60, NOW - 5 * MIN, { nasName: 'sw-access-b2', failureReason: SECRET });
    const r = poll(learned(), NOW, many, { settings: { stormThreshold: 50 } });
    expect(r.verdict.opened.map((i) => [i.id, i.title])).toEqual([
      ['all:storm', 'storm: 60 failures in one poll, top 11036 (RADIUS shared secret?)'],
    ]);
  });
});

describe('state', () => {
  test('stays small after a storm of distinct users', () => {
    const NOW = T0 + 2 * DAY;
    const many = Array.from({ length: 30_000 }, (_, i) =>
      fail(NOW - (i % 600) * 1000, {
        userName: `u${i}`,
        callingStationId: `m${i}`,
        nasName: `sw-${i % 300}`,
        failureReason: i % 2 ? AD_PW : SECRET,
      }),
    );
    const r = poll(learned(), NOW, many);
    expect(JSON.stringify(r.state).length).toBeLessThan(400_000);
  });
});
