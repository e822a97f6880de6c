// pxGrid control API of the fake (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer):
// AccountCreate, AccountActivate,
// ServiceLookup, AccessSecret and the unauthenticated version probe.
import { bodyObject, type Ctx, randomSecret, send, sendJson } from './pxgrid-http';
import {
  accountKey,
  authControl,
  RADIUS_SERVICE,
  type ResolvedNode,
  requireEnabled,
  type Sim,
  secretKey,
} from './pxgrid-state';
import type { FakeAccount } from './pxgrid-types';

export type Handler = (sim: Sim, ctx: Ctx) => void | Promise<void>;

/** "limit of 100 characters … alphanumerics, dashes, underscores, and periods" (pxGrid wiki, pxGrid-Consumer). */
const NODE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

function accountCreate(sim: Sim, ctx: Ctx): void {
  if (sim.opts.passwordAccounts === false) return send(ctx, 503);
  const nodeName = bodyObject(ctx.body)?.nodeName;
  if (typeof nodeName !== 'string' || !NODE_NAME.test(nodeName)) return send(ctx, 400);
  const existing = sim.accounts.get(accountKey(nodeName));
  // Re-creating is allowed only until the first activation (pxGrid wiki, AccountCreate): it issues a new password.
  if (existing && (existing.state !== 'INIT' || existing.kind !== 'password')) {
    return send(ctx, 409);
  }
  const password = randomSecret(16);
  sim.accounts.set(accountKey(nodeName), {
    nodeName,
    kind: 'password',
    password,
    state: 'INIT',
    activations: 0,
  });
  sendJson(ctx, 200, { nodeName, password, userName: nodeName });
}

/** Cert-based clients never call AccountCreate; their first activation registers them. */
function registerCertAccount(sim: Sim, ctx: Ctx): FakeAccount | undefined {
  const user = ctx.user;
  if (!user || ctx.pass !== '' || !ctx.certOk || !NODE_NAME.test(user)) return undefined;
  if (sim.accounts.has(accountKey(user))) return undefined;
  const acct: FakeAccount = {
    nodeName: user,
    kind: 'cert',
    state: 'INIT',
    activations: 0,
    certCn: ctx.certCn,
  };
  sim.accounts.set(accountKey(user), acct);
  return acct;
}

function accountActivate(sim: Sim, ctx: Ctx): void {
  const acct = authControl(sim, ctx) ?? registerCertAccount(sim, ctx);
  if (!acct) return send(ctx, 401);
  const body = bodyObject(ctx.body);
  if (!body) return send(ctx, 400);
  if (typeof body.description === 'string') acct.description = body.description;
  acct.activations += 1;
  if (acct.state === 'INIT') acct.state = sim.opts.autoApprove ? 'ENABLED' : 'PENDING';
  sendJson(ctx, 200, { accountState: acct.state, version: sim.version });
}

function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function serviceEntry(node: ResolvedNode) {
  const urlProp = node.spec.urlProperty ?? 'restBaseUrl';
  const urls: Record<string, string> =
    urlProp === 'both' ? { restBaseUrl: node.url, restBaseURL: node.url } : { [urlProp]: node.url };
  return {
    name: RADIUS_SERVICE,
    nodeName: node.spec.nodeName,
    properties: {
      ...urls,
      wsPubsubService: 'com.cisco.ise.pubsub',
      failureTopic: '/topic/com.cisco.ise.radius.failure',
      ...node.spec.properties,
    },
  };
}

function serviceLookup(sim: Sim, ctx: Ctx): void {
  if (!requireEnabled(sim, ctx)) return;
  const name = bodyObject(ctx.body)?.name;
  if (typeof name !== 'string') return send(ctx, 400);
  if (name !== RADIUS_SERVICE) return sendJson(ctx, 200, { services: [] });
  const nodes = sim.opts.shuffleServices ? shuffled(sim.nodes) : sim.nodes;
  sendJson(ctx, 200, { services: nodes.map(serviceEntry) });
}

function accessSecret(sim: Sim, ctx: Ctx): void {
  const acct = requireEnabled(sim, ctx);
  if (!acct) return;
  const peer = bodyObject(ctx.body)?.peerNodeName;
  if (typeof peer !== 'string' || peer === '') return send(ctx, 400);
  // Same secret on repeated calls until rotateSecrets()/deleteAccount() (unconfirmed in ISE).
  const k = secretKey(acct.nodeName, peer);
  const secret = sim.secrets.get(k) ?? randomSecret(16);
  sim.secrets.set(k, secret);
  sendJson(ctx, 200, { secret });
}

function version(sim: Sim, ctx: Ctx): void {
  sendJson(ctx, 200, sim.version);
}

const POST_ROUTES: Record<string, Handler> = {
  '/pxgrid/control/AccountCreate': accountCreate,
  '/pxgrid/control/AccountActivate': accountActivate,
  '/pxgrid/control/ServiceLookup': serviceLookup,
  '/pxgrid/control/AccessSecret': accessSecret,
};

/** The handler for a control path, a 405 handler for a wrong method, or undefined. */
export function controlHandler(ctx: Ctx): Handler | undefined {
  if (ctx.path === '/pxgrid/control/version') {
    return ctx.method === 'GET' ? version : (_s, c) => send(c, 405);
  }
  const h = POST_ROUTES[ctx.path];
  if (!h) return undefined;
  return ctx.method === 'POST' ? h : (_s, c) => send(c, 405);
}
