import type { ClientRequest } from 'node:http';
import { Agent, request } from 'node:https';
import type { Deadline } from '../core/deadline';
import { errCode } from '../core/errcode';
import { AppError } from '../core/errors';
import { withRetry } from '../core/retry';
import { bodyOf, type PxBody } from './body';
import type { TlsMaterial } from './tls';
import { deadlineError, noHandshake, TransportError, transportError } from './transport-errors';

export interface BasicAuth {
  user: string;
  pass: string;
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
    return new Promise<PxResponse>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: jsonHeaders(payload, auth),
        agent: this.#agent,
        signal: AbortSignal.timeout(this.deadline.remaining() || 1),
      });
      const connectTimer = connectTimeout(req, url, this.deadline.cap(CONNECT_MS));
      req.setTimeout(this.deadline.cap(IDLE_MS), () => req.destroy(codedError('no data in time', 'ISE_IDLE_TIMEOUT')));
      req.on('error', (err) => {
        clearTimeout(connectTimer);
        reject(transportError(url, err, this.deadline, this.#withCert));
      });
      req.on('response', (res) => {
        clearTimeout(connectTimer);
        const date = res.headers.date;
        const body = bodyOf(res, (err) => transportError(url, err, this.deadline, this.#withCert));
        resolve({ status: res.statusCode ?? 0, date: typeof date === 'string' ? date : undefined, body });
      });
      req.end(payload);
    });
  }

  /** True once the run's deadline has passed: whatever failed then, the deadline is the cause. */
  expired(): boolean {
    return this.deadline.expired();
  }

  async close(): Promise<void> {
    this.#agent.destroy();
  }
}

function jsonHeaders(payload: string, auth: BasicAuth | undefined): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'content-length': Buffer.byteLength(payload),
  };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`;
  return headers;
}

/**
 * Destroys `req` unless TLS is up within `connectMs`; returns the timer, for the caller to clear once
 * the request has ended. TCP up but no TLS answer is a different fault (a port that is not pxGrid)
 * from no TCP at all.
 */
function connectTimeout(req: ClientRequest, url: string, connectMs: number): NodeJS.Timeout {
  let tcp = false;
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
  return connectTimer;
}

const codedError = (message: string, code: string) => Object.assign(new Error(message), { code });

const RETRY_STATUS = new Set([502, 503, 504]);

/** A reset or broken connection: worth another try. A TLS rejection never is. */
function isTransient(err: unknown): boolean {
  if (err instanceof TransportError && err.transport !== 'other' && err.transport !== 'connect') return false;
  const code = err instanceof AppError ? errCode(err.cause) : '';
  return ['ECONNRESET', 'EPIPE'].includes(code);
}
