// SMTP_CA is an extra bundle (README, "Configuration"): the system CAs stay trusted beside it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import { connectionOptions } from '../../src/mail/transport';

describe('SMTP_CA', () => {
  test('adds its PEM to the system CAs instead of replacing them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-smtpca-'));
    const pem = '-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'relay-ca.pem'), pem);
    const cfg = loadConfig({ baseDir: dir, env: { SMTP_SERVER: 'smtp.example.net', SMTP_CA: 'relay-ca.pem' } });
    const ca = connectionOptions(cfg, new Deadline(10_000, Date.now)).tls?.ca;
    expect(ca).toContain(pem);
    expect(ca).toEqual(expect.arrayContaining([rootCertificates[0]]));
    expect(ca).toHaveLength(rootCertificates.length + 1);
  });

  test('without SMTP_CA, Node verifies against its own system CAs', () => {
    const cfg = loadConfig({ baseDir: tmpdir(), env: { SMTP_SERVER: 'smtp.example.net' } });
    expect(connectionOptions(cfg, new Deadline(10_000, Date.now)).tls).toBeUndefined();
  });
});
