// Issue 12: a mail server that drops the connection mid-transaction, and one that quotes the
// credentials back (base64) in its error reply. Through dist/run.js with a real smtp-server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import type { FakeSmtpOptions } from '../fake/smtp';
import { startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;

async function worldWith(smtp: FakeSmtpOptions, ise = {}): Promise<World> {
  w = await startWorld({
    smtp,
    ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() }, 1)], ...ise },
  });
  return w;
}

describe('SMTP connection dropped without a reply', () => {
  it.each(['data', 'after-dot'] as const)('dropped once (%s): retried within the run, mailed once', async (at) => {
    await worldWith({ drop: { at } });
    const r = await w!.run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    expect(w!.smtp.messages).toHaveLength(1);
    expect(w!.cursor()).toBeDefined();
  });

  it.each(['data', 'after-dot'] as const)(
    'dropped on every attempt (%s): exit 5 saying the connection was dropped, cursor untouched, mailed next run',
    async (at) => {
      await worldWith({ drop: { at, times: 3 } });
      const r = await w!.run();
      expect(r.code, r.stdout + r.stderr).toBe(5);
      expect(r.summary).toMatch(/^ise-to-mail: ERROR mail not delivered via .*the mail server dropped the connection/);
      expect(r.summary).not.toMatch(/no answer in time/);
      expect(r.summary).toMatch(/; the failures will be sent again on the next run$/);
      expect(w!.cursor()).toBeUndefined();
      const next = await w!.run();
      expect(next.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
      expect(w!.smtp.messages).toHaveLength(1);
    },
  );
});

describe('credentials quoted back by the mail server', () => {
  const user = 'mailer@example.net';
  const pass = 'Wr0ng-but-secret-pass';
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it.each(['PLAIN', 'LOGIN'])(
    'AUTH %s: the base64 forms are redacted in output, health.json and health mails',
    async (method) => {
      let now = Date.now();
      await worldWith(
        { auth: { user, pass: 'the-right-pass' }, authMethods: [method], echoAuth: true },
        { now: () => now },
      );
      const env = (offset: number, password: string) => {
        now = Date.now() + offset;
        return { MAIL_USER: user, MAIL_PASS: password, ISE_TO_MAIL_TEST_NOW: String(now) };
      };
      const first = await w!.run(['--verbose'], env(0, pass));
      expect(first.code).toBe(5);
      // The server did quote something back, and it was scrubbed.
      expect(first.summary).toMatch(/Authentication credentials invalid \(got \*\*\*\)/);
      const second = await w!.run(['--verbose'], env(35 * MIN, pass));
      expect(second.code).toBe(5);
      const health = readFileSync(join(w!.stateDir, 'health.json'), 'utf8');
      // Credentials fixed: the next run mails, with a note on the outage quoting the last error.
      const third = await w!.run([], { ...env(40 * MIN, 'the-right-pass') });
      expect(third.code, third.summary).toBe(0);
      const mails = w!.smtp.messages.map((m) => `${m.parsed.subject}\n${m.parsed.text}\n${m.parsed.html}`).join('\n');
      expect(mails).toMatch(/Authentication credentials invalid \(got \*\*\*\)/);
      const everything = [first.stdout, first.stderr, second.stdout, second.stderr, health, mails].join('\n');
      for (const secret of [pass, b64(pass), b64(`\0${user}\0${pass}`)]) expect(everything).not.toContain(secret);
      expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
    },
  );
});
