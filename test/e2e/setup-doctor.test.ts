// End-to-end (dist/run.js) tests of the `setup` and `doctor` commands.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import { calls, expectFailure, storedAccount } from '../helpers/pxgrid-e2e';
import { type RunResult, startWorld, type World } from '../helpers/world';

let w: World | undefined;

/** doctor's check lines (everything before the summary), as `status name`. */
function checks(r: RunResult): string[] {
  return r.stdout
    .trimEnd()
    .split('\n')
    .slice(0, -1)
    .map((l) => l.replace(/^(ok|FAIL|skip|info)\s+(.+?): .*$/, '$1 $2'));
}

describe('setup', () => {
  it('creates, reports PENDING with the admin step, is safe to rerun, and reports ENABLED after approval', async () => {
    w = await startWorld({ ise: { autoApprove: false } });
    const first = await w.run(['setup']);
    expect(first.code).toBe(3);
    expect(first.stdout).toContain('created the client on ISE; its password is in');
    expect(first.stdout).toContain('account state: PENDING');
    expect(first.summary).toBe(
      'ise-to-mail: WARN pxGrid client ise_to_mail is PENDING approval: an ISE admin must approve it under ' +
        'Administration > pxGrid Services > Client Management > Clients (ISE 2.x: All Clients), then run setup again',
    );
    const password = storedAccount(w).password;
    expect(first.stdout + first.stderr).not.toContain(password);

    const again = await w.run(['setup']);
    expect(again.code).toBe(3);
    expect(again.stdout).toContain('using the stored password');
    expect(storedAccount(w).password).toBe(password);
    expect(calls(w, 'AccountCreate')).toBe(1);

    w.ise.approve('ise_to_mail');
    // The default alert policy (no ALERT_MODE): the first-run path says what will arrive when.
    const done = await w.run(['setup'], { ALERT_MODE: undefined });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('account state: ENABLED');
    expect(done.summary).toBe(
      'ise-to-mail: OK pxGrid client ise_to_mail is ENABLED: next, run doctor, then install the EEM applet ' +
        '(routine failures then arrive in one digest per period, incidents at once; run --flush sends the first ' +
        'digest now)',
    );
    // setup never mails and never touches the cursor.
    expect(w.smtp.messages).toHaveLength(0);
    expect(w.cursor()).toBeUndefined();
  });

  it('DISABLED: exit 3, ERROR', async () => {
    w = await startWorld();
    expect((await w.run(['setup'])).code).toBe(0);
    w.ise.disable('ise_to_mail');
    expectFailure(await w.run(['setup']), 3, /^ise-to-mail: ERROR pxGrid client ise_to_mail is DISABLED/);
  });

  it('certificate account: no AccountCreate, no password file', async () => {
    w = await startWorld({ ise: { requireClientCert: true } });
    const r = await w.run(['setup'], { PXGRID_CERT: w.pki.clientCertFile, PXGRID_KEY: w.pki.clientKeyFile });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(certificate ${w.pki.clientCertFile} auth)`);
    expect(calls(w, 'AccountCreate')).toBe(0);
  });

  it('password accounts disabled on ISE: exit 3 with the ISE setting', async () => {
    w = await startWorld({ ise: { passwordAccounts: false } });
    expectFailure(await w.run(['setup']), 3, 'Allow password based account creation');
  });
});

describe('the default alert policy (issue 24 point 6)', () => {
  it('is an hourly digest with incidents: doctor and the first run say so, run --flush sends it now', async () => {
    w = await startWorld();
    const dflt = { ALERT_MODE: undefined };
    const doctor = await w.run(['doctor'], dflt);
    expect(doctor.stdout).toContain(
      'alert policy: ALERT_MODE=digest, every 1h from midnight UTC: routine failures arrive in one digest per ' +
        'period, incidents at once (run --flush sends the pending digest now)\n',
    );
    w.ise.addFailures(makeFailure({ userName: 'anna' }, 1), makeFailure({ userName: 'ben' }, 2));
    const first = await w.run([], dflt);
    expect(first.code).toBe(0);
    expect(first.summary).toMatch(/^ise-to-mail: OK 2 new failures spooled; 2 pending for the digest at /);
    expect(first.summary).toMatch(
      /; routine failures arrive in one digest per period, incidents at once; run --flush sends the first digest now$/,
    );
    expect(w.smtp.messages).toHaveLength(0);
    const flush = await w.run(['run', '--flush'], dflt);
    expect(flush.summary).toMatch(/^ise-to-mail: OK digest of 2 failures mailed to 2 recipients/);
    expect(w.smtp.messages).toHaveLength(1);
    // Incidents are on by default: incidents.json is kept from the first run.
    expect(existsSync(join(w.stateDir, 'incidents.json'))).toBe(true);
  });
});

describe('doctor', () => {
  it('all checks pass: one ok line per check, exit 0, summary last', async () => {
    w = await startWorld();
    expect((await w.run(['setup'])).code).toBe(0);
    const r = await w.run(['doctor']);
    expect(r.code).toBe(0);
    expect(checks(r)).toEqual([
      'ok config',
      'ok config ISE',
      'ok config mail',
      'ok state dir',
      'ok dns localhost',
      `ok tcp localhost:${w.ise.port}`,
      `ok tls localhost:${w.ise.port}`,
      'ok pxGrid account',
      'ok service lookup',
      'ok secret ise-mnt-ise-sim',
      'ok getFailures ise-mnt-ise-sim',
      'ok dns 127.0.0.1',
      `ok tcp 127.0.0.1:${w.smtp.port}`,
      `ok smtp 127.0.0.1:${w.smtp.port}`,
      'info health',
      'info incidents',
      'info mutes',
    ]);
    expect(r.summary).toBe('ise-to-mail: OK doctor: all 14 checks passed');
    // The getFailures probe asks for the last minute only.
    const probe = w.ise.requests.filter((q) => q.path.endsWith('/getFailures')).at(-1);
    const start = Date.parse((probe!.body as { startTimestamp: string }).startTimestamp);
    expect(Date.now() - start).toBeGreaterThan(59_000);
    expect(Date.now() - start).toBeLessThan(120_000);
    // doctor changes nothing: no mail, no cursor, no leftover probe file.
    expect(w.smtp.messages).toHaveLength(0);
    expect(w.cursor()).toBeUndefined();
  });

  it('before setup: FAIL pxGrid account with "run setup", exit 3, and it creates nothing', async () => {
    w = await startWorld();
    const r = await w.run(['doctor']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^FAIL pxGrid account: no pxGrid account yet .* run setup$/m);
    expect(checks(r)).toContain('skip service lookup');
    expect(r.summary).toBe('ise-to-mail: ERROR doctor: 1 of 11 checks failed, first: pxGrid account');
    expect(calls(w, 'AccountCreate')).toBe(0);
  });

  it('a config error is the first FAIL line and exit 2', async () => {
    w = await startWorld();
    const r = await w.run(['doctor'], { PXGRID_PORT: 'x' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL config: PXGRID_PORT must be a port number/m);
    expect(r.summary).toBe('ise-to-mail: ERROR doctor: 1 of 1 checks failed, first: config');
  });

  it(
    'dead controller, wrong CA on the other, dead SMTP, unwritable STATE_DIR: each FAIL with a remedy; exit = ' +
      'first class (2)',
    async () => {
      w = await startWorld();
      const ro = join(w.dir, 'ro');
      mkdirSync(ro);
      writeFileSync(join(ro, 'data'), 'a file, not a directory');
      const r = await w.run(['doctor'], {
        ISE_HOST: `localhost:1,localhost:${w.ise.port}`,
        ISE_CA: w.pki.wrongCaFile,
        SMTP_PORT: '1',
        STATE_DIR: join(ro, 'data'),
      });
      expect(r.stdout).toMatch(/^FAIL state dir: .* is not writable \(E\w+\): point STATE_DIR/m);
      expect(r.stdout).toMatch(/^FAIL tcp localhost:1: ECONNREFUSED: check ISE_HOST, PXGRID_PORT/m);
      expect(r.stdout).toMatch(new RegExp(`^FAIL tls localhost:${w.ise.port}: .*ISE_CA does not hold the CA`, 'm'));
      expect(r.stdout).toMatch(/^FAIL tcp 127.0.0.1:1: ECONNREFUSED: check SMTP_SERVER, SMTP_PORT/m);
      expect(r.code).toBe(2);
      expect(r.summary).toMatch(/^ise-to-mail: ERROR doctor: \d+ of \d+ checks failed, first: state dir$/);
    },
  );

  it('mTLS with an untrusted client certificate and a dead service node: FAIL lines, exit 4', async () => {
    w = await startWorld({
      ise: {
        requireClientCert: true,
        serviceNodes: [{ nodeName: '~ise-mnt-dead', restBaseUrl: 'https://localhost:1/x' }, { nodeName: '~ise-mnt-b' }],
      },
    });
    const good = { PXGRID_CERT: w.pki.clientCertFile, PXGRID_KEY: w.pki.clientKeyFile };
    const ok = await w.run(['doctor'], good);
    expect(ok.stdout).toMatch(
      /^FAIL getFailures ~ise-mnt-dead: cannot talk to pxGrid at localhost:1: connection refused/m,
    );
    expect(ok.stdout).toMatch(/^ok {3}getFailures ~ise-mnt-b: 0 failure\(s\) in the last minute$/m);
    expect(ok.code).toBe(4);
    const bad = await w.run(['doctor'], {
      PXGRID_CERT: w.pki.wrongClientCertFile,
      PXGRID_KEY: w.pki.wrongClientKeyFile,
    });
    expect(bad.stdout).toMatch(
      new RegExp(`^FAIL tls localhost:${w.ise.port}: .*ISE rejected the client certificate`, 'm'),
    );
    expect(bad.code).toBe(4);
  });

  it('ISE_INSECURE=1 is a FAIL (runs would not verify ISE)', async () => {
    w = await startWorld();
    await w.run(['setup']);
    const r = await w.run(['doctor'], { ISE_INSECURE: '1' });
    expect(r.stdout).toMatch(/^FAIL tls localhost:\d+: ISE_INSECURE=1: runs do NOT verify/m);
    expect(r.stderr).toMatch(/WARNING TLS verification toward ISE is OFF/);
    expect(r.code).toBe(4);
  });

  it(
    'SMTP AUTH rejected: FAIL smtp with the MAIL_USER/MAIL_PASS remedy, exit 5; the password never ' + 'shows',
    async () => {
      w = await startWorld({ smtp: { auth: { user: 'alerts', pass: 'right-pass' } } });
      await w.run(['setup']);
      const r = await w.run(['doctor'], { MAIL_USER: 'alerts', MAIL_PASS: 'wrong-pass-123' });
      expect(r.stdout).toMatch(
        /^FAIL smtp 127.0.0.1:\d+: SMTP check failed \(EAUTH 535\): server said "535 Authentication credentials invalid"; check MAIL_USER and MAIL_PASS/m,
      );
      expect(r.code).toBe(5);
      expect(r.stdout + r.stderr).not.toContain('wrong-pass-123');
    },
  );

  it('SMTP AUTH refused by a server that echoes the credentials: its reply shows, the password never', async () => {
    w = await startWorld({ smtp: { auth: { user: 'alerts', pass: 'right-pass' }, echoAuth: true } });
    await w.run(['setup']);
    const r = await w.run(['doctor'], { MAIL_USER: 'alerts', MAIL_PASS: 'wrong-pass-123' });
    expect(r.stdout).toMatch(
      /^FAIL smtp 127.0.0.1:\d+: SMTP check failed \(EAUTH 535\): server said "535 Authentication/m,
    );
    for (const secret of ['wrong-pass-123', Buffer.from('wrong-pass-123').toString('base64')])
      expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('MAIL_USER set but the server offers no AUTH: doctor says so instead of "accepted"', async () => {
    w = await startWorld();
    await w.run(['setup']);
    const r = await w.run(['doctor'], { MAIL_USER: 'alerts', MAIL_PASS: 'some-pass-123' });
    expect(r.stdout).toMatch(
      /^ok {3}smtp 127\.0\.0\.1:\d+: no TLS \(SMTP_SECURITY=none\), the server offered no AUTH/m,
    );
    expect(r.stdout).not.toMatch(/AUTH as alerts accepted/);
  });

  it('shows the health record of the scheduled runs; a corrupt one is a FAIL naming the file', async () => {
    w = await startWorld();
    w.ise.setFailures([]);
    expect((await w.run()).code).toBe(0);
    const r = await w.run(['doctor']);
    expect(r.stdout).toMatch(/^info health: last successful poll \S+ \(0 min ago\), 0 failed runs in a row$/m);
    expect(r.code).toBe(0);
    writeFileSync(join(w.stateDir, 'health.json'), 'garbage');
    const bad = await w.run(['doctor']);
    expect(bad.stdout).toMatch(/^FAIL health: state file .*health\.json is corrupt \(not JSON\); delete it to reset/m);
    expect(bad.code).toBe(2);
  });
});
