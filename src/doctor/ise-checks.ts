import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { IseEndpoint } from '../config/config';
import { Exit, iseError } from '../core/errors';
import { accountStateError, credentials } from '../pxgrid/account';
import { accessSecret, accountActivate, PxControl } from '../pxgrid/control';
import { ServiceStatusError, streamFailures } from '../pxgrid/failures';
import { type BasicAuth, PxHttp } from '../pxgrid/http';
import type { ServiceNode } from '../pxgrid/schemas';
import { DESCRIPTION, radiusNodes, restBaseUrl } from '../pxgrid/session';
import type { TlsMaterial } from '../pxgrid/tls';
import { noHandshake, transportError } from '../pxgrid/transport-errors';
import { dnsCheck, tcpCheck } from './local-checks';
import type { DoctorContext, DoctorReport } from './report';

const STEP_MS = 10_000;

/** Per controller: DNS, TCP, TLS trust; then the pxGrid steps a run takes, without mailing. */
export async function iseChecks(ctx: DoctorContext, report: DoctorReport, tls: TlsMaterial): Promise<void> {
  for (const ep of ctx.cfg.ise.hosts) await hostChecks(ctx, report, ep, tls);
  const http = new PxHttp(tls, ctx.deadline);
  try {
    await pxgridChecks(ctx, report, http);
  } finally {
    await http.close();
  }
}

async function hostChecks(ctx: DoctorContext, report: DoctorReport, ep: IseEndpoint, tls: TlsMaterial): Promise<void> {
  if (!(await dnsCheck(ctx, report, ep.host, 'ISE_HOST', Exit.ise))) return;
  const remedy =
    'check ISE_HOST, PXGRID_PORT (8910), the firewall, and that pxGrid runs on that node (Administration > ' +
    'System > Deployment)';
  if (!(await tcpCheck(ctx, report, ep.host, ep.port, remedy, Exit.ise))) return;
  await report.probe(`tls ${ep.host}:${ep.port}`, Exit.ise, async () => {
    const detail = await verifiedHandshake(ctx, ep, tls);
    if (!tls.rejectUnauthorized) {
      throw iseError(
        `ISE_INSECURE=1: runs do NOT verify ISE's certificate, although it verifies with ISE_CA (${detail}): ` +
          `remove ISE_INSECURE`,
      );
    }
    return { value: true, detail };
  });
}

/**
 * A handshake that always verifies chain and host name, whatever ISE_INSECURE says: the point
 * is to tell the operator whether ISE_CA is right. Nothing is sent over it.
 */
async function verifiedHandshake(ctx: DoctorContext, ep: IseEndpoint, tls: TlsMaterial): Promise<string> {
  const ms = ctx.deadline.cap(STEP_MS);
  return new Promise<string>((resolve, reject) => {
    const socket = tlsConnect({
      host: ep.host,
      port: ep.port,
      servername: isIP(ep.host) ? undefined : ep.host,
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      passphrase: tls.passphrase,
      maxVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      timeout: ms,
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      socket.destroy();
      resolve(
        `certificate ${peer.subject?.CN ?? '?'} verified by ISE_CA, valid until ` +
          `${new Date(peer.valid_to).toISOString().slice(0, 10)}`,
      );
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(noHandshake(ms, ep.port)));
    });
    socket.once('error', (err) =>
      reject(transportError(`https://${ep.host}:${ep.port}/`, err, undefined, Boolean(tls.cert))),
    );
  });
}

async function pxgridChecks(ctx: DoctorContext, report: DoctorReport, http: PxHttp): Promise<void> {
  const { cfg } = ctx;
  const control = new PxControl(http, cfg.ise.hosts);
  const auth = await report.probe<BasicAuth>('pxGrid account', Exit.ise, async () => {
    // No AccountCreate here: doctor only looks. setup creates the client.
    const creds = await credentials(cfg, undefined, cfg.stateDir);
    const res = await accountActivate(control, creds.auth, DESCRIPTION, creds.file);
    const state = res.accountState.toUpperCase();
    const err = accountStateError(creds.auth.user, state, 'run doctor again');
    if (err) throw err;
    return { value: creds.auth, detail: `${creds.auth.user} is ENABLED (pxGrid ${res.version ?? 'version unknown'})` };
  });
  if (!auth) return report.skip('service lookup', 'needs an ENABLED pxGrid account');
  const nodes = await report.probe<ServiceNode[]>('service lookup', Exit.ise, async () => {
    const list = await radiusNodes(control, auth);
    return { value: list, detail: list.map((n) => `${n.nodeName} ${restBaseUrl(n)}`).join(', ') };
  });
  if (!nodes) return report.skip('getFailures', 'needs a RADIUS service node');
  for (const node of nodes) await nodeChecks(ctx, report, { http, control, auth }, node);
}

/** Each RADIUS node separately: runs fail over between them, so a dead one is only visible here. */
async function nodeChecks(
  ctx: DoctorContext,
  report: DoctorReport,
  px: { http: PxHttp; control: PxControl; auth: BasicAuth },
  node: ServiceNode,
): Promise<void> {
  const secret = await report.probe(`secret ${node.nodeName}`, Exit.ise, async () => ({
    value: await accessSecret(px.control, px.auth, node.nodeName),
    detail: 'AccessSecret received',
  }));
  if (!secret) return report.skip(`getFailures ${node.nodeName}`, 'needs its secret');
  await report.probe(`getFailures ${node.nodeName}`, Exit.ise, async () => {
    // The last minute only: cheap for ISE, and proves the whole read path.
    const since = new Date(ctx.sys.now() - 60_000).toISOString();
    let n = 0;
    try {
      await streamFailures(px.http, restBaseUrl(node), { user: px.auth.user, pass: secret }, since, {
        begin: () => undefined,
        add: () => n++,
      });
    } catch (err) {
      if (err instanceof ServiceStatusError) {
        throw iseError(
          `HTTP ${err.status} from ${restBaseUrl(node)}: check the client's authorization (Administration > ` +
            `pxGrid Services > Client Management > Policy) and the MnT node's health`,
        );
      }
      throw err;
    }
    return { value: true, detail: `${n} failure(s) in the last minute` };
  });
}
