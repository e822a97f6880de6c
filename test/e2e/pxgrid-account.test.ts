// End-to-end (dist/run.js) tests of the pxGrid password-account lifecycle.
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFailures } from '../fake/records';
import { accountFile, calls, expectFailure, storedAccount } from '../helpers/pxgrid-e2e';
import { startWorld, type World } from '../helpers/world';

const ADMIN_CLIENTS = 'Administration > pxGrid Services > Client Management > Clients';
let w: World | undefined;

describe('password account lifecycle', () => {
  it('ISE with password accounts disabled (503): exit 3 naming the ISE setting and certificates', async () => {
    w = await startWorld({ ise: { passwordAccounts: false } });
    const r = await w.run();
    expectFailure(
      r,
      3,
      'HTTP 503',
      '"Allow password based account creation"',
      'Administration > pxGrid Services > Settings',
      'PXGRID_CERT',
    );
    expect(w.smtp.messages).toHaveLength(0);
  });

  it(
    'PENDING: exit 3 with the admin step, then ENABLED on the next run after approval mails the ' + 'failures',
    async () => {
      w = await startWorld({ ise: { autoApprove: false, failures: makeFailures(3) } });
      const first = await w.run();
      expectFailure(first, 3, 'pxGrid client ise_to_mail is PENDING approval', ADMIN_CLIENTS);
      // The password ISE generated is stored before anything else, 0600.
      const stored = storedAccount(w);
      expect(stored.nodeName).toBe('ise_to_mail');
      expect(stored.mode).toBe(0o600);
      expect(first.stdout + first.stderr).not.toContain(stored.password);
      expect(w.cursor()).toBeUndefined();

      w.ise.approve('ise_to_mail');
      const second = await w.run();
      expect(second.code).toBe(0);
      expect(second.summary).toMatch(/^ise-to-mail: OK 3 new failures mailed to 2 recipients/);
      expect(w.smtp.messages).toHaveLength(1);
      // AccountCreate only once: the second run reused the stored password.
      expect(calls(w, 'AccountCreate')).toBe(1);
    },
  );

  it('sends a description with tool and version on AccountActivate', async () => {
    w = await startWorld();
    expect((await w.run()).code).toBe(0);
    const version = (await w.run(['--version'])).stdout.trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(w.ise.accounts.get('ise_to_mail')?.description).toBe(`ise-to-mail ${version}`);
    const activate = w.ise.requests.find((r) => r.path.endsWith('/AccountActivate'));
    expect(activate?.body).toEqual({ description: `ise-to-mail ${version}` });
  });

  it('DISABLED: exit 3 telling the admin where to enable it', async () => {
    w = await startWorld();
    expect((await w.run()).code).toBe(0);
    w.ise.disable('ise_to_mail');
    expectFailure(await w.run(), 3, 'pxGrid client ise_to_mail is DISABLED on ISE', 'must enable it', ADMIN_CLIENTS);
  });

  it('409: the client exists on ISE but the stored password is gone', async () => {
    w = await startWorld();
    expect((await w.run()).code).toBe(0);
    rmSync(accountFile(w));
    expectFailure(
      await w.run(),
      3,
      'pxGrid client ise_to_mail already exists on ISE',
      'delete client ise_to_mail under',
      ADMIN_CLIENTS,
      'PXGRID_USER',
    );
  });

  it('401 on AccountActivate: stored password wrong', async () => {
    w = await startWorld();
    expect((await w.run()).code).toBe(0);
    writeFileSync(
      accountFile(w),
      JSON.stringify({ version: 1, nodeName: 'ise_to_mail', password: 'NotThePassword12' }),
      { mode: 0o600 },
    );
    const r = await w.run();
    expectFailure(
      r,
      3,
      'does not accept the stored password of pxGrid client ise_to_mail',
      'HTTP 401',
      accountFile(w),
      'run setup again',
    );
    expect(r.stdout + r.stderr).not.toContain('NotThePassword12');
  });

  it('401 on AccountActivate: the client was deleted on ISE', async () => {
    w = await startWorld();
    expect((await w.run()).code).toBe(0);
    w.ise.deleteAccount('ise_to_mail');
    expectFailure(await w.run(), 3, 'HTTP 401', 'the client was deleted on ISE');
  });
});
