// A record the mail gateway's content filter refuses (issue 23, point 1): any supplicant chooses its
// user name, so one value must never block the alerts. The fake SMTP server refuses every message
// that holds the marker (554 after DATA, as a gateway's content filter does); every other failure
// still arrives in full, the refused record with its values withheld, and the values stay readable
// on the device. Through dist/run.js: the contract (exit code, summary line) is what EEM sees.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import type { ReceivedMessage } from '../fake/smtp';
import { EAP, sim as incidentSim, SECRET } from '../helpers/incident-sim';
import { attachmentText, parseCsv } from '../helpers/mail';
import { simStart } from '../helpers/sim-start';
import { startWorld, type World } from '../helpers/world';

const MARKER = 'POISON-7f3a-CONTENT-FILTER';
const MIN = 60_000;
const HOUR = 60 * MIN;
const H0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);

/** Every user name a message carries, from its attachment (each mailed failure is a row). */
const usersOf = (m: ReceivedMessage) =>
  parseCsv(attachmentText(m, 'failures.csv.gz'))
    .slice(1)
    .map((row) => row[2]!);
const allUsers = (w: World) => w.smtp.messages.flatMap(usersOf).sort();

async function refusingWorld(now: () => number): Promise<World> {
  return startWorld({ ise: { now }, smtp: { refuseContaining: { marker: MARKER } } });
}

let seq = 0;
const failure = (user: string, at: number) =>
  makeFailure({ timestamp: new Date(at).toISOString(), userName: user }, ++seq);

function expectWithheldFile(w: World) {
  const file = join(w.stateDir, 'withheld.json');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  // The values are kept on the device, exactly (JSON-escaped).
  expect(readFileSync(file, 'utf8')).toContain(MARKER);
  return file;
}

describe('a record the mail server refuses does not block the alerts', () => {
  test('each-run: the others in full, the refused one withheld, later failures on the next run', async () => {
    let now = H0;
    const w = await refusingWorld(() => now);
    const env = (t: number) => ({ ALERT_MODE: 'each-run', ISE_TO_MAIL_TEST_NOW: String(t) });
    w.ise.addFailures(
      failure('alice', H0 - 5 * MIN),
      failure(`evil-${MARKER}`, H0 - 4 * MIN),
      failure('bob', H0 - 3 * MIN),
      failure('carol', H0 - 2 * MIN),
    );
    const first = await w.run([], env(now));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.summary).toMatch(/^ise-to-mail: WARN /);
    expect(first.summary).toMatch(/1 failure withheld: the mail server refused its values \(554\)/);
    expect(first.summary).not.toContain(MARKER);
    expect(allUsers(w).filter((u) => !u.startsWith('withheld'))).toEqual(['alice', 'bob', 'carol']);
    for (const m of w.smtp.messages) expect(m.raw.toString('utf8')).not.toContain(MARKER);
    // The withheld record is mailed all the same, saying what the server answered and where its values are.
    const note = w.smtp.messages.find((m) => m.parsed.text?.includes('kept on the device'));
    // The text part wraps at 78 columns, continuation lines indented.
    const text = (note?.parsed.text ?? '').replace(/\n +/g, ' ');
    expect(text).toContain('5.7.1 message content rejected');
    expect(text).toContain(expectWithheldFile(w));
    expect(allUsers(w).filter((u) => u.startsWith('withheld'))).toHaveLength(1);

    // The run after: the cursor moved past the refused record, later failures go out as usual.
    now += 10 * MIN;
    w.ise.addFailures(failure('dave', now - MIN));
    const before = w.smtp.messages.length;
    const second = await w.run([], env(now));
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    expect(w.smtp.messages.slice(before).flatMap(usersOf)).toEqual(['dave']);
  });

  // The split reads an each-run mail's records back from its attachment (CSV above, JSON here),
  // or, with no attachment, from the records kept while fetching.
  test.each(['json', 'none'])('each-run with MAIL_ATTACH=%s: split all the same', async (attach) => {
    const w = await refusingWorld(() => H0);
    w.ise.addFailures(
      failure('alice', H0 - 5 * MIN),
      failure(`evil-${MARKER}`, H0 - 4 * MIN),
      failure('bob', H0 - 3 * MIN),
    );
    const env = { ALERT_MODE: 'each-run', MAIL_ATTACH: attach, ISE_TO_MAIL_TEST_NOW: String(H0) };
    const r = await w.runInProcess([], env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toMatch(/1 failure withheld: the mail server refused its values \(554\)/);
    const raw = w.smtp.messages.map((m) => m.raw.toString('utf8')).join('\n');
    expect(raw).not.toContain(MARKER);
    expect(raw).toContain('alice');
    expect(raw).toContain('bob');
    expect(raw).toContain('withheld #');
    expectWithheldFile(w);
  });

  test('digest: the spooled digest is delivered around the refused record, later digests too', async () => {
    let now = H0 + 5 * MIN;
    const w = await refusingWorld(() => now);
    const env = (t: number) => ({ ALERT_MODE: 'digest', DIGEST_EVERY: '1h', ISE_TO_MAIL_TEST_NOW: String(t) });
    w.ise.addFailures(failure('alice', now - 3 * MIN), failure(`evil-${MARKER}`, now - 2 * MIN));
    expect((await w.run([], env(now))).code).toBe(0);
    now += 10 * MIN;
    w.ise.addFailures(failure('bob', now - 2 * MIN), failure('carol', now - MIN));
    const flushed = await w.run(['--flush'], env(now));
    expect(flushed.code, flushed.stdout + flushed.stderr).toBe(0);
    expect(flushed.summary).toMatch(/^ise-to-mail: WARN /);
    expect(flushed.summary).toMatch(/1 failure withheld: the mail server refused its values \(554\)/);
    expect(allUsers(w).filter((u) => !u.startsWith('withheld'))).toEqual(['alice', 'bob', 'carol']);
    for (const m of w.smtp.messages) expect(m.raw.toString('utf8')).not.toContain(MARKER);
    expectWithheldFile(w);

    // The next digest holds only what came after.
    now += HOUR;
    w.ise.addFailures(failure('dave', now - MIN));
    const before = w.smtp.messages.length;
    const next = await w.run(['--flush'], env(now));
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(w.smtp.messages.slice(before).flatMap(usersOf)).toEqual(['dave']);
  });

  test('digest: an opened incident goes out at once although the pending digest holds a refused record', async () => {
    const DIGEST = { ALERT_MODE: 'digest', DIGEST_EVERY: '1h', INCIDENTS: 'auto', INCIDENT_NEW_REASON: '0' };
    const s = await incidentSim(DIGEST, { refuseContaining: { marker: MARKER } });
    s.add(-5 * MIN, 1, { failureReason: EAP, userName: `evil-${MARKER}` });
    await s.at(0);
    s.add(12 * MIN, 6, { nasName: 'sw-access-b2', failureReason: SECRET });
    const r = await s.at(20 * MIN);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toMatch(/INCIDENT sw-access-b2 \(Building-A\): 6 users failing 11036/);
    expect(r.summary).toMatch(/1 failure withheld: the mail server refused its values/);
    // The incident leads one part only, the first the server accepted.
    expect(
      s.mails().filter((m) => /^\[ISE\] INCIDENT sw-access-b2 \(Building-A\): 6 users/.test(m.subject)),
    ).toHaveLength(1);
    for (const m of s.w.smtp.messages) expect(m.raw.toString('utf8')).not.toContain(MARKER);
    expect(s.state()!.open.map((i) => [i.id, i.mailed])).toEqual([['nas:sw-access-b2:11036', true]]);
  });

  test('a refusal even of the withheld values: exit 5, the hint names the content, then a PROBLEM mail', async () => {
    let now = H0;
    const w = await refusingWorld(() => now);
    const env = (t: number) => ({ ALERT_MODE: 'each-run', ISE_TO_MAIL_TEST_NOW: String(t), HEALTH_ALERT_AFTER: '30m' });
    // The network device's name is kept in the withheld copy: here it is what the filter refuses.
    w.ise.addFailures(makeFailure({ timestamp: new Date(H0 - MIN).toISOString(), nasName: `sw-${MARKER}` }, ++seq));
    const first = await w.run([], env(now));
    expect(first.code, first.stdout + first.stderr).toBe(5);
    expect(first.summary).toMatch(/\(EMESSAGE 554\): server said "554 5\.7\.1 message content rejected"/);
    expect(first.summary).toMatch(/the server refused the message's content \(a content, spam or DLP filter/);
    expect(first.summary).not.toMatch(/MAIL_FROM|MAIL_DEST/);
    expect(w.smtp.messages).toHaveLength(0);
    expect(existsSync(join(w.stateDir, 'withheld.json'))).toBe(false);
    expect(w.cursor()).toBeUndefined();
    // The server accepts mail: once the refusals outlast HEALTH_ALERT_AFTER, a PROBLEM mail says so.
    now += 31 * MIN;
    const later = await w.run([], env(now));
    expect(later.code).toBe(5);
    expect(w.smtp.messages.map((m) => m.parsed.subject)).toEqual([
      expect.stringMatching(/PROBLEM.*the mail server refuses the alert mail for its content/),
    ]);
  });
});
