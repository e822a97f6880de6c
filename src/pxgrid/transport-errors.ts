import type { Deadline } from '../core/deadline';
import { errCode } from '../core/errcode';
import { AppError, describe, type ErrorKind } from '../core/errors';

/**
 * Why a request to ISE never got an HTTP answer, as one line that names the endpoint and the
 * likely fix, with a kind that decides the exit code, failover and retries.
 */

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

export function deadlineError(): TransportError {
  return new TransportError(
    'deadline',
    'the run reached RUN_DEADLINE before ISE answered; nothing was mailed and the cursor is unchanged: check ISE ' +
      'load or raise RUN_DEADLINE (below the EEM maxrun)',
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
  // A hint names the port in use (the PROBLEM mail quotes it), never just the default.
  const hint = known?.[1].replace('{port}', portOf(url));
  return new TransportError(kind, `cannot talk to pxGrid at ${where}: ${hint ?? tls ?? describe(err)}`, err);
}

const CERT_REQUIRED =
  'ISE closed the connection during the TLS handshake, so it requires a client certificate: set PXGRID_CERT and ' +
  'PXGRID_KEY (generate them under Administration > pxGrid Services > Client Management > Certificates)';
const CERT_REJECTED =
  'ISE rejected the client certificate PXGRID_CERT during the TLS handshake: it must be issued by a CA in ' +
  'Administration > System > Certificates > Trusted Certificates with "Trust for client authentication" (e.g. ' +
  'one generated under Administration > pxGrid Services > Client Management > Certificates)';
const TIMED_OUT = 'connection timed out; check routing and firewalls between Guestshell and that ISE port';

/** The TCP connection is up but TLS never starts: most likely another service's port. */
export function noHandshake(ms: number, port: string | number): string {
  return `no TLS handshake within ${Math.round(ms / 1000)} s: is port ${port} the pxGrid port (PXGRID_PORT)?`;
}

function portOf(url: string): string {
  try {
    return new URL(url).port || '443';
  } catch {
    return 'the configured port';
  }
}

const TRANSPORT_HINTS: Record<string, [TransportKind, string]> = {
  ECONNREFUSED: [
    'connect',
    'connection refused; check ISE_HOST and PXGRID_PORT ({port} here) and that pxGrid is enabled on that node ' +
      '(Administration > System > Deployment)',
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
    'ISE did not answer or stopped sending in time; ISE may be overloaded (check the MnT node load), try again ' +
      'or raise RUN_DEADLINE',
  ],
  ERR_TLS_CERT_ALTNAME_INVALID: [
    'tls',
    "TLS: ISE's certificate does not name this host; put the FQDN from ISE's pxGrid certificate (not an IP " +
      'address) in ISE_HOST',
  ],
};

function tlsHint(code: string): string | undefined {
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ISSUER/.test(code)) {
    return (
      `TLS verification failed (${code}): ISE_CA does not hold the CA that signed ISE's pxGrid certificate; ` +
      `export it from Administration > pxGrid Services > Client Management > Certificates (or Administration > ` +
      `System > Certificates > Certificate Authority > CA Certificates) into ISE_CA`
    );
  }
  if (/SSL|TLS|ALERT/.test(code))
    return (
      `TLS handshake failed (${code}); check ISE_CA, and PXGRID_CERT/PXGRID_KEY if ISE requires a client ` +
      `certificate`
    );
  return undefined;
}

/** host:port of a URL, never its credentials or path. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
