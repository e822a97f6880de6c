// Issue 15: each incident rule end to end through the CLI in-process (real fake pxGrid and SMTP), in each-run
// mode with INCIDENTS=on, driven through simulated time with ISE_TO_MAIL_TEST_NOW (test only).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AD_PW, EAP, hhmm, MIN, SECRET, sim, T0 } from '../helpers/incident-sim';

/** A text part with its 78-column wrapping undone (continuation lines are indented). */
const flat = (text: string) => text.replace(/\n +/g, ' ');

describe('incidents through the CLI', () => {
  test('nas-wide: opened with evidence, hint and users; later failures ongoing; then resolved', async () => {
    const s = await sim({ INCIDENT_NEW_REASON: '0' });
    s.add(-5 * MIN, 2, { failureReason: EAP });
    expect((await s.at(0)).code).toBe(0);
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    const r = await s.at(20 * MIN);
    expect(r.summary).toMatch(
      /^ise-to-mail: OK 6 new failures mailed to 2 recipients .*; INCIDENT sw-access-b2 \(Building-A\): 6 users failing 11036 \(/,
    );
    const m = s.mails()[1]!;
    expect(m.subject).toBe(
      `[ISE] INCIDENT sw-access-b2 (Building-A): 6 users failing 11036 (RADIUS shared secret?) since ${hhmm(12 * MIN)}`,
    );
    const lines = flat(m.text).split('\n');
    expect(lines[0]).toBe('INCIDENT sw-access-b2 (Building-A): 6 users failing 11036 (RADIUS shared secret?)');
    expect(lines[2]).toMatch(
      /^Evidence: 6 distinct users\/endpoints failed with "11036 .*" on NAS sw-access-b2 within 10 min/,
    );
    expect(lines[3]).toMatch(/^Hint: The RADIUS shared secret on the NAS does not match/);
    expect(lines[4]).toMatch(/^Users \(6\): user2, user3, user4, user5, user6, user7$/);
    expect(m.text.indexOf('INCIDENT')).toBeLessThan(m.text.indexOf('RADIUS authentication failures'));
    // The incident is a card of its own above the digest's, its title in the band.
    expect(m.html).toMatch(/Incident, act now<\/div><div [^>]*>sw-access-b2 \(Building-A\): 6 users failing 11036/);
    expect(statSync(join(s.w.stateDir, 'incidents.json')).mode & 0o777).toBe(0o600);

    s.add(25 * MIN, 2, { nasName: 'sw-access-b2', failureReason: SECRET });
    await s.at(30 * MIN);
    expect(s.mails()[2]!.subject).toMatch(/^\[ISE\] 2 RADIUS failures/);
    expect(flat(s.mails()[2]!.text)).toMatch(
      new RegExp(
        '^ONGOING sw-access-b2 \\(Building-A\\): 6 users failing 11036 \\(RADIUS shared secret\\?\\) ' +
          `\\(since ${hhmm(12 * MIN)}\\): ` +
          '2 more failures since the last mail, 8 in all',
        'm',
      ),
    );

    // Quiet for INCIDENT_QUIET (30 min): closed; the next mail, whenever it goes, says so.
    expect((await s.at(70 * MIN)).summary).toBe('ise-to-mail: OK no new failures');
    s.add(75 * MIN, 1, { failureReason: EAP });
    await s.at(80 * MIN);
    expect(flat(s.mails()[3]!.text).split('\n')).toContain(
      'RESOLVED sw-access-b2 (Building-A): 6 users failing 11036 (RADIUS shared secret?), ' +
        `${hhmm(12 * MIN)}-${hhmm(25 * MIN + 1000)}, 8 failures`,
    );
    expect(s.state()).toMatchObject({ open: [], resolved: [] });
  });

  test('new-reason: a reason unseen since the learning period opens an incident', async () => {
    const s = await sim();
    s.add(-5 * MIN, 3, { failureReason: EAP });
    await s.at(0);
    s.add(15 * MIN, 1, {
      failureReason:
        '22045 Identity policy result is configured for password based authentication methods ' +
        'but received certificate based authentication request',
    });
    s.add(16 * MIN, 1, { failureReason: EAP });
    await s.at(20 * MIN);
    expect(s.mails()[1]!.subject).toBe(
      '[ISE] INCIDENT new reason 22045 (Password auth expected): 1 failure, 1 user (Building-A) ' +
        `since ${hhmm(15 * MIN)}`,
    );
    expect(flat(s.mails()[1]!.text)).toMatch(/Evidence: "22045 .*" was not seen in the last 7 days/);
  });

  test('new-reason: a reason a filter or mute kept out of the mail is still known afterwards', async () => {
    const s = await sim();
    s.add(-5 * MIN, 3, { failureReason: EAP });
    await s.at(0);
    const pwAuth = '22045 Identity policy result is configured for password based authentication methods';
    s.add(15 * MIN, 1, { failureReason: pwAuth });
    expect((await s.at(20 * MIN, { EXCLUDE_REASONS: '22045' })).code).toBe(0);
    s.add(35 * MIN, 1, { failureReason: pwAuth });
    await s.at(40 * MIN);
    expect(
      s
        .mails()
        .map((m) => m.subject)
        .join('\n'),
    ).not.toMatch(/INCIDENT new reason/);
    expect(s.mails().at(-1)!.subject).toMatch(/^\[ISE\] 1 RADIUS failure/);
  });

  test('spike: one reason far above what this hour learned', async () => {
    const s = await sim({ INCIDENT_NEW_REASON: '0', INCIDENT_NAS_WIDE: '0' });
    for (let k = 0; k < 4; k++) {
      s.add(k * 10 * MIN - 5 * MIN, 6, { failureReason: EAP });
      s.add(k * 10 * MIN - 4 * MIN, 2, { failureReason: '15039 Rejected per authorization profile' });
      expect((await s.at(k * 10 * MIN)).code).toBe(0);
    }
    s.add(35 * MIN, 40, { failureReason: '15039 Rejected per authorization profile', nasName: 'sw-a' });
    const r = await s.at(40 * MIN);
    expect(r.summary).toMatch(
      /INCIDENT 15039 \(authorization policy\?\): 40 failures, 40 users \(Building-A\), normally 2$/,
    );
    expect(flat(s.mails().at(-1)!.text)).toMatch(
      /Evidence: 40 failures with "15039 Rejected per authorization profile" in 10 min, where about 2 are normal/,
    );
  });

  test("lockout: ISE's suppression summary counts as its TotalFailedAttempts", async () => {
    const s = await sim({ INCIDENT_NEW_REASON: '0' });
    s.add(-5 * MIN, 1, { failureReason: EAP });
    await s.at(0);
    s.add(15 * MIN, 1, { userName: 'jdoe', failureReason: AD_PW, TotalFailedAttempts: 12, TotalFailedTime: 600 });
    await s.at(20 * MIN);
    expect(s.mails()[1]!.subject).toBe(
      `[ISE] INCIDENT jdoe (Building-A): 12 failures in 10 min, 24408 (stale saved password?) since ${hhmm(15 * MIN)}`,
    );
  });

  test('storm: more than STORM_THRESHOLD in one poll is an incident of its own', async () => {
    const s = await sim({ STORM_THRESHOLD: '30' });
    s.add(-5 * MIN, 1, { failureReason: EAP });
    await s.at(0);
    s.add(12 * MIN, 40, { failureReason: AD_PW });
    await s.at(20 * MIN);
    expect(s.mails()[1]!.subject).toBe(
      `[ISE] INCIDENT storm: 40 failures in one poll, top 24408 (stale saved password?) since ${hhmm(12 * MIN)}`,
    );
  });

  test('a refused incident mail is mailed by the next run; a dry run shows it and saves nothing', async () => {
    const s = await sim({ INCIDENT_NEW_REASON: '0' });
    s.add(-5 * MIN, 1, { failureReason: EAP });
    await s.at(0);
    const before = readFileSync(join(s.w.stateDir, 'incidents.json'), 'utf8');
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    const dry = await s.at(20 * MIN, {}, ['--dry-run']);
    expect(dry.stdout).toMatch(/^Subject: \[ISE\] INCIDENT sw-access-b2 \(Building-A\): 6 users/m);
    s.w.smtp.failNext(1, 550, 'mailbox unavailable');
    expect((await s.at(20 * MIN)).code).toBe(5);
    expect(readFileSync(join(s.w.stateDir, 'incidents.json'), 'utf8')).toBe(before);
    await s.at(21 * MIN);
    expect(
      s
        .mails()
        .map((m) => m.subject)
        .filter((x) => x.includes('INCIDENT')),
    ).toHaveLength(1);
  });

  test('nas-wide and lockout fire with the device clock 15 minutes ahead of ISE (windows on ISE clock)', async () => {
    const s = await sim({ INCIDENT_NEW_REASON: '0' });
    // The fake ISE's clock (its Date header, the record times) is T0 + offset; the device's is 15 min ahead.
    const ahead = (offset: number) => ({ ISE_TO_MAIL_TEST_NOW: String(T0 + offset + 15 * MIN) });
    s.add(-5 * MIN, 2, { failureReason: EAP });
    await s.at(0, ahead(0));
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    s.add(13 * MIN, 12, { userName: 'jdoe', failureReason: AD_PW });
    const r = await s.at(20 * MIN, ahead(20 * MIN));
    expect(r.summary).toMatch(/; INCIDENT sw-access-b2 \(Building-A\): 6 users failing 11036 .* and 1 more incident$/);
    expect(s.mails()[1]!.text).toMatch(/^INCIDENT jdoe \(Building-A\): 12 failures in 10 min, 24408/m);
  });

  test('off by default in each-run mode: no incident, no incidents.json', async () => {
    const s = await sim({ INCIDENTS: 'auto' });
    s.add(-5 * MIN, 8, { nasName: 'sw-access-b2', failureReason: SECRET });
    await s.at(0);
    expect(s.mails()[0]!.subject).toMatch(/^\[ISE\] 8 RADIUS failures/);
    expect(s.state()).toBeUndefined();
  });
});
