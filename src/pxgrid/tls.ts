import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../config/config';
import { errCode } from '../core/errcode';
import { usageError } from '../core/errors';
import { summaryTime } from '../core/times';

/** TLS material for every connection to ISE (control and service nodes). */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  passphrase?: string;
  /**
   * The ONLY switch that turns verification off, and only from ISE_INSECURE=1 / --insecure
   * (test/tls-verify-source.test.ts keeps it that way). The CLI warns on stderr and the summary
   * line says WARN on every such run.
   */
  rejectUnauthorized: boolean;
}

function readPem(file: string, what: string, key: string): string {
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN')) throw new Error('not PEM');
    return pem;
  } catch (err) {
    const reason = errCode(err) || (err as Error).message;
    throw usageError(`cannot read ${what} ${file} (${reason}): check ${key}; it must be a PEM file`);
  }
}

export function loadTls(ise: Config['ise'], now: number): TlsMaterial {
  const ca = ise.ca ? readPem(ise.ca, 'the ISE CA bundle', 'ISE_CA') : undefined;
  if (ca && ise.ca) checkCaBundle(ca, ise.ca);
  const cert = ise.cert ? readPem(ise.cert, 'the pxGrid client certificate', 'PXGRID_CERT') : undefined;
  const key = ise.key ? readPem(ise.key, 'the pxGrid client key', 'PXGRID_KEY') : undefined;
  if (cert && key && ise.cert && ise.key) checkKeyPair(cert, ise.cert, key, ise.key, ise.keyPassphrase, now);
  return { ca, cert, key, passphrase: ise.keyPassphrase, rejectUnauthorized: !ise.insecure };
}

function checkCaBundle(pem: string, file: string): void {
  try {
    new X509Certificate(pem);
  } catch {
    throw usageError(`ISE_CA ${file} holds no readable certificate: it must be the PEM of ISE's pxGrid root CA chain`);
  }
}

/**
 * Checked before any connection: a wrong key or passphrase would otherwise surface as a vague
 * TLS error against ISE. The first certificate of a chain file is the client's own.
 */
function checkKeyPair(
  certPem: string,
  certFile: string,
  keyPem: string,
  keyFile: string,
  passphrase: string | undefined,
  now: number,
): void {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certPem);
  } catch {
    throw usageError(
      `PXGRID_CERT ${certFile} is not a readable X.509 certificate (PEM): export the pxGrid client certificate again`,
    );
  }
  const key = privateKey(keyPem, keyFile, passphrase);
  if (!x509.checkPrivateKey(key)) {
    throw usageError(
      `PXGRID_KEY ${keyFile} does not belong to PXGRID_CERT ${certFile}: use the key that was generated with ` +
        `this certificate`,
    );
  }
  if (Date.parse(x509.validTo) < now) {
    throw usageError(
      `PXGRID_CERT ${certFile} expired on ${summaryTime(Date.parse(x509.validTo))}: generate a new one under ` +
        `Administration > pxGrid Services > Client Management > Certificates`,
    );
  }
}

function privateKey(pem: string, file: string, passphrase: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (/PASSPHRASE/.test(code) || (!passphrase && /ENCRYPTED/.test(pem))) {
      throw usageError(`PXGRID_KEY ${file} is encrypted: set PXGRID_KEY_PASSPHRASE`);
    }
    if (passphrase && /DECRYPT|BAD_PASSWORD/i.test(code + String((err as Error).message))) {
      throw usageError(`PXGRID_KEY ${file} cannot be decrypted: PXGRID_KEY_PASSPHRASE is wrong`);
    }
    throw usageError(
      `PXGRID_KEY ${file} is not a readable private key (${code || 'bad PEM'}): it must be a PEM key (PKCS#8 or ` +
        `traditional)`,
    );
  }
}
