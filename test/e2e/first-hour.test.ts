// Issue 13, through dist/run.js: what a new user meets in the first hour, from an empty config to
// the first trustworthy summary line.
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunResult, startWorld, type World } from '../helpers/world';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** No setting at all: the environment startWorld sets, taken away. */
const EMPTY = (world: World) => Object.fromEntries(Object.keys(world.env).map((k) => [k, undefined]));

function expectOneLineUsage(r: RunResult): void {
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  expect(r.summary).toMatch(/^ise-to-mail: ERROR /);
}

describe('configuration errors, all at once', () => {
  it('an empty config: one run names every required setting in one line, exit 2, nothing fetched', async () => {
    const w = await startWorld();
    const r = await w.run([], EMPTY(w));
    expectOneLineUsage(r);
    expect(r.summary).toMatch(
      /^ise-to-mail: ERROR 5 settings are not set: ISE_HOST \(.*\), ISE_CA \(.*\), SMTP_SERVER \(.*\), MAIL_DEST \(.*\), MAIL_FROM \(.*\); set them in the environment or ise-to-mail\.env next to run\.js$/,
    );
    expect(w.ise.requests).toHaveLength(0);
  });

  it('invalid and missing settings of a partial config in one line', async () => {
    const w = await startWorld();
    const r = await w.run([], { ...EMPTY(w), ISE_HOST: 'ise.example.net', SMTP_PORT: 'abc', MAIL_USER: 'alerts' });
    expectOneLineUsage(r);
    expect(r.summary).toContain('SMTP_PORT must be a port number (from the environment)');
    expect(r.summary).toMatch(/settings are not set: ISE_CA .*SMTP_SERVER .*MAIL_DEST/);
    expect(r.summary).toContain('MAIL_FROM (taken from MAIL_USER) is not a mail address');
    expect(r.summary).toContain('MAIL_PASS is not set but MAIL_USER is');
  });

  it('test-mail asks only for the mail settings, setup only for the ISE ones', async () => {
    const w = await startWorld();
    const mail = await w.run(['test-mail'], EMPTY(w));
    expectOneLineUsage(mail);
    expect(mail.summary).toMatch(/3 settings are not set: SMTP_SERVER .*MAIL_DEST .*MAIL_FROM/);
    expect(mail.summary).not.toContain('ISE_HOST');
    const setup = await w.run(['setup'], EMPTY(w));
    expectOneLineUsage(setup);
    expect(setup.summary).toMatch(/2 settings are not set: ISE_HOST .*ISE_CA/);
    expect(setup.summary).not.toContain('SMTP_SERVER');
  });

  it('doctor with an empty config: every missing setting, under its check', async () => {
    const w = await startWorld();
    const r = await w.run(['doctor'], EMPTY(w));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL config ISE: 2 settings are not set: ISE_HOST .*ISE_CA /m);
    expect(r.stdout).toMatch(/^FAIL config mail: 3 settings are not set: SMTP_SERVER .*MAIL_DEST .*MAIL_FROM /m);
  });

  it('doctor with an invalid value: the config check names it and every missing setting too', async () => {
    const w = await startWorld();
    const r = await w.run(['doctor'], { ...EMPTY(w), PXGRID_PORT: 'x' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL config: PXGRID_PORT must be a port number .*; 5 settings are not set: ISE_HOST/m);
  });

  it('a mistyped key in the config file suggests the right one; in the environment it warns', async () => {
    const w = await startWorld();
    writeFileSync(join(w.dir, 'ise-to-mail.env'), 'SMTP_SEVRER=smtp.example.net\n');
    const file = await w.run([]);
    expectOneLineUsage(file);
    expect(file.summary).toMatch(/ise-to-mail\.env line 1: unknown key SMTP_SEVRER: did you mean SMTP_SERVER\?/);
    writeFileSync(join(w.dir, 'ise-to-mail.env'), '');
    const env = await w.run(['--dry-run'], { SMTP_SEVRER: 'smtp.example.net' });
    expect(env.code).toBe(0);
    expect(env.stderr).toContain(
      'WARNING environment variable SMTP_SEVRER is not a setting and is ignored: did you mean SMTP_SERVER?',
    );
  });
});

describe('what the config check refuses, through the bundle', () => {
  it('a RUN_DEADLINE a timer cannot hold, or $VAR in the config file: exit 2 naming it, nothing fetched', async () => {
    const w = await startWorld();
    const deadline = await w.run([], { RUN_DEADLINE: '25d' });
    expectOneLineUsage(deadline);
    expect(deadline.summary).toContain('RUN_DEADLINE must be at most 2147483647ms');
    writeFileSync(join(w.dir, 'ise-to-mail.env'), '# site\nexport MAIL_PASS=$SMTP_SECRET\n');
    const file = await w.run([]);
    expectOneLineUsage(file);
    expect(file.summary).toMatch(/ise-to-mail\.env line 2: \$ expansion .* is not supported/);
    expect(w.ise.requests).toHaveLength(0);
  });
});

describe('--since', () => {
  it('in the future is a usage error, and nothing is fetched', async () => {
    const w = await startWorld();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const r = await w.run(['--since', later]);
    expectOneLineUsage(r);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR --since ".*" is in the future \(the device clock says .*Z\)/);
    expect(w.ise.requests).toHaveLength(0);
  });

  it('with --reset-cursor is refused: a backfill never touches the cursor', async () => {
    const w = await startWorld();
    const r = await w.run(['--since', '6h', '--reset-cursor']);
    expectOneLineUsage(r);
    expect(r.summary).toMatch(/--since and --reset-cursor do not go together/);
    expect(w.ise.requests).toHaveLength(0);
  });
});

describe('ISE port that accepts TCP but never speaks TLS', () => {
  it('run says no TLS handshake, and asks whether it is the pxGrid port, not about routing', async () => {
    const w = await startWorld();
    // Reads (and ignores) the ClientHello, so it sees the client hang up and can close.
    const silent = createServer((socket) => socket.resume());
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const r = await w.run([], { ISE_HOST: `127.0.0.1:${port}` });
    expect(r.code).toBe(4);
    expect(r.summary).toMatch(
      new RegExp(`^ise-to-mail: ERROR .*no TLS handshake within 10 s: is port ${port} the pxGrid port `),
    );
    expect(r.summary).not.toMatch(/routing/);
  }, 30_000);
});

describe('test-mail failures', () => {
  it('say what failed and what to check, never that failures will be sent again', async () => {
    const w = await startWorld({ smtp: { auth: { user: 'alerts', pass: 'right-pass' } } });
    const auth = await w.run(['test-mail'], { MAIL_USER: 'alerts', MAIL_PASS: 'wrong-pass' });
    expect(auth.code).toBe(5);
    expect(auth.summary).toMatch(/^ise-to-mail: ERROR mail not delivered via .*check MAIL_USER and MAIL_PASS/);
    // Below the body alone (the test mail's body is ~19 KB as sent).
    const small = await startWorld({ smtp: { size: 12_000 } });
    const big = await small.run(['test-mail']);
    expect(big.code).toBe(5);
    expect(big.summary).toMatch(/over the mail server's SIZE limit of 12000/);
    for (const r of [auth, big]) expect(r.summary).not.toMatch(/sent again|next run/);
  });
});
