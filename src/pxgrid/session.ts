import { AppError, Exit, iseError } from '../errors';
import type { Config } from '../config/config';
import { loadAccount, saveAccount } from '../state/credentials';
import { accessSecret, accountActivate, accountCreate, PxControl, serviceLookup, serviceProperty, RADIUS_SERVICE } from './control';
import { ServiceStatusError, streamFailures, type FetchStats } from './failures';
import type { BasicAuth, PxHttp } from './http';
import type { FailureRecord } from './schemas';
import type { ServiceNode } from './schemas';

export interface FailureSink {
  /** Called before each attempt: a failed attempt on one node must not leave half a batch. */
  reset(): void;
  add(record: FailureRecord): void;
}

export interface SessionOptions {
  stateDir: string;
  description: string;
}

/** The account steps every command shares: credentials, AccountActivate, ENABLED or exit 3. */
export async function activate(cfg: Config, control: PxControl, opts: SessionOptions): Promise<{ auth: BasicAuth; state: string }> {
  const auth = await credentials(cfg, control, opts.stateDir);
  const res = await accountActivate(control, auth, opts.description);
  return { auth, state: res.accountState.toUpperCase() };
}

export function accountStateError(nodeName: string, state: string): AppError | undefined {
  if (state === 'ENABLED') return undefined;
  if (state === 'PENDING') {
    return new AppError(Exit.account, `pxGrid client ${nodeName} is PENDING approval: an ISE admin must approve it under Administration > pxGrid Services > Client Management > Clients, then run again`);
  }
  if (state === 'DISABLED') {
    return new AppError(Exit.account, `pxGrid client ${nodeName} is DISABLED on ISE: an ISE admin must enable it under Administration > pxGrid Services > Client Management > Clients`);
  }
  return new AppError(Exit.account, `pxGrid client ${nodeName} is in state ${state}, not ENABLED: check it under Administration > pxGrid Services > Client Management`);
}

async function credentials(cfg: Config, control: PxControl, stateDir: string): Promise<BasicAuth> {
  const nodeName = cfg.ise.nodeName;
  // Certificate accounts authenticate with the TLS client certificate and an empty password.
  if (cfg.ise.cert) return { user: nodeName, pass: '' };
  const stored = loadAccount(stateDir, nodeName);
  if (stored) return { user: stored.nodeName, pass: stored.password };
  const created = await accountCreate(control, nodeName);
  // Saved before anything else happens: ISE never shows this password again.
  saveAccount(stateDir, { nodeName, password: created.password });
  return { user: nodeName, pass: created.password };
}

/**
 * Activate, look up the RADIUS service and stream getFailures from the first node that answers.
 * ServiceLookup order is random across MnT nodes; each node needs its own AccessSecret.
 */
export async function fetchFailures(
  cfg: Config,
  http: PxHttp,
  opts: SessionOptions,
  startTimestamp: string | undefined,
  sink: FailureSink,
): Promise<FetchStats> {
  const control = new PxControl(http, cfg.ise.hosts);
  const { auth, state } = await activate(cfg, control, opts);
  const stateErr = accountStateError(auth.user, state);
  if (stateErr) throw stateErr;
  const nodes = await serviceLookup(control, auth);
  if (nodes.length === 0) {
    throw iseError(`ISE offers no ${RADIUS_SERVICE} service right now: check that a Monitoring (MnT) node is up and pxGrid is enabled on it`);
  }
  let lastError: unknown;
  for (const node of nodes) {
    try {
      return await fetchFromNode(http, control, auth, node, startTimestamp, sink);
    } catch (err) {
      lastError = err;
      if (err instanceof AppError && err.exitCode !== Exit.ise) throw err;
      if (err instanceof AppError && /RUN_DEADLINE/.test(err.message)) throw err;
    }
  }
  throw lastError instanceof ServiceStatusError ? iseError(`the RADIUS service node answered HTTP ${lastError.status}; check the MnT node's health in ISE`) : lastError;
}

async function fetchFromNode(
  http: PxHttp,
  control: PxControl,
  auth: BasicAuth,
  node: ServiceNode,
  start: string | undefined,
  sink: FailureSink,
): Promise<FetchStats> {
  const base = serviceProperty(node, 'restBaseUrl');
  if (!base) throw iseError(`ServiceLookup gave node ${node.nodeName} no restBaseUrl; check the ISE pxGrid services page`);
  for (let attempt = 0; ; attempt++) {
    // Fetched per run, never cached: no source states how long ISE keeps a secret valid
    // (pxgrid-api.md §2.4), and one extra small request per run is cheap.
    const secret = await accessSecret(control, auth, node.nodeName);
    sink.reset();
    try {
      return await streamFailures(http, base, { user: auth.user, pass: secret }, start, (r) => sink.add(r));
    } catch (err) {
      const refused = err instanceof ServiceStatusError && (err.status === 401 || err.status === 403);
      if (!refused) throw err;
      // A stale secret: fetch a fresh one once. Still refused: report the account's real state.
      if (attempt === 0) continue;
      const res = await accountActivate(control, auth, 'ise-to-mail');
      throw accountStateError(auth.user, res.accountState.toUpperCase()) ??
        new AppError(Exit.account, `ISE node ${node.nodeName} refuses pxGrid client ${auth.user} (HTTP ${err.status}) although it is ENABLED: check its authorization under Administration > pxGrid Services > Client Management > Policy`);
    }
  }
}
