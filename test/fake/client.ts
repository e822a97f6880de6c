// Minimal node:https JSON client for tests of the fakes; independent of src/ so the
// fakes can be checked before (and without) the real pxGrid client.

import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export interface CallOptions {
  method?: string;
  /** Sent as JSON; omit for no body. */
  body?: unknown;
  /** Basic credentials; pass '' as password for cert-based accounts. */
  auth?: { user: string; pass: string };
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  passphrase?: string;
  /** TLS server name to verify instead of the URL host. */
  servername?: string;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed body, or undefined when the body is not JSON. */
  json: unknown;
}

function tlsOptions(o: CallOptions) {
  return {
    ca: o.caFile ? readFileSync(o.caFile) : undefined,
    cert: o.certFile ? readFileSync(o.certFile) : undefined,
    key: o.keyFile ? readFileSync(o.keyFile) : undefined,
    passphrase: o.passphrase,
    servername: o.servername,
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One request on a fresh connection (agent: false) so no socket outlives the test. */
export function call(url: string, o: CallOptions = {}): Promise<CallResult> {
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (o.auth) headers.Authorization = `Basic ${Buffer.from(`${o.auth.user}:${o.auth.pass}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: o.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers,
        agent: false,
        timeout: 10_000,
        ...tlsOptions(o),
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('error', reject);
        // 'aborted' fires when the server closes before the declared Content-Length arrives.
        res.on('aborted', () => reject(new Error('response aborted')));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: tryJson(text) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}
