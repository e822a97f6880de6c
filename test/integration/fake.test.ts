// Proves the test fakes behave like the protocol notes say, before src/ relies on them.

import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallOptions, call } from '../fake/client';
import { sharedPki } from '../fake/pki';
import { type FakePxgrid, type FakePxgridOptions, startFakePxgrid } from '../fake/pxgrid';
import { type FailureRecord, makeFailure, makeFailures } from '../fake/records';
import { type FakeSmtp, startSmtp } from '../fake/smtp';

const pki = sharedPki();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function pxgrid(opts: FakePxgridOptions = {}): Promise<FakePxgrid> {
  const px = await startFakePxgrid({ pki, ...opts });
  cleanups.push(() => px.close());
  return px;
}

async function smtp(opts: Parameters<typeof startSmtp>[0] = {}): Promise<FakeSmtp> {
  const s = await startSmtp({ pki, ...opts });
  cleanups.push(() => s.close());
  return s;
}

const ctl = (px: FakePxgrid, method: string) => `${px.url}/pxgrid/control/${method}`;

/** Password flow up to a service secret; the account is approved via the admin hook. */
async function enabledClient(px: FakePxgrid, nodeName = 'ise-to-mail') {
  const created = await call(ctl(px, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName } });
  const { password } = created.json as { password: string };
  const auth = { user: nodeName, pass: password };
  const o: CallOptions = { caFile: pki.caFile, auth };
  await call(ctl(px, 'AccountActivate'), { ...o, body: { description: 'test' } });
  px.approve(nodeName);
  const lookup = await call(ctl(px, 'ServiceLookup'), { ...o, body: { name: 'com.cisco.ise.radius' } });
  const svc = (lookup.json as { services: Array<{ nodeName: string; properties: Record<string, string> }> })
    .services[0]!;
  const sec = await call(ctl(px, 'AccessSecret'), { ...o, body: { peerNodeName: svc.nodeName } });
  const secret = (sec.json as { secret: string }).secret;
  return { o, auth, svc, base: svc.properties.restBaseUrl!, svcAuth: { user: nodeName, pass: secret } };
}

describe('fake pxGrid', () => {
  it('walks create → activate → approve → lookup → secret → getFailures', async () => {
    const recent = makeFailure({}, 1);
    const old = makeFailure({ timestamp: new Date(Date.now() - 2 * 3600_000).toISOString() }, 0);
    const px = await pxgrid({ failures: [old, recent] });
    expect((await call(ctl(px, 'version'), { caFile: pki.caFile })).json).toBe('2.0.0.13');
    const created = await call(ctl(px, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName: 'n1' } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ nodeName: 'n1', userName: 'n1' });
    const o: CallOptions = {
      caFile: pki.caFile,
      auth: { user: 'n1', pass: (created.json as { password: string }).password },
    };
    const act = await call(ctl(px, 'AccountActivate'), { ...o, body: { description: 'mailer 1.0' } });
    expect(act.json).toEqual({ accountState: 'PENDING', version: '2.0.0.13' });
    expect(px.accounts.get('n1')?.description).toBe('mailer 1.0');
    expect((await call(ctl(px, 'ServiceLookup'), { ...o, body: { name: 'com.cisco.ise.radius' } })).status).toBe(403);
    expect((await call(ctl(px, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName: 'n1' } })).status).toBe(409);

    const c = await enabledClient(px, 'n2');
    expect(c.base).toBe(`https://localhost:${px.port}/pxgrid/ise/radius`);
    const all = await call(`${c.base}/getFailures`, { caFile: pki.caFile, auth: c.svcAuth, body: {} });
    expect(all.headers['content-type']).toBe('application/json');
    expect((all.json as { failures: FailureRecord[] }).failures.map((f) => f.id)).toEqual([recent.id]);
    const since = await call(`${c.base}/getFailures`, {
      caFile: pki.caFile,
      auth: c.svcAuth,
      body: { startTimestamp: '2000-01-01T00:00:00Z' },
    });
    expect((since.json as { failures: FailureRecord[] }).failures).toHaveLength(2);
    const byId = await call(`${c.base}/getFailureById`, { caFile: pki.caFile, auth: c.svcAuth, body: { id: old.id } });
    expect(byId.json).toEqual(old);
    expect(px.requests.some((r) => JSON.stringify(r).includes(c.svcAuth.pass))).toBe(false);
  });

  it('re-issues passwords while INIT, refuses when password accounts are off', async () => {
    const px = await pxgrid();
    const a = await call(ctl(px, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName: 'x' } });
    const b = await call(ctl(px, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName: 'x' } });
    const pa = (a.json as { password: string }).password;
    expect(pa).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((b.json as { password: string }).password).not.toBe(pa);
    const stale = await call(ctl(px, 'AccountActivate'), {
      caFile: pki.caFile,
      auth: { user: 'x', pass: pa },
      body: {},
    });
    expect(stale.status).toBe(401);
    const off = await pxgrid({ passwordAccounts: false });
    expect((await call(ctl(off, 'AccountCreate'), { caFile: pki.caFile, body: { nodeName: 'x' } })).status).toBe(503);
  });

  it('rejects untrusted CAs and IP-address hosts at the TLS layer', async () => {
    const px = await pxgrid();
    await expect(call(ctl(px, 'version'), { caFile: pki.wrongCaFile })).rejects.toThrow(
      /self.signed|unable to verify|local issuer/i,
    );
    await expect(
      call(`https://127.0.0.1:${px.port}/pxgrid/control/version`, { caFile: pki.caFile }),
    ).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('registers cert accounts over mTLS with an encrypted key', async () => {
    const px = await pxgrid({ requireClientCert: true, autoApprove: true });
    await expect(call(ctl(px, 'version'), { caFile: pki.caFile })).rejects.toThrow();
    const wrong = { caFile: pki.caFile, certFile: pki.wrongClientCertFile, keyFile: pki.wrongClientKeyFile };
    await expect(call(ctl(px, 'version'), wrong)).rejects.toThrow();
    const o: CallOptions = {
      caFile: pki.caFile,
      certFile: pki.clientCertFile,
      keyFile: pki.clientKeyEncFile,
      passphrase: pki.clientKeyPassphrase,
      auth: { user: 'ise_to_mail', pass: '' },
    };
    const act = await call(ctl(px, 'AccountActivate'), { ...o, body: {} });
    expect(act.json).toMatchObject({ accountState: 'ENABLED' });
    expect(px.accounts.get('ise_to_mail')).toMatchObject({ kind: 'cert', certCn: 'ise_to_mail' });
    const lookup = await call(ctl(px, 'ServiceLookup'), { ...o, body: { name: 'nope' } });
    expect(lookup.json).toEqual({ services: [] });
  });

  it('orders, filters by offset timestamps and streams large responses', async () => {
    const start = Date.parse('2024-03-01T12:00:00Z');
    const records = makeFailures(20_000, { start, stepMs: 1000, seed: 7, offsetMinutes: -420 });
    const px = await pxgrid({ failures: records, order: 'desc', noContentType: true });
    const c = await enabledClient(px);
    const res = await call(`${c.base}/getFailures`, {
      caFile: pki.caFile,
      auth: c.svcAuth,
      body: { startTimestamp: '2024-03-01T07:00:10-05:00' },
    });
    expect(res.headers['content-type']).toBeUndefined();
    const got = (res.json as { failures: FailureRecord[] }).failures;
    expect(got).toHaveLength(20_000 - 10);
    expect(got[0]!.id).toBe(records.at(-1)!.id);
    expect(got.at(-1)!.timestamp).toBe('2024-03-01T05:00:10.000-07:00');
  });

  it('injects faults: truncate, status, destroy; rotated secrets give 401', async () => {
    const px = await pxgrid({ failures: makeFailures(50, { stepMs: 1000 }) });
    const c = await enabledClient(px);
    const url = `${c.base}/getFailures`;
    const path = new URL(url).pathname;
    const o = { caFile: pki.caFile, auth: c.svcAuth, body: {} };
    px.fault(path, { truncate: true });
    await expect(call(url, o)).rejects.toThrow(/aborted/);
    px.fault(path, { status: 500, body: 'boom', times: 2 });
    expect((await call(url, o)).status).toBe(500);
    expect((await call(url, o)).text).toBe('boom');
    px.fault(path, { destroy: true, delayMs: 20 });
    await expect(call(url, o)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await call(url, o)).status).toBe(200);
    px.rotateSecrets();
    expect((await call(url, o)).status).toBe(401);
  });

  it('closes promptly with a keep-alive connection still open', async () => {
    const px = await startFakePxgrid({ pki });
    const { Agent } = await import('node:https');
    const agent = new Agent({ keepAlive: true });
    const { request } = await import('node:https');
    await new Promise<void>((resolve, reject) => {
      request(`${px.url}/pxgrid/control/version`, { agent, ca: pki.caPem }, (res) => {
        res.resume().on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const t0 = Date.now();
    await px.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    agent.destroy();
  });
});

describe('fake SMTP', () => {
  it('receives and parses a message sent with nodemailer, with AUTH', async () => {
    const s = await smtp({ auth: { user: 'u', pass: 'p' }, size: 1_000_000 });
    const t = nodemailer.createTransport({
      host: '127.0.0.1',
      port: s.port,
      secure: false,
      auth: { user: 'u', pass: 'p' },
    });
    await t.sendMail({ from: 'ise@example.com', to: 'noc@example.com', subject: 'RADIUS failure', text: 'hello' });
    const [m] = await s.waitForMessages(1, 2000);
    expect(m!.parsed.subject).toBe('RADIUS failure');
    expect(m!.parsed.text?.trim()).toBe('hello');
    expect(m!.envelope.rcptTo.map((r) => r.address)).toEqual(['noc@example.com']);
    expect(m!.user).toBe('u');
    const bad = nodemailer.createTransport({ host: '127.0.0.1', port: s.port, auth: { user: 'u', pass: 'x' } });
    await expect(bad.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' })).rejects.toMatchObject({ responseCode: 535 });
  });

  it('rejects recipients, fails transiently, and speaks implicit TLS', async () => {
    const s = await smtp({ rejectRcpt: { code: 554, message: 'Message rejected: Email address is not verified' } });
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: s.port });
    await expect(t.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' })).rejects.toMatchObject({ responseCode: 554 });
    const tls = await smtp({ secure: true });
    tls.failNext(1, 451);
    const tt = nodemailer.createTransport({ host: 'localhost', port: tls.port, secure: true, tls: { ca: pki.caPem } });
    await expect(tt.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' })).rejects.toMatchObject({ responseCode: 451 });
    await tt.sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' });
    expect(await tls.waitForMessages(1, 2000)).toHaveLength(1);
  });
});

describe('records', () => {
  it('makes ~1.5 KB records with increasing 16-digit ids', () => {
    const size = JSON.stringify(makeFailure()).length;
    expect(size).toBeGreaterThan(1200);
    expect(size).toBeLessThan(1900);
    const ids = makeFailures(1000, { seed: 3 }).map((f) => f.id);
    expect(ids.every((id, i) => /^\d{16}$/.test(id) && (i === 0 || id > ids[i - 1]!))).toBe(true);
  });
});
