import { readFileSync } from 'node:fs';
import { usageError } from '../errors';
import type { Config } from '../config/config';

/** TLS material for every connection to ISE (control and service nodes). */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  passphrase?: string;
  rejectUnauthorized: boolean;
}

function readPem(file: string, what: string, key: string): string {
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN')) throw new Error('not PEM');
    return pem;
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw usageError(`cannot read ${what} ${file} (${reason}): check ${key}; it must be a PEM file`);
  }
}

export function loadTls(ise: Config['ise']): TlsMaterial {
  return {
    ca: ise.ca ? readPem(ise.ca, 'the ISE CA bundle', 'ISE_CA') : undefined,
    cert: ise.cert ? readPem(ise.cert, 'the pxGrid client certificate', 'PXGRID_CERT') : undefined,
    key: ise.key ? readPem(ise.key, 'the pxGrid client key', 'PXGRID_KEY') : undefined,
    passphrase: ise.keyPassphrase,
    rejectUnauthorized: !ise.insecure,
  };
}
