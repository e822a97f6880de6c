// Each SMTP failure an operator meets, produced by a real smtp-server, through dist/run.js:
// exit 5, one line with the likely fix, no password, cursor untouched. And the SES-style
// port/security combinations that work.

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { makeFailure } from '../fake/records';
import type { FakeSmtpOptions } from '../fake/smtp';
import { startWorld, type World } from '../helpers/world';

let world: World | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await world?.close();
  world = undefined;
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function worldWith(smtp: FakeSmtpOptions): Promise<World> {
  world = await startWorld({
    smtp,
    ise: { failures: [makeFailure({ timestamp: new Date(Date.now() - 60_000).toISOString() })] },
  });
  return world;
}

/** A TCP port that accepts and then says nothing: a stuck server or a firewall that half-answers. */
async function silentPort(): Promise<number> {
  const s = createServer(() => undefined);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const port = await silentPort();
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

async function expectMailError(w: World, env: Record<string, string>, hint: RegExp) {
  const res = await w.run([], env);
  expect(res.code, res.stdout + res.stderr).toBe(5);
  expect(res.summary).toMatch(/^ise-to-mail: ERROR mail not delivered via /);
  expect(res.summary).toMatch(hint);
  expect(res.summary).toMatch(/; the failures will be sent again on the next run$/);
  expect(res.stdout.trim().split('\n')).toHaveLength(1);
  expect(w.cursor()).toBeUndefined();
  expect(w.smtp.messages).toHaveLength(0);
  return res;
}

describe('SMTP errors: one line with the likely fix', () => {
  it('535 authentication failed (password never shown)', async () => {
    const w = await worldWith({ auth: { user: 'AKIAEXAMPLE', pass: 'right-secret' } });
    const res = await expectMailError(
      w,
      { MAIL_USER: 'AKIAEXAMPLE', MAIL_PASS: 'wrong-secret-123' },
      /\(EAUTH 535\).*check MAIL_USER and MAIL_PASS \(for Amazon SES: SMTP credentials of the right region/,
    );
    expect(res.stdout + res.stderr).not.toContain('wrong-secret-123');
  });

  it('554 sender not verified (Amazon SES)', async () => {
    const w = await worldWith({
      rejectData: {
        code: 554,
        message:
          'Message rejected: Email address is not verified. The following identities failed the check in region ' +
          'EU-WEST-1: ise-alerts@example.net',
      },
    });
    await expectMailError(
      w,
      {},
      /554.*MAIL_FROM \(and, in the SES sandbox, every MAIL_DEST address\) must be a verified identity/,
    );
  });

  it('550 recipient rejected', async () => {
    const w = await worldWith({ rejectRcpt: { code: 550, message: 'Mailbox unavailable' } });
    await expectMailError(w, {}, /550.*check MAIL_FROM .* and MAIL_DEST/);
  });

  it('implicit TLS on a plain/STARTTLS port: "wrong version number"', async () => {
    const w = await worldWith({ starttls: true });
    await expectMailError(
      w,
      { SMTP_SERVER: 'localhost', SMTP_SECURITY: 'tls', SMTP_CA: w.pki.caFile },
      /this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls/,
    );
  });

  it('STARTTLS on an implicit-TLS port: no greeting, told to use SMTP_SECURITY=tls', async () => {
    const w = await worldWith({ secure: true });
    await expectMailError(
      w,
      { SMTP_SERVER: 'localhost', SMTP_SECURITY: 'starttls', SMTP_CA: w.pki.caFile, RUN_DEADLINE: '5s' },
      /no SMTP greeting came: this port probably expects implicit TLS \(set SMTP_SECURITY=tls/,
    );
  });

  it('SMTP_SECURITY=starttls and the server offers no STARTTLS: refuses plaintext', async () => {
    const w = await worldWith({ starttls: false });
    await expectMailError(w, { SMTP_SECURITY: 'starttls' }, /does not offer STARTTLS/);
  });

  it('certificate not trusted (no SMTP_CA)', async () => {
    const w = await worldWith({ secure: true });
    await expectMailError(
      w,
      { SMTP_SERVER: 'localhost', SMTP_SECURITY: 'tls' },
      /certificate is not trusted: set SMTP_CA/,
    );
  });

  it('certificate not trusted after STARTTLS (no SMTP_CA): told to set SMTP_CA, never to turn TLS off', async () => {
    const w = await worldWith({ starttls: true });
    await expectMailError(
      w,
      { SMTP_SERVER: 'localhost', SMTP_SECURITY: 'starttls' },
      /certificate is not trusted: set SMTP_CA/,
    );
  });

  it('connection refused', async () => {
    const w = await worldWith({});
    await expectMailError(
      w,
      { SMTP_PORT: String(await closedPort()) },
      /ECONNREFUSED.*connection refused: check SMTP_SERVER and SMTP_PORT/,
    );
  });

  it('server accepts but never answers: timeout inside RUN_DEADLINE', async () => {
    const w = await worldWith({});
    const started = Date.now();
    await expectMailError(w, { SMTP_PORT: String(await silentPort()), RUN_DEADLINE: '5s' }, /no SMTP greeting came/);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

const SES_AUTH = { user: 'ses-user', pass: 'ses-pass-1234' };

describe('SES-style port/security combinations', () => {
  /** One poll over TLS with SMTP_CA and AUTH, the security mode under test. */
  const deliverOver = async (security: 'tls' | 'starttls') => {
    const w = await worldWith({ [security === 'tls' ? 'secure' : 'starttls']: true, auth: SES_AUTH });
    const res = await w.run([], {
      SMTP_SERVER: 'localhost',
      SMTP_SECURITY: security,
      SMTP_CA: w.pki.caFile,
      MAIL_USER: SES_AUTH.user,
      MAIL_PASS: SES_AUTH.pass,
    });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed to 2 recipients/);
    const [m] = await w.smtp.waitForMessages(1);
    return m!;
  };

  it('implicit TLS (465/2465 style) with SMTP_CA and AUTH delivers to every recipient', async () => {
    const m = await deliverOver('tls');
    expect(m.user).toBe('ses-user');
    expect(m.envelope.rcptTo.map((a) => a.address)).toEqual(['noc@example.net', 'oncall@example.net']);
  });

  it('STARTTLS (25/587/2587 style) with requireTLS and SMTP_CA delivers', async () => {
    expect((await deliverOver('starttls')).user).toBe('ses-user');
  });

  it('the security default follows the SES port: 465/2465 tls, 25/587/2587 starttls', () => {
    const security = (port: string) => loadConfig({ baseDir: '/nonexistent', env: { SMTP_PORT: port } }).smtp.security;
    expect(['465', '2465'].map(security)).toEqual(['tls', 'tls']);
    expect(['25', '587', '2587'].map(security)).toEqual(['starttls', 'starttls', 'starttls']);
  });
});
