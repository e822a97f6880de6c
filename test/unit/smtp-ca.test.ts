// SMTP_CA is an extra bundle (README, "Configuration"): Node's root CAs stay trusted beside it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectionOptions, connect, createServer, rootCertificates } from 'node:tls';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import { connectionOptions } from '../../src/mail/transport';
import { sharedPki } from '../fake/pki';

/** Whether a TLS client with `tls` options verifies a loopback server holding the test PKI's certificate. */
async function verifies(tls: ConnectionOptions): Promise<boolean> {
  const pki = sharedPki();
  const server = createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<boolean>((resolve) => {
      const s = connect({ ...tls, host: '127.0.0.1', port, servername: 'localhost' }, () => {
        resolve(s.authorized);
        s.destroy();
      });
      s.on('error', () => resolve(false));
    });
  } finally {
    server.close();
  }
}

function optionsFor(ca: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-smtpca-'));
  const env: Record<string, string> = { SMTP_SERVER: 'smtp.example.net' };
  if (ca) {
    writeFileSync(join(dir, 'relay-ca.pem'), ca);
    env.SMTP_CA = 'relay-ca.pem';
  }
  return connectionOptions(loadConfig({ baseDir: dir, env }), new Deadline(10_000, Date.now)).tls;
}

describe('SMTP_CA', () => {
  test('a relay certificate issued by the SMTP_CA bundle verifies; one from another CA does not', async () => {
    const pki = sharedPki();
    expect(await verifies(optionsFor(pki.caPem) ?? {})).toBe(true);
    const other = readFileSync(pki.wrongCaFile, 'utf8');
    expect(await verifies(optionsFor(other) ?? {})).toBe(false);
  });

  test("Node's root CAs stay trusted beside it", () => {
    const tls = optionsFor(sharedPki().caPem);
    // The native path copies Node's default store (not observable without a publicly issued
    // certificate); the fallback lists the roots itself.
    if (tls && 'ca' in tls) expect(tls.ca).toEqual(expect.arrayContaining([rootCertificates[0]]));
    else expect(tls).toHaveProperty('secureContext');
  });

  test('without SMTP_CA, Node verifies against its own system CAs', () => {
    expect(optionsFor(undefined)).toBeUndefined();
  });
});
