import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { AppError, Exit, describe, iseError } from '../errors';
import type { Deadline } from '../deadline';
import type { TlsMaterial } from './tls';

export interface BasicAuth {
  user: string;
  pass: string;
}

/** A response body: read it whole (small control answers), stream it, or discard it. */
export interface PxBody extends AsyncIterable<Buffer> {
  text(): Promise<string>;
  dump(): Promise<void>;
}

export interface PxResponse {
  status: number;
  date?: string;
  body: PxBody;
}

/** Per-step limits; each is also capped by the run's deadline. */
const CONNECT_MS = 10_000;
/** Longest silence while waiting for the headers or between two pieces of the body. */
const IDLE_MS = 30_000;

/**
 * The one HTTPS client for ISE. TLS is verified against ISE_CA only (a custom `ca` replaces the
 * system roots, which never sign ISE's internal pxGrid certificate anyway).
 *
 * node:https, not undici: undici parses HTTP with a WebAssembly build of llhttp, and compiling it
 * costs ~40 MB of peak RSS on every run (measured: one TLS POST peaks at 90 MB with undici, 47 MB
 * with node:https) out of Guestshell's 256 MB, and its 790 KB of code slow every start-up (issue 7).
 */
export class PxHttp {
  readonly #agent: Agent;

  constructor(
    tls: TlsMaterial,
    private readonly deadline: Deadline,
  ) {
    // keepAlive: the control calls and getFailures reuse one TLS session per node.
    this.#agent = new Agent({ ...tls, keepAlive: true, maxSockets: 2 });
  }

  post(url: string, body: unknown, auth?: BasicAuth): Promise<PxResponse> {
    if (this.deadline.expired()) return Promise.reject(deadlineError());
    const payload = JSON.stringify(body ?? {});
    const headers: Record<string, string | number> = { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`;
    return new Promise<PxResponse>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers, agent: this.#agent, signal: AbortSignal.timeout(this.deadline.remaining() || 1) });
      const connectTimer = setTimeout(() => req.destroy(codedError('connection timed out', 'ISE_CONNECT_TIMEOUT')), this.deadline.cap(CONNECT_MS));
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected.
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('secureConnect', () => clearTimeout(connectTimer));
      });
      req.setTimeout(this.deadline.cap(IDLE_MS), () => req.destroy(codedError('no data in time', 'ISE_IDLE_TIMEOUT')));
      req.on('error', (err) => {
        clearTimeout(connectTimer);
        reject(transportError(url, err, this.deadline));
      });
      req.on('response', (res) => {
        clearTimeout(connectTimer);
        const date = res.headers.date;
        resolve({ status: res.statusCode ?? 0, date: typeof date === 'string' ? date : undefined, body: bodyOf(res) });
      });
      req.end(payload);
    });
  }

  async close(): Promise<void> {
    this.#agent.destroy();
  }
}

function bodyOf(res: IncomingMessage): PxBody {
  return {
    [Symbol.asyncIterator]: () => res[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
    async text() {
      const parts: Buffer[] = [];
      for await (const chunk of res) parts.push(chunk as Buffer);
      return Buffer.concat(parts).toString('utf8');
    },
    dump: () =>
      new Promise<void>((resolve) => {
        res.once('end', resolve).once('error', () => resolve()).once('close', resolve);
        res.resume();
      }),
  };
}

const codedError = (message: string, code: string) => Object.assign(new Error(message), { code });

export function deadlineError(): AppError {
  return new AppError(Exit.ise, 'the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)');
}

/** Network and TLS failures as one line that names the endpoint and the likely fix. */
export function transportError(url: string, err: unknown, deadline?: Deadline): AppError {
  if (err instanceof AppError) return err;
  const where = safeOrigin(url);
  const code = errCode(err);
  if (deadline?.expired() || code === 'ABORT_ERR' || (err as Error)?.name === 'TimeoutError') return deadlineError();
  const hint = TRANSPORT_HINTS[code] ?? TLS_HINT(code);
  return iseError(`cannot talk to pxGrid at ${where}: ${hint ?? describe(err)}`, err);
}

const TRANSPORT_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused; check ISE_HOST and PXGRID_PORT (8910) and that pxGrid is enabled on that node',
  ENOTFOUND: 'host name not found; check ISE_HOST and the DNS server configured in Guestshell (/etc/resolv.conf)',
  EAI_AGAIN: 'DNS lookup failed for now; check the DNS server configured in Guestshell (/etc/resolv.conf)',
  ECONNRESET: 'connection reset by the server; check that ISE accepts this client (pxGrid mTLS, firewall)',
  EHOSTUNREACH: 'host unreachable; check routing from Guestshell (VRF, app-hosting gateway)',
  ENETUNREACH: 'network unreachable; check routing from Guestshell (VRF, app-hosting gateway)',
  ETIMEDOUT: 'connection timed out; check routing and firewalls between Guestshell and ISE port 8910',
  ISE_CONNECT_TIMEOUT: 'connection timed out; check routing and firewalls between Guestshell and ISE port 8910',
  ISE_IDLE_TIMEOUT: 'ISE did not answer or stopped sending in time; ISE may be overloaded (check the MnT node load), try again or raise RUN_DEADLINE',
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: the certificate does not name this host; use the FQDN in ISE's certificate (not an IP address) in ISE_HOST",
};

function TLS_HINT(code: string): string | undefined {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code)) {
    return `TLS verification failed (${code}); set ISE_CA to the PEM of ISE's pxGrid root CA chain (Administration > pxGrid Services > Certificates), or ISE_INSECURE=1 in a lab`;
  }
  if (/SSL|TLS|ALERT/.test(code)) return `TLS handshake failed (${code}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client certificate`;
  return undefined;
}

function errCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : '';
}

/** scheme://host:port of a URL, never its credentials or path. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
