import { Agent, request, type Dispatcher } from 'undici';
import { AppError, Exit, describe, iseError } from '../errors';
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
 * The one HTTPS client for ISE. TLS is verified against ISE_CA only (a custom `ca` replaces the
 * system roots, which never sign ISE's internal pxGrid certificate anyway).
 */
export class PxHttp {
  readonly #agent: Agent;

  constructor(
    tls: TlsMaterial,
    private readonly deadline: Deadline,
  ) {
    this.#agent = new Agent({
      connect: { ...tls, timeout: deadline.cap(CONNECT_MS) },
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
    try {
      const res = await request(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body ?? {}),
        dispatcher: this.#agent,
        headersTimeout: this.deadline.cap(HEADERS_MS),
        bodyTimeout: this.deadline.cap(BODY_IDLE_MS),
        signal: AbortSignal.timeout(this.deadline.remaining() || 1),
      });
      const date = res.headers.date;
      return { status: res.statusCode, date: typeof date === 'string' ? date : undefined, body: res.body };
    } catch (err) {
      throw transportError(url, err, this.deadline);
    }
  }

  async close(): Promise<void> {
    await this.#agent.destroy().catch(() => undefined);
  }
}

const RETRY_STATUS = new Set([502, 503, 504]);

/** A reset or broken connection: worth another try. */
function isTransient(err: unknown): boolean {
  const code = err instanceof AppError ? errCode(err.cause) : '';
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code);
}

export function deadlineError(): AppError {
  return new AppError(Exit.ise, 'the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE load or raise RUN_DEADLINE (below the EEM maxrun)');
}

/** Network and TLS failures as one line that names the endpoint and the likely fix. */
export function transportError(url: string, err: unknown, deadline?: Deadline): AppError {
  if (err instanceof AppError) return err;
  const where = safeOrigin(url);
  const code = errCode(err);
  if (deadline?.expired() || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED' || (err as Error)?.name === 'TimeoutError') return deadlineError();
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
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out; check routing and firewalls between Guestshell and ISE port 8910',
  UND_ERR_HEADERS_TIMEOUT: 'ISE did not answer in time; ISE may be overloaded, try again or raise RUN_DEADLINE',
  UND_ERR_BODY_TIMEOUT: 'ISE stopped sending mid-response; try again, and check the MnT node load',
  UND_ERR_SOCKET: 'the connection broke mid-response; try again',
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
