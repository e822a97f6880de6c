// In-process fake of a Cisco ISE pxGrid 2.0 node (control API + RADIUS failure service)
// over real HTTPS, for tests, the demo and the benchmark. No vitest imports on purpose:
// scripts bundle this file with esbuild and run it under plain node.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { sharedPki } from './pki';
import { controlHandler } from './pxgrid-control';
import { basicAuth, type Ctx, parseBody, peerCert, readBody, send, sendStream } from './pxgrid-http';
import { radiusHandler } from './pxgrid-radius';
import { accountKey, FaultQueue, resolveNodes, type Sim } from './pxgrid-state';
import type { FakePxgrid, FakePxgridOptions, Fault, LoggedRequest } from './pxgrid-types';
import type { FailureRecord } from './records';

export type {
  AccountState,
  FakeAccount,
  FakePxgrid,
  FakePxgridOptions,
  Fault,
  LoggedRequest,
  ServiceNodeSpec,
} from './pxgrid-types';

/** Bounds how long close() can wait for a client stuck mid-handshake. */
const HANDSHAKE_TIMEOUT_MS = 3000;

interface Runtime {
  sim: Sim;
  faults: FaultQueue;
  requests: LoggedRequest[];
  timers: Set<NodeJS.Timeout>;
}

function sleep(rt: Runtime, ms: number): Promise<void> {
  // Tracked so close() can cancel it; a cancelled request simply never answers.
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      rt.timers.delete(t);
      resolve();
    }, ms);
    rt.timers.add(t);
  });
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'https://fake.invalid').pathname;
  const body = parseBody(await readBody(req));
  const auth = basicAuth(req.headers.authorization);
  rt.requests.push({ method: req.method ?? '', path, user: auth?.user, body, at: Date.now() });
  const fault: Fault | undefined = rt.faults.take(path);
  if (fault?.delayMs) await sleep(rt, fault.delayMs);
  if (fault?.destroy) {
    req.socket.destroy();
    return;
  }
  const ctx: Ctx = {
    req,
    res,
    method: req.method ?? '',
    path,
    body,
    user: auth?.user,
    pass: auth?.pass,
    ...peerCert(req),
    truncate: fault?.truncate === true,
    noContentType: rt.sim.opts.noContentType === true,
    date: rt.sim.opts.date ? rt.sim.opts.date() : new Date(rt.sim.now()).toUTCString(),
  };
  if (fault?.chunks) return sendStream(ctx, fault.status ?? 200, fault.chunks(body, req.headers), fault.hang);
  if (fault?.status !== undefined) return send(ctx, fault.status, fault.body ?? '');
  const handler = controlHandler(ctx) ?? radiusHandler(rt.sim, ctx);
  if (!handler) return send(ctx, 404);
  await handler(rt.sim, ctx);
}

function onRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): void {
  handle(rt, req, res).catch(() => {
    // A bug in the fake should look like a server error, not hang the client.
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function account(sim: Sim, nodeName: string) {
  const acct = sim.accounts.get(accountKey(nodeName));
  if (!acct) throw new Error(`fake pxGrid: no account ${nodeName}`);
  return acct;
}

function closer(server: Server, sockets: Set<TLSSocket>, rt: Runtime): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      rt.timers.forEach((t) => clearTimeout(t));
      rt.timers.clear();
      // server.close() alone waits for keep-alive connections; destroy them to finish now.
      server.close(() => resolve());
      sockets.forEach((s) => s.destroy());
    });
}

function adminApi(rt: Runtime) {
  const { sim } = rt;
  return {
    approve: (n: string) => {
      account(sim, n).state = 'ENABLED';
    },
    disable: (n: string) => {
      account(sim, n).state = 'DISABLED';
    },
    deleteAccount: (n: string) => {
      sim.accounts.delete(accountKey(n));
      const prefix = `${accountKey(n)}\n`;
      [...sim.secrets.keys()].filter((k) => k.startsWith(prefix)).forEach((k) => sim.secrets.delete(k));
    },
    rotateSecrets: () => sim.secrets.clear(),
    addFailures: (...records: FailureRecord[]) => {
      sim.failures.push(...records);
    },
    setFailures: (records: FailureRecord[]) => {
      sim.failures = [...records];
    },
    fault: (path: string, f: Fault) => rt.faults.add(path, f),
    restBaseUrls: () => sim.nodes.map((n) => n.url),
  };
}

export async function startFakePxgrid(opts: FakePxgridOptions = {}): Promise<FakePxgrid> {
  const pki = opts.pki ?? sharedPki();
  const sim: Sim = {
    opts,
    now: opts.now ?? Date.now,
    version: opts.version ?? '2.0.0.13',
    accounts: new Map(),
    secrets: new Map(),
    failures: [...(opts.failures ?? [])],
    nodes: [],
  };
  const rt: Runtime = { sim, faults: new FaultQueue(), requests: [], timers: new Set() };
  const tlsErrors: string[] = [];
  const server = createServer(
    {
      key: pki.serverKeyPem,
      cert: pki.serverCertPem,
      ca: [pki.caPem],
      // Always ask for a cert (cert-based accounts); only demand one when mTLS is required.
      requestCert: true,
      rejectUnauthorized: opts.requireClientCert === true,
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    },
    (req, res) => onRequest(rt, req, res),
  );
  const sockets = new Set<TLSSocket>();
  server.on('secureConnection', (s: TLSSocket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', (err: Error) => tlsErrors.push(err.message));
  const port = await listen(server, opts.port ?? 0);
  const host = opts.host ?? 'localhost';
  sim.nodes = resolveNodes(opts, host, port);
  return {
    port,
    url: `https://${host}:${port}`,
    accounts: sim.accounts,
    requests: rt.requests,
    tlsErrors,
    ...adminApi(rt),
    close: closer(server, sockets, rt),
  };
}
