import { Agent, request, type Dispatcher } from 'undici';
import { AppError, Exit, describe } from '../errors';
import type { Deadline } from '../deadline';
import { withRetry } from '../retry';
import type { TlsMaterial } from './tls';

export interface BasicAuth {
  user: string;
  pass: string;
}

export interface PxResponse {
  status: number;
  date?: string;
  body: Dispatcher.ResponseData['body'];
}

/** Per-step limits; each is also capped by the run's deadline. */
const CONNECT_MS = 10_000;
const HEADERS_MS = 30_000;
const BODY_IDLE_MS = 30_000;

/**
 * TLS 1.2 at most. With TLS 1.3 a server checks the client certificate only after the client has
 * finished its handshake, and when it then drops the connection undici 6.29 sometimes never
 * settles the request (seen here ~1 run in 6 against a server that rejects our certificate): the
 * process then ends silently. With 1.2 the rejection happens inside the handshake and is a clean
 * error. Cisco's own pxGrid Java sample pins TLSv1.2 too (pxgrid-api.md §6).
 */
const MAX_TLS = 'TLSv1.2';

/** Why a request never got an HTTP answer; decides whether another host is worth trying. */
export type TransportKind = 'connect' | 'tls' | 'timeout' | 'deadline' | 'other';

export class TransportError extends AppError {
  constructor(
    readonly kind: TransportKind,
    message: string,
    cause?: unknown,
  ) {
    super(Exit.ise, message, { cause });
    this.name = 'TransportError';
  }
}

/**
 * The one HTTPS client for ISE. TLS is verified against ISE_CA only (a custom `ca` replaces the
 * system roots, which never sign ISE's internal pxGrid certificate anyway); the host name is
 * checked by Node's default checkServerIdentity. Only ISE_INSECURE=1 turns verification off
 * (tls.ts is the single place that reads it).
 */
export class PxHttp {
  readonly #agent: Agent;
  readonly #withCert: boolean;

  constructor(
    tls: TlsMaterial,
    private readonly deadline: Deadline,
  ) {
    this.#withCert = Boolean(tls.cert);
    this.#agent = new Agent({
      connect: { ...tls, maxVersion: MAX_TLS, timeout: deadline.cap(CONNECT_MS) },
      headersTimeout: HEADERS_MS,
      bodyTimeout: BODY_IDLE_MS,
    });
  }

  /**
   * POST JSON. Transient failures (connection reset, HTTP 502/503/504) are retried with backoff
   * inside the deadline unless `final5xx` says a 5xx status means something (AccountCreate's 503).
   */
  async post(url: string, body: unknown, auth?: BasicAuth, final5xx = false): Promise<PxResponse> {
    return withRetry(() => this.#once(url, body, auth), this.deadline, {
      attempts: 3,
      baseDelayMs: 1000,
      transient: isTransient,
      again: (res) => !final5xx && RETRY_STATUS.has(res.status),
      discard: (res) => res.body.dump().catch(() => undefined),
    });
  }

  async #once(url: string, body: unknown, auth?: BasicAuth): Promise<PxResponse> {
    if (this.deadline.expired()) throw deadlineError();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`;
    const limit = this.deadline.cap(CONNECT_MS + HEADERS_MS);
    try {
      const res = await watchdog(
        request(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(body ?? {}),
          dispatcher: this.#agent,
          headersTimeout: this.deadline.cap(HEADERS_MS),
          bodyTimeout: this.deadline.cap(BODY_IDLE_MS),
          signal: AbortSignal.timeout(this.deadline.remaining() || 1),
        }),
        limit,
      );
      const date = res.headers.date;
      return { status: res.statusCode, date: typeof date === 'string' ? date : undefined, body: res.body };
    } catch (err) {
      throw transportError(url, err, this.deadline, this.#withCert);
    }
  }

  async close(): Promise<void> {
    await this.#agent.destroy().catch(() => undefined);
  }
}

const RETRY_STATUS = new Set([502, 503, 504]);

/** A reset or broken connection: worth another try. A TLS rejection never is. */
function isTransient(err: unknown): boolean {
  if (err instanceof TransportError && err.kind !== 'other' && err.kind !== 'connect') return false;
  const code = err instanceof AppError ? errCode(err.cause) : '';
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code);
}

/**
 * A ref'd timer beside the request: AbortSignal.timeout and undici's own timers are unref'd, so
 * a request undici never settles would let the process end with no summary line and exit 0.
 */
function watchdog<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer in time'), { code: 'UND_ERR_HEADERS_TIMEOUT' })), ms);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

export function deadlineError(): TransportError {
  return new TransportError('deadline', 'the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)');
}

/** Network and TLS failures as one line that names the endpoint and the likely fix. */
export function transportError(url: string, err: unknown, deadline?: Deadline, withCert = false): AppError {
  if (err instanceof AppError) return err;
  const where = safeOrigin(url);
  const code = errCode(err);
  if (deadline?.expired() || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED' || (err as Error)?.name === 'TimeoutError') return deadlineError();
  const msg = err instanceof Error ? err.message : '';
  // The server hung up during the handshake: with pxGrid that means it wants (another) client certificate.
  if (/before secure TLS connection was established/.test(msg) || /ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code)) {
    return new TransportError('tls', `cannot talk to pxGrid at ${where}: ${withCert ? CERT_REJECTED : CERT_REQUIRED}`, err);
  }
  const known = TRANSPORT_HINTS[code];
  const tls = known ? undefined : TLS_HINT(code);
  const kind: TransportKind = known?.[0] ?? (tls ? 'tls' : 'other');
  return new TransportError(kind, `cannot talk to pxGrid at ${where}: ${known?.[1] ?? tls ?? describe(err)}`, err);
}

const CERT_REQUIRED = 'ISE closed the connection during the TLS handshake, so it requires a client certificate: set PXGRID_CERT and PXGRID_KEY (generate them under Administration > pxGrid Services > Client Management > Certificates)';
const CERT_REJECTED = 'ISE rejected the client certificate PXGRID_CERT during the TLS handshake: it must be issued by a CA in Administration > System > Certificates > Trusted Certificates with "Trust for client authentication" (e.g. one generated under Administration > pxGrid Services > Client Management > Certificates)';
const TIMED_OUT = 'connection timed out; check routing and firewalls between Guestshell and ISE port 8910';

const TRANSPORT_HINTS: Record<string, [TransportKind, string]> = {
  ECONNREFUSED: ['connect', 'connection refused; check ISE_HOST and PXGRID_PORT (8910) and that pxGrid is enabled on that node (Administration > System > Deployment)'],
  ENOTFOUND: ['connect', 'host name not found; check ISE_HOST and the DNS server configured in Guestshell (/etc/resolv.conf)'],
  EAI_AGAIN: ['connect', 'DNS lookup failed for now; check the DNS server configured in Guestshell (/etc/resolv.conf)'],
  ECONNRESET: ['connect', 'connection reset by the server; check that ISE accepts this client (pxGrid mTLS, firewall)'],
  EHOSTUNREACH: ['connect', 'host unreachable; check routing from Guestshell (VRF, app-hosting gateway)'],
  ENETUNREACH: ['connect', 'network unreachable; check routing from Guestshell (VRF, app-hosting gateway)'],
  ETIMEDOUT: ['timeout', TIMED_OUT],
  UND_ERR_CONNECT_TIMEOUT: ['timeout', TIMED_OUT],
  UND_ERR_HEADERS_TIMEOUT: ['timeout', 'ISE did not answer in time; ISE may be overloaded, try again or raise RUN_DEADLINE'],
  UND_ERR_BODY_TIMEOUT: ['timeout', 'ISE stopped sending mid-response; try again, and check the MnT node load'],
  UND_ERR_SOCKET: ['other', 'the connection broke mid-response; try again'],
  ERR_TLS_CERT_ALTNAME_INVALID: ['tls', "TLS: ISE's certificate does not name this host; put the FQDN from ISE's pxGrid certificate (not an IP address) in ISE_HOST"],
};

function TLS_HINT(code: string): string | undefined {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code)) {
    return `TLS verification failed (${code}): ISE_CA does not hold the CA that signed ISE's pxGrid certificate; export it from Administration > pxGrid Services > Client Management > Certificates (or Administration > System > Certificates > Certificate Authority > CA Certificates) into ISE_CA`;
  }
  if (/SSL|TLS|ALERT/.test(code)) return `TLS handshake failed (${code}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client certificate`;
  return undefined;
}

function errCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
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
