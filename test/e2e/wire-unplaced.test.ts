// Issue 23 point 7: records that cannot be placed (no id, a timestamp without a time zone, an
// absurd year, none at all) are failures all the same: mailed, with what could not be read said
// plainly, once. A record nested deeper than the limit costs only itself, and is named. A reply
// whose values cannot be read run after run raises a PROBLEM mail.
import { describe, expect, test } from 'vitest';
import { attachmentText } from '../helpers/mail';
import { startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const GET_FAILURES = '/pxgrid/ise/radius/getFailures';

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ failureReason: '22040 Wrong password or invalid shared secret', ...fields });

describe('records that cannot be placed', () => {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  // ISE writing its local time at UTC-8 without saying so: read as UTC it looks 8 hours old.
  const noZone = new Date(now - 8 * 60 * MIN).toISOString().slice(0, -1);
  const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
  const body = () =>
    `{"failures":[${[
      record({ id: '1603571391695101', timestamp: iso(now - 2 * MIN), userName: 'placed' }),
      record({ id: null, timestamp: iso(now - 2 * MIN), userName: 'no-id' }),
      record({ id: '1603571391695103', timestamp: noZone, userName: 'no-zone' }),
      record({ id: '1603571391695104', timestamp: '-271821-04-20T00:00:00.000Z', userName: 'old-year' }),
      record({ id: '1603571391695105', userName: 'no-time' }),
      `{"id":"1603571391695106","timestamp":"${iso(now - MIN)}","userName":"too-deep","x":${deep}}`,
    ].join(',')}]}`;

  test('are mailed, said plainly; a record nested too deep costs only itself, named; nothing twice', async () => {
    w = await startWorld();
    w.ise.fault(GET_FAILURES, { chunks: () => [body()], times: 2 });
    const r = await w.run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: WARN 5 new failures mailed to 2 recipients/);
    expect(r.summary).toContain('1 record without an id (mailed under an id made from its content)');
    expect(r.summary).toContain('3 records whose time cannot be placed (mailed without a time)');
    expect(r.summary).toContain('1 record unreadable (nested deeper than 10000 levels, id 1603571391695106)');
    expect(w.smtp.messages).toHaveLength(1);
    const m = w.smtp.messages[0]!;
    const text = m.parsed.text!.replace(/\s+/g, ' ');
    for (const user of ['placed', 'no-id', 'no-zone', 'old-year', 'no-time']) expect(text).toContain(user);
    expect(text).toContain(`without a time zone (e.g. ${noZone})`);
    expect(text).toContain('outside the years 2000-2100 (e.g. -271821-04-20T00:00:00.000Z)');
    expect(text).toContain('without a timestamp');
    // No time is made up for them: the details show none.
    for (const user of ['no-zone', 'old-year', 'no-time']) expect(text).toContain(`? 1x ${user} NAS`);
    expect(text).toContain('ISE sent 1 failure without an id');
    expect(text).toMatch(/could not be read: 1 record nested deeper than 10000 levels \(id 1603571391695106\)/);
    const csv = attachmentText(m, 'failures.csv.gz');
    expect(csv).toContain('no-zone');
    expect(csv).toContain('no-id');
    // The same answer again: each failure was mailed once; the unreadable one is still named.
    const again = await w.run();
    expect(again.code).toBe(0);
    expect(again.summary).toMatch(/^ise-to-mail: WARN no new failures; .*1 record unreadable/);
    expect(w.smtp.messages).toHaveLength(1);
  });
});

test('values that are not records, run after run: a PROBLEM mail after HEALTH_ALERT_AFTER', async () => {
  w = await startWorld();
  w.ise.fault(GET_FAILURES, { chunks: () => ['{"failures":[1,"two",null,true]}'], times: 2 });
  const first = await w.run();
  expect(first.code).toBe(0);
  expect(first.summary).toMatch(/^ise-to-mail: WARN no new failures; 4 records unreadable \(not a JSON object\)/);
  const later = await w.run([], { ISE_TO_MAIL_TEST_NOW: String(Date.now() + 35 * MIN) });
  expect(later.summary).toMatch(/4 records unreadable .*failing since .* \(2 runs\): problem mail sent/);
  const [m] = await w.smtp.waitForMessages(1);
  expect(m!.parsed.subject).toMatch(/PROBLEM/);
  expect(m!.parsed.text).toContain('unreadable');
  // Still unreadable, with a record beside: that record is mailed, but not as a recovery.
  const t = new Date(Date.now() - MIN).toISOString();
  const body = `{"failures":[1,${record({ id: '1603571391695107', timestamp: t, userName: 'readable' })}]}`;
  w.ise.fault(GET_FAILURES, { chunks: () => [body] });
  const third = await w.run([], { ISE_TO_MAIL_TEST_NOW: String(Date.now() + 40 * MIN) });
  expect(third.summary).toMatch(/^ise-to-mail: WARN 1 new failure mailed .*1 record unreadable/);
  const mails = await w.smtp.waitForMessages(2);
  expect(mails[1]!.parsed.text).toContain('readable');
  expect(mails[1]!.parsed.subject).not.toMatch(/RECOVERED/);
  expect(third.summary).not.toMatch(/recover/i);
});
