// End-to-end (dist/run.js) tests of certificate auth and TLS verification toward ISE.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFailures } from '../fake/records';
import { calls, expectFailure } from '../helpers/pxgrid-e2e';
import { startSharedWorld, type World } from '../helpers/world';

describe('certificate auth against ISE requiring a client certificate (mTLS)', () => {
  let w: World;
  beforeAll(async () => {
    w = await startSharedWorld({ ise: { requireClientCert: true, failures: makeFailures(2) } });
  });
  afterAll(() => w.close());
  const cert = () => ({
    PXGRID_CERT: w.pki.clientCertFile,
    PXGRID_KEY: w.pki.clientKeyEncFile,
    PXGRID_KEY_PASSPHRASE: w.pki.clientKeyPassphrase,
  });

  it('works with an encrypted key and its passphrase; no AccountCreate; the passphrase never shows', async () => {
    const r = await w.run(['--verbose'], cert());
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: OK 2 new failures mailed/);
    expect(w.smtp.messages).toHaveLength(1);
    expect(calls(w, 'AccountCreate')).toBe(0);
    expect(w.ise.accounts.get('ise_to_mail')?.kind).toBe('cert');
    expect(r.stdout + r.stderr).not.toContain(w.pki.clientKeyPassphrase);
  });

  it('no client certificate configured: exit 4 saying ISE requires one', async () => {
    expectFailure(await w.run([], {}), 4, 'requires a client certificate', 'set PXGRID_CERT and PXGRID_KEY');
  });

  it('a client certificate from a CA ISE does not trust: exit 4 saying it was rejected', async () => {
    // Repeated: undici could hang on this with TLS 1.3 (see src/pxgrid/http.ts MAX_TLS).
    for (let i = 0; i < 3; i++) {
      const r = await w.run([], { PXGRID_CERT: w.pki.wrongClientCertFile, PXGRID_KEY: w.pki.wrongClientKeyFile });
      expectFailure(r, 4, 'ISE rejected the client certificate PXGRID_CERT', 'Trust for client authentication');
    }
  });

  it('unreadable certificate: exit 2 naming the file', async () => {
    const missing = join(w.dir, 'no-such-cert.pem');
    expectFailure(await w.run([], { ...cert(), PXGRID_CERT: missing }), 2, missing, 'PXGRID_CERT');
  });

  it('key that does not match the certificate: exit 2 naming both files, before any connection', async () => {
    const before = w.ise.requests.length;
    const r = await w.run([], { PXGRID_CERT: w.pki.clientCertFile, PXGRID_KEY: w.pki.wrongClientKeyFile });
    expectFailure(
      r,
      2,
      `PXGRID_KEY ${w.pki.wrongClientKeyFile} does not belong to PXGRID_CERT ${w.pki.clientCertFile}`,
    );
    expect(w.ise.requests.length).toBe(before);
  });

  it('encrypted key without passphrase, and with a wrong one: exit 2', async () => {
    expectFailure(
      await w.run([], { ...cert(), PXGRID_KEY_PASSPHRASE: undefined }),
      2,
      `PXGRID_KEY ${w.pki.clientKeyEncFile} is encrypted: set PXGRID_KEY_PASSPHRASE`,
    );
    const r = await w.run([], { ...cert(), PXGRID_KEY_PASSPHRASE: 'wrong-passphrase' });
    expectFailure(r, 2, 'PXGRID_KEY_PASSPHRASE is wrong');
    expect(r.stdout + r.stderr).not.toContain('wrong-passphrase');
  });

  it('a key file that is not a key: exit 2 naming it', async () => {
    const junk = join(w.dir, 'junk.key');
    writeFileSync(junk, '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n');
    expectFailure(
      await w.run([], { ...cert(), PXGRID_KEY: junk, PXGRID_KEY_PASSPHRASE: undefined }),
      2,
      `PXGRID_KEY ${junk}`,
    );
  });
});

describe('TLS verification of ISE', () => {
  let w: World;
  beforeAll(async () => {
    w = await startSharedWorld();
  });
  afterAll(() => w.close());

  it('wrong ISE_CA: exit 4 saying ISE_CA does not hold the right CA and where to export it', async () => {
    expectFailure(
      await w.run([], { ISE_CA: w.pki.wrongCaFile }),
      4,
      'TLS verification failed',
      "ISE_CA does not hold the CA that signed ISE's pxGrid certificate",
      'Administration > pxGrid Services',
    );
    expect(w.ise.requests).toHaveLength(0);
  });

  it('IP address instead of the FQDN in the certificate: exit 4 saying use the FQDN', async () => {
    expectFailure(
      await w.run([], { ISE_HOST: `127.0.0.1:${w.ise.port}` }),
      4,
      '127.0.0.1',
      'does not name this host',
      'FQDN',
      'not an IP address',
    );
    expect(w.ise.requests).toHaveLength(0);
  });

  it('ISE_INSECURE=1 connects despite a wrong CA and an IP, and warns on every run', async () => {
    const env = { ISE_CA: w.pki.wrongCaFile, ISE_HOST: `127.0.0.1:${w.ise.port}`, ISE_INSECURE: '1' };
    for (let i = 0; i < 2; i++) {
      const r = await w.run([], env);
      expect(r.code).toBe(0);
      expect(r.summary).toBe('ise-to-mail: WARN no new failures; ISE_INSECURE=1: TLS to ISE is NOT verified');
      expect(r.stderr).toMatch(/WARNING TLS verification toward ISE is OFF/);
    }
    // Without it, the very same settings are refused.
    expectFailure(await w.run([], { ...env, ISE_INSECURE: '0' }), 4, 'TLS');
  });
});
