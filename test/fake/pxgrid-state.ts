// Mutable state of one fake pxGrid node plus the authentication rules shared by the
// control API and the RADIUS service.

import { type Ctx, send } from './pxgrid-http';
import type { FakeAccount, FakePxgridOptions, Fault, ServiceNodeSpec } from './pxgrid-types';
import type { FailureRecord } from './records';

export interface ResolvedNode {
  spec: ServiceNodeSpec;
  url: string;
  /** URL path without trailing slash; the fake routes service calls by it. */
  path: string;
  /** The URL points at this fake (a dead-node override does not). */
  local: boolean;
}

export interface Sim {
  opts: FakePxgridOptions;
  now: () => number;
  version: string;
  /** Keyed by lower-cased nodeName: ISE treats node names case-insensitively. */
  accounts: Map<string, FakeAccount>;
  /** Current AccessSecret per (client, peer), keyed by secretKey(). */
  secrets: Map<string, string>;
  failures: FailureRecord[];
  nodes: ResolvedNode[];
}

export const RADIUS_SERVICE = 'com.cisco.ise.radius';
export const DEFAULT_NODE = 'ise-mnt-ise-sim';

export const accountKey = (nodeName: string): string => nodeName.toLowerCase();

export function secretKey(client: string, peer: string): string {
  return `${client.toLowerCase()}\n${peer.toLowerCase()}`;
}

/**
 * Per the pxGrid wiki (pxGrid-Consumer, authentication): nodeName:password, or nodeName: plus a
 * verified client cert.
 */
export function authControl(sim: Sim, ctx: Ctx): FakeAccount | undefined {
  if (!ctx.user) return undefined;
  const acct = sim.accounts.get(accountKey(ctx.user));
  if (!acct) return undefined;
  if (acct.kind === 'password') return ctx.pass === acct.password ? acct : undefined;
  return ctx.pass === '' && ctx.certOk ? acct : undefined;
}

/**
 * Gate for ServiceLookup/AccessSecret. 401 for unknown/unauthenticated and for INIT
 * (never activated, as node-pxgrid reads 401); 403 (configurable) while PENDING/DISABLED.
 */
export function requireEnabled(sim: Sim, ctx: Ctx): FakeAccount | undefined {
  const acct = authControl(sim, ctx);
  if (!acct || acct.state === 'INIT') {
    send(ctx, 401);
    return undefined;
  }
  if (acct.state !== 'ENABLED') {
    send(ctx, sim.opts.notEnabledStatus ?? 403);
    return undefined;
  }
  return acct;
}

/** Service-call auth: Basic nodeName:<AccessSecret for this peer node>. */
export function requireServiceAuth(sim: Sim, ctx: Ctx, node: ResolvedNode): FakeAccount | undefined {
  const acct = ctx.user ? sim.accounts.get(accountKey(ctx.user)) : undefined;
  if (!acct) {
    send(ctx, 401);
    return undefined;
  }
  const certLogin = sim.opts.certServiceAuth === true && acct.kind === 'cert' && ctx.pass === '' && ctx.certOk;
  const secret = sim.secrets.get(secretKey(acct.nodeName, node.spec.nodeName));
  if (!certLogin && (secret === undefined || secret !== ctx.pass)) {
    send(ctx, sim.opts.badSecretStatus ?? 401);
    return undefined;
  }
  if (acct.state !== 'ENABLED') {
    send(ctx, sim.opts.notEnabledStatus ?? 403);
    return undefined;
  }
  return acct;
}

/** Default URLs give every extra node its own path so secrets can be checked per node. */
export function resolveNodes(opts: FakePxgridOptions, host: string, port: number): ResolvedNode[] {
  const specs = opts.serviceNodes ?? [{ nodeName: DEFAULT_NODE }];
  return specs.map((spec, i) => {
    const prefix = i === 0 ? '' : `/n${i}`;
    const url = spec.restBaseUrl ?? `https://${host}:${port}${prefix}/pxgrid/ise/radius`;
    const u = new URL(url);
    const local = Number(u.port || 443) === port;
    return { spec, url, path: u.pathname.replace(/\/+$/, ''), local };
  });
}

/** Armed faults per path, consumed in order, each for `times` calls. */
export class FaultQueue {
  private readonly byPath = new Map<string, Array<{ fault: Fault; left: number }>>();

  add(path: string, fault: Fault): void {
    const list = this.byPath.get(path) ?? [];
    list.push({ fault, left: fault.times ?? 1 });
    this.byPath.set(path, list);
  }

  take(path: string): Fault | undefined {
    const list = this.byPath.get(path);
    const head = list?.[0];
    if (!list || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) list.shift();
    return head.fault;
  }
}
