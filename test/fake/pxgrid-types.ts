// Shared types of the fake pxGrid node. Kept separate so the handler modules and
// the server module can import them without import cycles.
import type { IncomingHttpHeaders } from 'node:http';
import type { TestPki } from './pki';
import type { FailureRecord } from './records';

export type AccountState = 'INIT' | 'PENDING' | 'ENABLED' | 'DISABLED';

export interface FakeAccount {
  nodeName: string;
  kind: 'password' | 'cert';
  /** Only for password accounts; never copied into the request log. */
  password?: string;
  state: AccountState;
  /** Last `description` sent with AccountActivate. */
  description?: string;
  activations: number;
  /** CN of the verified client cert that created a cert account. */
  certCn?: string;
}

export interface ServiceNodeSpec {
  nodeName: string;
  /** Full URL to advertise, e.g. a closed port to simulate a dead MnT node. */
  restBaseUrl?: string;
  /** Which property name(s) carry the URL; ISE 2.4 was seen sending `restBaseURL`. */
  urlProperty?: 'restBaseUrl' | 'restBaseURL' | 'both';
  /** Extra/overriding service properties. */
  properties?: Record<string, string>;
  /** Records served by this node instead of the shared list. */
  failures?: FailureRecord[];
}

export interface Fault {
  status?: number;
  body?: string;
  delayMs?: number;
  /** How many calls this fault applies to; default 1. */
  times?: number;
  /** Send half of the (Content-Length declared) body, then close the socket. */
  truncate?: boolean;
  /** Drop the connection without any response. */
  destroy?: boolean;
  /**
   * Send this body, streamed piece by piece (status `status` or 200): hostile or huge replies.
   * Gets the request body (e.g. getFailures' startTimestamp) and headers (a node that echoes
   * Authorization back).
   */
  chunks?: (request: unknown, headers: IncomingHttpHeaders) => Iterable<string | Buffer>;
  /** With `chunks`: after the last piece keep the reply open, never ending it (a stalled body). */
  hang?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** Basic-auth user name only; passwords and secrets are never logged. */
  user?: string;
  body: unknown;
  at: number;
}

export interface FakePxgridOptions {
  /** Defaults to sharedPki(). */
  pki?: TestPki;
  /** false ⇒ AccountCreate answers 503 (ISE setting "allow password based accounts" off). */
  passwordAccounts?: boolean;
  /** First AccountActivate goes INIT → ENABLED instead of PENDING. */
  autoApprove?: boolean;
  /** MnT nodes for com.cisco.ise.radius; default one node `ise-mnt-ise-sim`. */
  serviceNodes?: ServiceNodeSpec[];
  shuffleServices?: boolean;
  /** Order of getFailures results by timestamp; ISE's real order is unconfirmed. */
  order?: 'asc' | 'desc';
  /**
   * Keep the text of the last getFailures answer and reuse it while the same records are selected,
   * so a benchmark measures the client, not this fake's JSON.stringify. Records must then never be
   * changed in place (replace them with setFailures).
   */
  cacheBodies?: boolean;
  /** The fake's clock, used for the default one-hour window and the HTTP Date header. */
  now?: () => number;
  /** The HTTP Date header of every reply; undefined leaves it out. Default: the fake's clock. */
  date?: () => string | undefined;
  /** Serve every record whatever startTimestamp says (an ISE that ignores it). */
  ignoreStartTimestamp?: boolean;
  noContentType?: boolean;
  /** TLS layer requires a client cert signed by the test CA. */
  requireClientCert?: boolean;
  failures?: FailureRecord[];
  /** TCP port on 127.0.0.1; default 0 (any free port). The bench serves the original sample on 8910. */
  port?: number;
  /** Host name used in `url` and advertised restBaseUrls; default `localhost`. */
  host?: string;
  /** Version string for GET version and AccountActivate; default `2.0.0.13`. */
  version?: string;
  /** Allow service calls with `nodeName:` + verified client cert (gridmeld style). */
  certServiceAuth?: boolean;
  /** Status for control/service calls while PENDING/DISABLED; default 403. */
  notEnabledStatus?: number;
  /** Status for a wrong or rotated service secret; default 401. */
  badSecretStatus?: number;
}

export interface FakePxgrid {
  port: number;
  /** `https://<host>:<port>`, the control base for the CLI. */
  url: string;
  accounts: ReadonlyMap<string, FakeAccount>;
  requests: LoggedRequest[];
  /** Messages of TLS handshakes the server saw fail (e.g. client distrusts our cert). */
  tlsErrors: string[];
  /** The restBaseUrl advertised for each service node, in configuration order. */
  restBaseUrls(): string[];
  approve(nodeName: string): void;
  disable(nodeName: string): void;
  deleteAccount(nodeName: string): void;
  rotateSecrets(): void;
  addFailures(...records: FailureRecord[]): void;
  setFailures(records: FailureRecord[]): void;
  fault(path: string, f: Fault): void;
  close(): Promise<void>;
}
