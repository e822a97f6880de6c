// Multi-node ServiceLookup, per-node secrets, dead nodes and SMTP extras of the fakes.

import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallOptions, call } from '../fake/client';
import { sharedPki } from '../fake/pki';
import { type FakePxgrid, startFakePxgrid } from '../fake/pxgrid';
import { makeFailure } from '../fake/records';
import { startSmtp } from '../fake/smtp';
import { closedPort } from '../helpers/inproc';

const pki = sharedPki();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

type Service = { nodeName: string; properties: Record<string, string> };

async function enabled(px: FakePxgrid): Promise<CallOptions> {
  const created = await call(`${px.url}/pxgrid/control/AccountCreate`, { caFile: pki.caFile, body: { nodeName: 'm' } });
  const o = { caFile: pki.caFile, auth: { user: 'm', pass: (created.json as { password: string }).password } };
  await call(`${px.url}/pxgrid/control/AccountActivate`, { ...o, body: {} });
  px.approve('M'); // node names are case-insensitive
  return o;
}

describe('fake pxGrid with several MnT nodes', () => {
  it('advertises each node, checks secrets per node, and can point at a dead node', async () => {
    const dead = await closedPort();
    const px = await startFakePxgrid({
      pki,
      failures: [makeFailure({}, 1)],
      shuffleServices: true,
      serviceNodes: [
        { nodeName: '~ise-mnt-a' },
        { nodeName: 'ise-mnt-b', urlProperty: 'restBaseURL' },
        { nodeName: 'ise-mnt-dead', restBaseUrl: `https://localhost:${dead}/pxgrid/ise/radius` },
      ],
    });
    cleanups.push(() => px.close());
    const o = await enabled(px);
    const look = await call(`${px.url}/pxgrid/control/ServiceLookup`, { ...o, body: { name: 'com.cisco.ise.radius' } });
    const services = (look.json as { services: Service[] }).services;
    expect(services.map((s) => s.nodeName).sort()).toEqual(['~ise-mnt-a', 'ise-mnt-b', 'ise-mnt-dead'].sort());
    const b = services.find((s) => s.nodeName === 'ise-mnt-b')!;
    expect(b.properties.restBaseUrl).toBeUndefined();
    const bUrl = b.properties.restBaseURL!;
    const aUrl = px.restBaseUrls()[0]!;
    expect(bUrl).not.toBe(aUrl);

    const secret = async (peer: string) =>
      (
        (
          await call(`${px.url}/pxgrid/control/AccessSecret`, {
            ...o,
            body: { peerNodeName: peer },
          })
        ).json as { secret: string }
      ).secret;
    const sa = await secret('~ise-mnt-a');
    expect(await secret('~ise-mnt-a')).toBe(sa);
    const sb = await secret('ise-mnt-b');
    const q = (url: string, pass: string) =>
      call(`${url}/getFailures`, { caFile: pki.caFile, auth: { user: 'm', pass }, body: {} });
    expect((await q(aUrl, sa)).status).toBe(200);
    expect((await q(bUrl, sb)).status).toBe(200);
    expect((await q(bUrl, sa)).status).toBe(401);
    await expect(q(px.restBaseUrls()[2]!, sa)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    px.disable('m');
    expect((await q(aUrl, sa)).status).toBe(403);
    const act = await call(`${px.url}/pxgrid/control/AccountActivate`, { ...o, body: {} });
    expect(act.json).toMatchObject({ accountState: 'DISABLED' });
    px.deleteAccount('m');
    expect((await call(`${px.url}/pxgrid/control/AccountActivate`, { ...o, body: {} })).status).toBe(401);
  });

  it('returns an empty service list when no node is configured', async () => {
    const px = await startFakePxgrid({ pki, serviceNodes: [] });
    cleanups.push(() => px.close());
    const o = await enabled(px);
    const look = await call(`${px.url}/pxgrid/control/ServiceLookup`, { ...o, body: { name: 'com.cisco.ise.radius' } });
    expect(look.json).toEqual({ services: [] });
  });
});

describe('fake SMTP extras', () => {
  it('offers STARTTLS on request and enforces SIZE', async () => {
    const s = await startSmtp({ pki, starttls: true, size: 2000 });
    cleanups.push(() => s.close());
    const t = nodemailer.createTransport({
      host: 'localhost',
      port: s.port,
      requireTLS: true,
      tls: { ca: pki.caPem },
    });
    await t.sendMail({ from: 'a@b.c', to: 'd@e.f', subject: 'tls', text: 'ok' });
    expect((await s.waitForMessages(1, 2000))[0]!.parsed.subject).toBe('tls');
    await expect(t.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x'.repeat(5000) })).rejects.toMatchObject({
      responseCode: 552,
    });
    const plain = await startSmtp({ pki });
    cleanups.push(() => plain.close());
    const p = nodemailer.createTransport({ host: '127.0.0.1', port: plain.port, requireTLS: true });
    await expect(p.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' })).rejects.toThrow(/STARTTLS/i);
  });
});
