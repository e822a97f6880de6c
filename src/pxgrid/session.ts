import type { Config } from '../config/config';
import { AppError, Exit, iseError } from '../core/errors';
import { VERSION } from '../core/version';
import { accountStateError, activate, type SessionOptions } from './account';
import { accessSecret, accountActivate, PxControl, RADIUS_SERVICE, serviceLookup, serviceProperty } from './control';
import { type FetchStats, type RecordSink, ServiceStatusError, streamFailures } from './failures';
import type { BasicAuth, PxHttp } from './http';
import type { ServiceNode } from './schemas';
import { TransportError } from './transport-errors';

/** Sent as AccountActivate `description`: the ISE admin sees which tool and version asks. */
export const DESCRIPTION = `ise-to-mail ${VERSION}`;

export interface FailureSink extends RecordSink {
  /** Called before each attempt: a failed attempt on one node must not leave half a batch. */
  reset(): void;
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
  const { auth, state, file } = await activate(cfg, control, opts);
  const stateErr = accountStateError(auth.user, state);
  if (stateErr) throw stateErr;
  const nodes = await radiusNodes(control, auth);
  let firstError: unknown;
  for (const node of nodes) {
    try {
      return await fetchFromNode(
        { http, control, auth, file, description: opts.description },
        node,
        startTimestamp,
        sink,
      );
    } catch (err) {
      // Next node only when this one could not serve; an account problem is the same everywhere.
      if (err instanceof AppError && err.exitCode !== Exit.ise) throw err;
      if (err instanceof TransportError && err.transport === 'deadline') throw err;
      firstError ??= err;
    }
  }
  const also = nodes.length > 1 ? ` (all ${nodes.length} RADIUS service nodes failed)` : '';
  if (firstError instanceof ServiceStatusError) {
    throw iseError(
      `the RADIUS service node answered getFailures with HTTP ${firstError.status}${also}; check the MnT node ` +
        `under Administration > System > Deployment and Operations > Reports`,
    );
  }
  if (firstError instanceof AppError && also)
    throw new AppError(firstError.kind, `${firstError.message}${also}`, { cause: firstError });
  throw firstError;
}

/** The nodes that provide com.cisco.ise.radius; none is an error an operator can act on. */
export async function radiusNodes(control: PxControl, auth: BasicAuth): Promise<ServiceNode[]> {
  const nodes = await serviceLookup(control, auth);
  if (nodes.length === 0) {
    throw iseError(
      `ISE offers no ${RADIUS_SERVICE} service right now (ServiceLookup returned no node): check that a ` +
        `Monitoring (MnT) node is up with pxGrid enabled under Administration > System > Deployment, and see ` +
        `Administration > pxGrid Services > Diagnostics`,
    );
  }
  return nodes;
}

export function restBaseUrl(node: ServiceNode): string {
  const base = serviceProperty(node, 'restBaseUrl');
  if (!base)
    throw iseError(
      `ServiceLookup gave RADIUS node ${node.nodeName} no restBaseUrl; check Administration > pxGrid Services > ` +
        `Diagnostics`,
    );
  // The AccessSecret goes in every request to this URL: never over plain HTTP, whatever ISE says.
  if (!/^https:\/\//i.test(base))
    throw iseError(
      `ServiceLookup gave RADIUS node ${node.nodeName} a restBaseUrl that is not https (${base.slice(0, 80)}); ` +
        `refusing to send credentials to it; check the pxGrid settings of that node in ISE (Administration > ` +
        `pxGrid Services)`,
    );
  return base;
}

interface NodeCtx {
  http: PxHttp;
  control: PxControl;
  auth: BasicAuth;
  file?: string;
  description: string;
}

/**
 * The AccessSecret is fetched on every run and never stored in STATE_DIR. Caching would save one
 * small request per run, but no source says how long ISE keeps a secret valid (the pxGrid wiki
 * documents AccessSecret but not the secret's lifetime; Cisco's samples keep it for one process), and a secret
 * on flash would be one more credential readable by any IOS admin. ServiceLookup is repeated for
 * the same reason: its node list changes when MnT nodes fail over.
 */
async function fetchFromNode(
  ctx: NodeCtx,
  node: ServiceNode,
  start: string | undefined,
  sink: FailureSink,
): Promise<FetchStats> {
  const base = restBaseUrl(node);
  for (let attempt = 0; ; attempt++) {
    const secret = await accessSecret(ctx.control, ctx.auth, node.nodeName);
    sink.reset();
    try {
      return await streamFailures(ctx.http, base, { user: ctx.auth.user, pass: secret }, start, sink);
    } catch (err) {
      const refused = err instanceof ServiceStatusError && (err.status === 401 || err.status === 403);
      if (!refused) throw err;
      // A stale secret: fetch a fresh one once. Still refused: report the account's real state.
      if (attempt === 0) continue;
      const res = await accountActivate(ctx.control, ctx.auth, ctx.description, ctx.file);
      throw (
        accountStateError(ctx.auth.user, res.accountState.toUpperCase()) ??
        new AppError(
          'account',
          `ISE node ${node.nodeName} refuses pxGrid client ${ctx.auth.user} (getFailures HTTP ${err.status}) ` +
            `although it is ENABLED: check its authorization under Administration > pxGrid Services > Client ` +
            `Management > Policy`,
        )
      );
    }
  }
}
