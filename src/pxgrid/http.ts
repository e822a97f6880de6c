import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import type { Deadline } from '../core/deadline';
import { AppError, describe, type ErrorKind } from '../core/errors';
import { withRetry } from '../core/retry';
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
 * TLS 1.2 at most. With TLS 1.3 a server checks the client certificate only after the client has
 * finished its handshake, so a rejected certificate shows up later as a reset mid-request; with
 * 1.2 the rejection happens inside the handshake and gives the clear "certificate rejected" line.
 * (undici 6.29 even hung on that late reset, ~1 run in 6.) Cisco's own pxGrid Java sample pins
 * TLSv1.2 too (Cisco's Java samples pin TLSv1.2).
 */
const MAX_TLS = 'TLSv1.2';

export interface PostOptions {
  /** A 502/503/504 answer is the answer (not retried). */
  statusIsFinal?: boolean;
}

/** Why a request never got an HTTP answer; decides whether another host is worth trying. */
export type TransportKind = 'connect' | 'tls' | 'timeout' | 'deadline' | 'other';

/** How each transport failure reads for the exit code and the PROBLEM mail's subject. */
const TRANSPORT_KIND: Record<TransportKind, ErrorKind> = {
  connect: 'ise-unreachable',
  tls: 'ise-tls',
  timeout: 'ise-unreachable',
  deadline: 'ise-timeout',
  other: 'ise-unreachable',
};

export class TransportError extends AppError {
  constructor(
    readonly transport: TransportKind,
    message: string,
    cause?: unknown,
  ) {
    super(TRANSPORT_KIND[transport], message, { cause });
    this.name = 'TransportError';
  }
}

/**
 * The one HTTPS client for ISE. TLS is verified against ISE_CA only (a custom `ca` replaces the
 * system roots, which never sign ISE's internal pxGrid certificate anyway); the host name is
 * checked by Node's default checkServerIdentity. Only ISE_INSECURE=1 turns verification off
 * (tls.ts is the single place that reads it).
 *
 * node:https, not undici: undici parses HTTP with a WebAssembly build of llhttp, and compiling it
 * costs ~40 MB of peak RSS on every run (measured: one TLS POST peaks at 91 MB with undici 6.29,
 * 48 MB with node:https) out of Guestshell's 256 MB, and its 790 KB of code slow every start-up.
 */
export class PxHttp {
  readonly #agent: Agent;
  readonly #withCert: boolean;

  constructor(
    tls: TlsMaterial,
    private readonly deadline: Deadline,
  ) {
    this.#withCert = Boolean(tls.cert);
    // keepAlive: the control calls and getFailures reuse one TLS session per node.
    this.#agent = new Agent({ ...tls, maxVersion: MAX_TLS, keepAlive: true, maxSockets: 2 });
  }

  /**
   * POST JSON. Transient failures (connection reset, HTTP 502/503/504) are retried with backoff
   * inside the deadline unless `statusIsFinal` says a 5xx status means something (AccountCreate's 503).
   */
  async post(url: string, body: unknown, auth?: BasicAuth, opts: PostOptions = {}): Promise<PxResponse> {
    return withRetry(() => this.#once(url, body, auth), this.deadline, {
      attempts: 3,
      baseDelayMs: 1000,
      transient: isTransient,
      again: (res) => !opts.statusIsFinal && RETRY_STATUS.has(res.status),
      discard: (res) => res.body.dump(),
    });
  }

  #once(url: string, body: unknown, auth?: BasicAuth): Promise<PxResponse> {
    if (this.deadline.expired()) return Promise.reject(deadlineError());
    const payload = JSON.stringify(body ?? {});
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': Buffer.byteLength(payload),
    };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`;
    return new Promise<PxResponse>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers,
        agent: this.#agent,
        signal: AbortSignal.timeout(this.deadline.remaining() || 1),
      });
      // TCP up but no TLS answer is a different fault (a port that is not pxGrid) from no TCP at all.
      let tcp = false;
      const connectMs = this.deadline.cap(CONNECT_MS);
      const connectTimer = setTimeout(
        () =>
          req.destroy(
            tcp
              ? codedError(noHandshake(connectMs, new URL(url).port), 'ISE_TLS_TIMEOUT')
              : codedError('connection timed out', 'ISE_CONNECT_TIMEOUT'),
          ),
        connectMs,
      );
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected.
        if (!socket.connecting) clearTimeout(connectTimer);
        else {
          socket.once('connect', () => (tcp = true));
          socket.once('secureConnect', () => clearTimeout(connectTimer));
        }
      });
      req.setTimeout(this.deadline.cap(IDLE_MS), () => req.destroy(codedError('no data in time', 'ISE_IDLE_TIMEOUT')));
      req.on('error', (err) => {
        clearTimeout(connectTimer);
        reject(transportError(url, err, this.deadline, this.#withCert));
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
        res
          .once('end', resolve)
          .once('error', () => resolve())
          .once('close', resolve);
        res.resume();
      }),
  };
}

const codedError = (message: string, code: string) => Object.assign(new Error(message), { code });

const RETRY_STATUS = new Set([502, 503, 504]);

/** A reset or broken connection: worth another try. A TLS rejection never is. */
function isTransient(err: unknown): boolean {
  if (err instanceof TransportError && err.transport !== 'other' && err.transport !== 'connect') return false;
  const code = err instanceof AppError ? errCode(err.cause) : '';
  return ['ECONNRESET', 'EPIPE'].includes(code);
}

export function deadlineError(): TransportError {
  return new TransportError(
    'deadline',
    'the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)',
  );
}

/** Network and TLS failures as one line that names the endpoint and the likely fix. */
export function transportError(url: string, err: unknown, deadline?: Deadline, withCert = false): AppError {
  if (err instanceof AppError) return err;
  const where = safeOrigin(url);
  const code = errCode(err);
  if (deadline?.expired() || code === 'ABORT_ERR' || (err as Error)?.name === 'TimeoutError') return deadlineError();
  const msg = err instanceof Error ? err.message : '';
  // The server hung up during the handshake: with pxGrid that means it wants (another) client certificate.
  // Node reports the server's TLS alert as EPROTO with OpenSSL's text, e.g. "sslv3 alert handshake failure".
  const alert = /alert (handshake failure|certificate required|bad certificate|unknown ca|certificate unknown)/i.test(
    msg,
  );
  if (
    /before secure TLS connection was established/.test(msg) ||
    alert ||
    /ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code)
  ) {
    return new TransportError(
      'tls',
      `cannot talk to pxGrid at ${where}: ${withCert ? CERT_REJECTED : CERT_REQUIRED}`,
      err,
    );
  }
  if (code === 'ISE_TLS_TIMEOUT')
    return new TransportError('timeout', `cannot talk to pxGrid at ${where}: ${msg}`, err);
  const known = TRANSPORT_HINTS[code];
  const tls = known ? undefined : tlsHint(code);
  const kind: TransportKind = known?.[0] ?? (tls ? 'tls' : 'other');
  return new TransportError(kind, `cannot talk to pxGrid at ${where}: ${known?.[1] ?? tls ?? describe(err)}`, err);
}

const CERT_REQUIRED =
  'ISE closed the connection during the TLS handshake, so it requires a client certificate: set PXGRID_CERT and PXGRID_KEY (generate them under Administration > pxGrid Services > Client Management > Certificates)';
const CERT_REJECTED =
  'ISE rejected the client certificate PXGRID_CERT during the TLS handshake: it must be issued by a CA in Administration > System > Certificates > Trusted Certificates with "Trust for client authentication" (e.g. one generated under Administration > pxGrid Services > Client Management > Certificates)';
const TIMED_OUT = 'connection timed out; check routing and firewalls between Guestshell and ISE port 8910';

/** The TCP connection is up but TLS never starts: most likely another service's port. */
export function noHandshake(ms: number, port: string | number): string {
  return `no TLS handshake within ${Math.round(ms / 1000)} s: is port ${port} the pxGrid port (PXGRID_PORT, 8910)?`;
}

const TRANSPORT_HINTS: Record<string, [TransportKind, string]> = {
  ECONNREFUSED: [
    'connect',
    'connection refused; check ISE_HOST and PXGRID_PORT (8910) and that pxGrid is enabled on that node (Administration > System > Deployment)',
  ],
  ENOTFOUND: [
    'connect',
    'host name not found; check ISE_HOST and the DNS server configured in Guestshell (/etc/resolv.conf)',
  ],
  EAI_AGAIN: ['connect', 'DNS lookup failed for now; check the DNS server configured in Guestshell (/etc/resolv.conf)'],
  ECONNRESET: ['connect', 'connection reset by the server; check that ISE accepts this client (pxGrid mTLS, firewall)'],
  EHOSTUNREACH: ['connect', 'host unreachable; check routing from Guestshell (VRF, app-hosting gateway)'],
  ENETUNREACH: ['connect', 'network unreachable; check routing from Guestshell (VRF, app-hosting gateway)'],
  ETIMEDOUT: ['timeout', TIMED_OUT],
  ISE_CONNECT_TIMEOUT: ['timeout', TIMED_OUT],
  ISE_IDLE_TIMEOUT: [
    'timeout',
    'ISE did not answer or stopped sending in time; ISE may be overloaded (check the MnT node load), try again or raise RUN_DEADLINE',
  ],
  ERR_TLS_CERT_ALTNAME_INVALID: [
    'tls',
    "TLS: ISE's certificate does not name this host; put the FQDN from ISE's pxGrid certificate (not an IP address) in ISE_HOST",
  ],
};

function tlsHint(code: string): string | undefined {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code)) {
    return `TLS verification failed (${code}): ISE_CA does not hold the CA that signed ISE's pxGrid certificate; export it from Administration > pxGrid Services > Client Management > Certificates (or Administration > System > Certificates > Certificate Authority > CA Certificates) into ISE_CA`;
  }
  if (/SSL|TLS|ALERT/.test(code))
    return `TLS handshake failed (${code}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client certificate`;
  return undefined;
}

function errCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

/** host:port of a URL, never its credentials or path. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
