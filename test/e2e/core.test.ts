// one poll from pxGrid to the mailbox, through the built dist/run.js from an empty dir.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure, makeFailures } from '../fake/records';
import type { FakeSmtpOptions } from '../fake/smtp';
import { startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const ids = (msgText: string | undefined) => (msgText ?? '').match(/user-\d+/g) ?? [];

describe('run', () => {
  test('pending account: exit 3, the admin is told where to approve, nothing mailed', async () => {
    w = await startWorld({ ise: { autoApprove: false } });
    w.ise.setFailures([makeFailure()]);
    const r = await w.run();
    expect(r.code).toBe(3);
    expect(r.summary).toMatch(
      /^ise-to-mail: ERROR pxGrid client ise_to_mail is PENDING approval: .*Administration > pxGrid Services/,
    );
    expect(w.smtp.messages).toHaveLength(0);
    expect(w.cursor()).toBeUndefined();
    // The generated password was stored 0600 so the approval is not lost.
    const account = join(w.stateDir, 'pxgrid-account.json');
    expect(statSync(account).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(JSON.parse(readFileSync(account, 'utf8')).password);

    w.ise.approve('ise_to_mail');
    const r2 = await w.run();
    expect(r2.code).toBe(0);
    expect(w.smtp.messages).toHaveLength(1);
  });

  test('first run mails the last hour, the second only the two new, the third nothing', async () => {
    w = await startWorld();
    const now = Date.now();
    const old = makeFailure({ timestamp: new Date(now - 90 * MIN).toISOString(), userName: 'user-old' }, 1);
    const recent = [2, 3, 4].map((i) =>
      makeFailure({ timestamp: new Date(now - (50 - i) * MIN).toISOString(), userName: `user-${i}` }, i),
    );
    w.ise.setFailures([old, ...recent]);

    const r1 = await w.run();
    expect(r1.code).toBe(0);
    expect(r1.summary).toMatch(
      /^ise-to-mail: OK 3 new failures mailed to 2 recipients \(newest \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
    );
    expect(w.ise.requests.find((q) => q.path.endsWith('/getFailures'))?.body).toEqual({});
    const m1 = w.smtp.messages[0]!;
    expect(m1.parsed.subject).toMatch(/3 RADIUS failures/);
    expect(ids(m1.parsed.text).sort()).toEqual(['user-2', 'user-3', 'user-4']);
    expect(m1.envelope.rcptTo.map((x: { address: string }) => x.address).sort()).toEqual([
      'noc@example.net',
      'oncall@example.net',
    ]);
    expect(m1.parsed.html).toContain('user-3');

    w.ise.addFailures(
      ...[5, 6].map((i) => makeFailure({ timestamp: new Date(Date.now()).toISOString(), userName: `user-${i}` }, i)),
    );
    const r2 = await w.run();
    expect(r2.summary).toMatch(/^ise-to-mail: OK 2 new failures mailed/);
    expect(ids(w.smtp.messages[1]!.parsed.text).sort()).toEqual(['user-5', 'user-6']);
    const body = w.ise.requests.filter((q) => q.path.endsWith('/getFailures'))[1]!.body as { startTimestamp?: string };
    expect(body.startTimestamp).toMatch(/Z$/);

    const r3 = await w.run();
    expect(r3.code).toBe(0);
    expect(r3.summary).toBe('ise-to-mail: OK no new failures');
    expect(w.smtp.messages).toHaveLength(2);
  });

  test('missing MAIL_DEST: exit 2 naming it, nothing fetched', async () => {
    w = await startWorld();
    const r = await w.run([], { MAIL_DEST: undefined });
    expect(r.code).toBe(2);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR MAIL_DEST is not set/);
    expect(w.ise.requests).toHaveLength(0);
  });

  test('SMTP refusing auth: exit 5, cursor unchanged, the next good run mails them', async () => {
    w = await startWorld({ smtp: { auth: { user: 'alerts', pass: 'right-password' } } });
    w.ise.setFailures(makeFailures(4, { start: Date.now() - 30 * MIN, stepMs: MIN }));
    const bad = await w.run([], { MAIL_USER: 'alerts', MAIL_PASS: 'wrong-password' });
    expect(bad.code).toBe(5);
    expect(bad.summary).toMatch(/^ise-to-mail: ERROR mail not delivered .*MAIL_USER and MAIL_PASS/);
    expect(bad.stdout + bad.stderr).not.toContain('wrong-password');
    expect(w.cursor()).toBeUndefined();

    const good = await w.run([], { MAIL_USER: 'alerts', MAIL_PASS: 'right-password' });
    expect(good.code).toBe(0);
    expect(good.summary).toMatch(/OK 4 new failures mailed/);
    expect(w.smtp.messages).toHaveLength(1);
    expect(w.smtp.messages[0]!.parsed.subject).toMatch(/^\[ISE\] 4 RADIUS failures/);
  });

  test('the mail has From, To, Date, a subject with the count, and escaped record values', async () => {
    w = await startWorld();
    w.ise.setFailures([makeFailure({ userName: '<b>x</b>\r\nBcc: evil@example.org', nasName: 'sw1' })]);
    const r = await w.run();
    expect(r.code).toBe(0);
    const m = w.smtp.messages[0]!.parsed;
    expect(m.from?.value[0]?.address).toBe('ise-alerts@example.net');
    expect(m.date).toBeInstanceOf(Date);
    expect(m.headers.has('bcc')).toBe(false);
    expect(m.subject).toMatch(/^\[ISE\] 1 RADIUS failure/);
    expect(m.html).not.toContain('<b>x</b>');
    expect(m.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(w.smtp.messages[0]!.envelope.rcptTo).toHaveLength(2);
  });

  test('--json prints the summary as one JSON object, last on stdout', async () => {
    w = await startWorld();
    w.ise.setFailures([makeFailure({ userName: 'user-9' })]);
    const r = await w.run(['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.summary)).toMatchObject({
      status: 'OK',
      exitCode: 0,
      mailed: 1,
      message: expect.stringMatching(/^1 new failure mailed to 2 recipients/),
    });
    const bad = await w.run(['--json', '--bogus']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.summary)).toMatchObject({ status: 'ERROR', exitCode: 2 });
  });

  test('a recipient the server refuses: delivered to the others, WARN naming the refused address', async () => {
    w = await startWorld({
      smtp: { rejectRcpt: { code: 550, message: 'No such user' }, rejectOnly: ['oncall@example.net'] },
    });
    w.ise.setFailures([makeFailure({ userName: 'user-7' })]);
    const r = await w.run();
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(
      /^ise-to-mail: WARN 1 new failure mailed to 1 recipient .*; the mail server refused oncall@example\.net: check MAIL_DEST$/,
    );
    expect(w.smtp.messages[0]!.envelope.rcptTo.map((x: { address: string }) => x.address)).toEqual(['noc@example.net']);
    expect(w.cursor()).toBeDefined();
  });

  test('a recipient refused for now (451) past the retries: exit 5, cursor untouched; next run owes it', async () => {
    const smtp: FakeSmtpOptions = {
      rejectRcpt: { code: 451, message: '4.7.1 greylisted' },
      rejectOnly: ['oncall@example.net'],
    };
    w = await startWorld({ smtp });
    w.ise.setFailures([makeFailure({ userName: 'user-7' })]);
    const r = await w.run([], { RUN_DEADLINE: '20s' });
    expect(r.code, r.stdout + r.stderr).toBe(5);
    expect(r.summary).toMatch(
      /^ise-to-mail: ERROR mail delivered to 1 recipient, but the server refused oncall@example\.net for now \(451\)/,
    );
    expect(r.summary).toMatch(/; the failures will be sent again on the next run$/);
    // What to do: the line names the recipient, and where to look.
    expect(r.summary).toContain('check that mailbox and its mail server (greylisting, a full mailbox)');
    expect(w.cursor()).toBeUndefined();
    // Greylisting lifted: the next run sends the same failures, and oncall gets them.
    w.smtp.messages.length = 0;
    // The world's server holds a copy of these options, but the same address list: empty it.
    smtp.rejectOnly!.length = 0;
    const ok = await w.run();
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const to = w.smtp.messages.flatMap((m) => m.envelope.rcptTo.map((x: { address: string }) => x.address));
    expect(to).toContain('oncall@example.net');
    expect(w.cursor()).toBeDefined();
  });

  test('every recipient refused: exit 5, cursor untouched', async () => {
    w = await startWorld({ smtp: { rejectRcpt: { code: 550, message: 'No such user' } } });
    w.ise.setFailures([makeFailure({ userName: 'user-7' })]);
    const r = await w.run();
    expect(r.code).toBe(5);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR mail not delivered .*MAIL_DEST/);
    expect(w.cursor()).toBeUndefined();
  });

  test('STATE_DIR that is not a writable directory: exit 2 with the fix, not an internal error', async () => {
    w = await startWorld();
    writeFileSync(join(w.dir, 'not-a-dir'), 'x');
    const r = await w.run([], { STATE_DIR: 'not-a-dir/data' });
    expect(r.code).toBe(2);
    expect(r.summary).toMatch(
      /^ise-to-mail: ERROR cannot create lock file .*not-a-dir\/data\/run\.lock \((ENOTDIR|EEXIST)\): check that STATE_DIR is a writable directory/,
    );
    const setup = await w.run(['setup'], { STATE_DIR: 'not-a-dir/data' });
    expect(setup.code).toBe(2);
    expect(setup.summary).toMatch(
      /^ise-to-mail: ERROR cannot read state file .*not-a-dir\/data\/pxgrid-account\.json \(ENOTDIR\): check STATE_DIR/,
    );
    expect(w.ise.requests.filter((q) => q.path.endsWith('/AccountCreate'))).toHaveLength(0);
  });
});
