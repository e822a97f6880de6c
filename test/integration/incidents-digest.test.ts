// Issue 15: incidents in ALERT_MODE=digest through the CLI in-process: an opened incident sends the pending
// digest at once; ONGOING and RESOLVED ride the next digests; a refused incident mail stays owed.
import { describe, expect, test } from 'vitest';
import { EAP, HOUR, hhmm, MIN, SECRET, sim } from '../helpers/incident-sim';

describe('incidents in digest mode', () => {
  const DIGEST = { ALERT_MODE: 'digest', DIGEST_EVERY: '1h', INCIDENTS: 'auto', INCIDENT_NEW_REASON: '0' };
  const ids = (m: { text: string }) => m.text.match(/user\d+/g) ?? [];

  test('an incident goes out at once with the pending digest; ongoing and resolved ride the next digests', async () => {
    const s = await sim(DIGEST);
    s.add(-5 * MIN, 2, { failureReason: EAP });
    expect((await s.at(0)).summary).toMatch(/2 new failures spooled/);
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    const r = await s.at(20 * MIN);
    expect(r.summary).toMatch(
      /digest of 8 failures mailed .*; INCIDENT sw-access-b2 \(Building-A\): 6 users failing 11036/,
    );
    const [m] = s.mails();
    expect(m!.subject).toBe(
      `[ISE] INCIDENT sw-access-b2 (Building-A): 6 users failing 11036 (RADIUS shared secret?) since ${hhmm(12 * MIN)}`,
    );
    // Every failure so far in exactly this one mail, the background ones too.
    expect(ids(m!).length).toBeGreaterThanOrEqual(8);

    s.add(25 * MIN, 3, { nasName: 'sw-access-b2', failureReason: SECRET });
    expect((await s.at(30 * MIN)).summary).toMatch(/3 new failures spooled; 3 pending for the digest/);
    s.add(50 * MIN, 1, { nasName: 'sw-access-b2', failureReason: SECRET });
    await s.at(55 * MIN);
    expect(s.mails()).toHaveLength(1);
    await s.at(HOUR);
    const digest = s.mails()[1]!;
    expect(digest.subject).toMatch(/^\[ISE\] digest: 4 RADIUS failures/);
    expect(digest.text.replace(/\n +/g, ' ')).toMatch(
      /^ONGOING sw-access-b2 \(Building-A\): .*: 4 more failures since the last mail, 10 in all/m,
    );

    s.add(HOUR + 5 * MIN, 1, { failureReason: EAP });
    await s.at(HOUR + 10 * MIN);
    await s.at(2 * HOUR);
    const last = s.mails()[2]!;
    expect(last.subject).toMatch(/^\[ISE\] digest: 1 RADIUS failure/);
    expect(last.text.replace(/\n +/g, ' ')).toMatch(
      /^RESOLVED sw-access-b2 \(Building-A\): .*\), \d\d:\d\d-\d\d:\d\d, 10 failures$/m,
    );
  });

  test('a refused incident mail leaves digest and incident owed: the next run sends both', async () => {
    const s = await sim(DIGEST);
    s.add(-5 * MIN, 1, { failureReason: EAP });
    await s.at(0);
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    s.w.smtp.failNext(1, 550, 'mailbox unavailable');
    expect((await s.at(20 * MIN)).code).toBe(5);
    expect(s.state()!.open.map((i) => [i.id, i.mailed])).toEqual([['nas:sw-access-b2:11036', false]]);
    const r = await s.at(22 * MIN);
    expect(r.summary).toMatch(/digest of 7 failures mailed .*; INCIDENT sw-access-b2/);
    expect(s.mails().map((m) => m.subject)).toEqual([
      expect.stringMatching(/^\[ISE\] INCIDENT sw-access-b2 \(Building-A\): 6 users/),
    ]);
    expect(s.state()!.open.map((i) => [i.id, i.mailed])).toEqual([['nas:sw-access-b2:11036', true]]);
  });
});
