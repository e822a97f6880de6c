// The pxGrid control calls (AccountCreate, AccountActivate, ServiceLookup, AccessSecret) against the
// fake pxGrid, how their HTTP answers are typed, and the failover across the ISE_HOST entries.
import { describe, expect, it } from 'vitest';
import type { IseEndpoint } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import {
  accessSecret,
  accountActivate,
  accountCreate,
  PxControl,
  serviceLookup,
  serviceProperty,
} from '../../src/pxgrid/control';
import { PxHttp } from '../../src/pxgrid/http';
import { TransportError } from '../../src/pxgrid/transport-errors';
import { call } from '../fake/client';
import type { FakePxgrid } from '../fake/pxgrid';
import { closedPort, inprocFixtures, rejection } from '../helpers/inproc';

const { pki, defer, pxgrid } = inprocFixtures();
const T0 = Date.parse('2030-01-02T03:04:05Z');

function control(hosts: IseEndpoint[], deadline = new Deadline(60_000, () => T0)): PxControl {
  const http = new PxHttp({ ca: pki.caPem, rejectUnauthorized: true }, deadline);
  defer(() => http.close());
  return new PxControl(http, hosts);
}

/** The fake as an ISE_HOST entry, by the name its certificate carries. */
const at = (px: FakePxgrid): IseEndpoint => ({ host: 'localhost', port: px.port });
const calls = (px: FakePxgrid, method: string) => px.requests.filter((r) => r.path.endsWith(`/${method}`)).length;
const dead = async (): Promise<IseEndpoint> => ({ host: 'localhost', port: await closedPort() });

describe('pxGrid control calls', () => {
  it('create, activate, look up, and a secret the service node accepts', async () => {
    const px = await pxgrid();
    const c = control([at(px)]);
    const made = await accountCreate(c, 'itm');
    expect(made.password).toBe(px.accounts.get('itm')?.password);
    const auth = { user: 'itm', pass: made.password };
    expect((await accountActivate(c, auth, 'ise-to-mail test')).accountState).toBe('PENDING');
    expect(px.accounts.get('itm')?.description).toBe('ise-to-mail test');
    px.approve('itm');
    expect(await accountActivate(c, auth, 'ise-to-mail test')).toEqual({
      accountState: 'ENABLED',
      version: '2.0.0.13',
    });

    const nodes = await serviceLookup(c, auth);
    expect(nodes.map((n) => n.nodeName)).toEqual(['ise-mnt-ise-sim']);
    const base = serviceProperty(nodes[0]!, 'restBaseUrl');
    expect(base).toBe(px.restBaseUrls()[0]);
    const secret = await accessSecret(c, auth, 'ise-mnt-ise-sim');
    const fetch = (pass: string) =>
      call(`${base}/getFailures`, { caFile: pki.caFile, auth: { user: 'itm', pass }, body: {} });
    expect((await fetch(secret)).status).toBe(200);
    expect((await fetch(`${secret}x`)).status).toBe(401);
  });

  it('reads restBaseURL as ISE 2.4 spells it', async () => {
    const px = await pxgrid({ autoApprove: true, serviceNodes: [{ nodeName: 'mnt-a', urlProperty: 'restBaseURL' }] });
    const c = control([at(px)]);
    const auth = { user: 'itm', pass: (await accountCreate(c, 'itm')).password };
    await accountActivate(c, auth, 'test');
    const [node] = await serviceLookup(c, auth);
    expect(node?.properties).not.toHaveProperty('restBaseUrl');
    expect(serviceProperty(node!, 'restBaseUrl')).toBe(px.restBaseUrls()[0]);
  });
});

describe('HTTP answers of the control calls are typed', () => {
  it('409 and 503 from AccountCreate are account errors; the 503 is not retried', async () => {
    const px = await pxgrid({ autoApprove: true });
    const c = control([at(px)]);
    const pass = (await accountCreate(c, 'itm')).password;
    await accountActivate(c, { user: 'itm', pass }, 'test');
    const exists = await rejection(accountCreate(c, 'itm'));
    expect({ kind: exists.kind, exit: exists.exitCode }).toEqual({ kind: 'account', exit: 3 });
    expect(exists.message).toMatch(/pxGrid client itm already exists on ISE/);

    const off = await pxgrid({ passwordAccounts: false });
    const refused = await rejection(accountCreate(control([at(off)]), 'itm'));
    expect(refused.kind).toBe('account');
    expect(refused.message).toMatch(/refuses password-based pxGrid accounts \(AccountCreate HTTP 503\)/);
    expect(calls(off, 'AccountCreate')).toBe(1);
  });

  it('401 and 403 say which account and file; the password never shows', async () => {
    const px = await pxgrid();
    const c = control([at(px)]);
    const pass = (await accountCreate(c, 'itm')).password;
    const wrong = { user: 'itm', pass: 'Wrong-Pass-77' };
    const denied = await rejection(accountActivate(c, wrong, 'test', '/state/pxgrid-account.json'));
    expect(denied.kind).toBe('account');
    expect(denied.message).toMatch(/stored password of pxGrid client itm \(AccountActivate HTTP 401\)/);
    expect(denied.message).toContain('/state/pxgrid-account.json');
    expect(denied.message).not.toContain('Wrong-Pass-77');

    await accountActivate(c, { user: 'itm', pass }, 'test'); // PENDING: ServiceLookup gets 403
    const pending = await rejection(serviceLookup(c, { user: 'itm', pass }));
    expect(pending.kind).toBe('account');
    expect(pending.message).toMatch(/refused ServiceLookup for itm \(HTTP 403\)/);
    const unknown = await rejection(accessSecret(c, { user: 'nobody', pass: 'x' }, 'ise-mnt-ise-sim'));
    expect(unknown.message).toMatch(/refused AccessSecret for nobody and node ise-mnt-ise-sim \(HTTP 401\)/);
  });

  it('other statuses, bodies that are not JSON and unexpected shapes are ise-protocol', async () => {
    const px = await pxgrid();
    const c = control([at(px)]);
    const auth = { user: 'itm', pass: 'x' };
    const path = '/pxgrid/control/AccessSecret';
    const answers: Array<[number, string, RegExp]> = [
      [500, '', /pxGrid AccessSecret on localhost:\d+ answered HTTP 500/],
      [200, '<html>busy</html>', /answered with something that is not JSON/],
      [200, '{"secret":""}', /answered in an unexpected format/],
    ];
    for (const [status, body, message] of answers) {
      px.fault(path, { status, body });
      const err = await rejection(accessSecret(c, auth, 'ise-mnt-ise-sim'));
      expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'ise-protocol', exit: 4 });
      expect(err.message).toMatch(message);
    }
    expect(calls(px, 'AccessSecret')).toBe(3);
  });
});

describe('failover across ISE_HOST entries', () => {
  it('moves past a host that refuses connections', async () => {
    const px = await pxgrid();
    const made = await accountCreate(control([await dead(), at(px)]), 'itm');
    expect(made.password).toBe(px.accounts.get('itm')?.password);
  });

  it('moves past a TLS failure, then keeps using the host that answered', async () => {
    const strict = await pxgrid({ requireClientCert: true });
    const good = await pxgrid();
    const c = control([at(strict), at(good)]);
    await accountCreate(c, 'itm');
    expect(strict.tlsErrors).toHaveLength(1);
    const pass = good.accounts.get('itm')!.password!;
    expect((await accountActivate(c, { user: 'itm', pass }, 'test')).accountState).toBe('PENDING');
    expect(strict.tlsErrors).toHaveLength(1);
    expect(good.requests.map((r) => r.path)).toEqual([
      '/pxgrid/control/AccountCreate',
      '/pxgrid/control/AccountActivate',
    ]);
  });

  it('an HTTP answer is final: the next host is not asked', async () => {
    const first = await pxgrid();
    const second = await pxgrid();
    first.fault('/pxgrid/control/AccountCreate', { status: 500 });
    const err = await rejection(accountCreate(control([at(first), at(second)]), 'itm'));
    expect(err.kind).toBe('ise-protocol');
    expect(second.requests).toHaveLength(0);
  });

  it('when every host fails, a TLS failure is reported before a refused connection', async () => {
    const strict = await pxgrid({ requireClientCert: true });
    const both = await rejection(accountCreate(control([await dead(), at(strict)]), 'itm'));
    expect(both).toBeInstanceOf(TransportError);
    expect({ kind: both.kind, transport: (both as TransportError).transport }).toEqual({
      kind: 'ise-tls',
      transport: 'tls',
    });
    expect(both.message).toMatch(/requires a client certificate.*\(the other ISE_HOST entries failed too\)$/);

    const refused = await rejection(accountCreate(control([await dead(), await dead()]), 'itm'));
    expect(refused.kind).toBe('ise-unreachable');
    expect(refused.message).toMatch(/connection refused.*\(the other ISE_HOST entries failed too\)$/);
    const single = await rejection(accountCreate(control([await dead()]), 'itm'));
    expect(single.message).not.toMatch(/other ISE_HOST/);
  });

  it('the deadline is not failed over: the other hosts are not tried', async () => {
    const slow = await pxgrid();
    const other = await pxgrid();
    slow.fault('/pxgrid/control/AccountCreate', { delayMs: 20_000 });
    const err = await rejection(
      accountCreate(control([at(slow), at(other)], new Deadline(400, () => Date.now())), 'itm'),
    );
    expect(err.kind).toBe('ise-timeout');
    expect(other.requests).toHaveLength(0);
  });
});
