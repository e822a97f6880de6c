// PxHttp against the fake pxGrid over HTTPS with the test CA: answers, retries, and how each
// transport failure is typed (the kind decides the exit code and the PROBLEM mail's subject).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/core/deadline';
import { Exit } from '../../src/core/errors';
import { type PostOptions, PxHttp } from '../../src/pxgrid/http';
import type { TlsMaterial } from '../../src/pxgrid/tls';
import { TransportError } from '../../src/pxgrid/transport-errors';
import type { FakePxgrid } from '../fake/pxgrid';
import { bodyText, closedPort, inprocFixtures, rejection } from '../helpers/inproc';

const { pki, defer, pxgrid } = inprocFixtures();
const T0 = Date.parse('2030-01-02T03:04:05Z');
/** A clock that stands still: the deadline never runs out unless a test says so. */
const still = () => T0;
const trustIse: TlsMaterial = { ca: pki.caPem, rejectUnauthorized: true };
const CREATE = '/pxgrid/control/AccountCreate';

function client(tls: TlsMaterial = trustIse, deadline = new Deadline(60_000, still)): PxHttp {
  const http = new PxHttp(tls, deadline);
  defer(() => http.close());
  return http;
}

const createUrl = (px: FakePxgrid, host = 'localhost') => `https://${host}:${px.port}${CREATE}`;
const hits = (px: FakePxgrid, path = CREATE) => px.requests.filter((r) => r.path === path).length;

async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await p;
  return { value, ms: performance.now() - start };
}

describe('PxHttp answers', () => {
  it('posts JSON with Basic auth and gives the status, the Date header and the body', async () => {
    const px = await pxgrid();
    const res = await client().post(createUrl(px), { nodeName: 'n1' }, { user: 'n1', pass: 'not-logged' });
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.date ?? '') - Date.now())).toBeLessThan(5000);
    const body = JSON.parse(await bodyText(res.body)) as { nodeName: string; password: string };
    expect(body).toMatchObject({ nodeName: 'n1', password: px.accounts.get('n1')?.password });
    expect(px.requests).toMatchObject([{ method: 'POST', path: CREATE, user: 'n1', body: { nodeName: 'n1' } }]);
  });

  it('returns a 4xx answer as it is, once', async () => {
    const px = await pxgrid();
    px.fault(CREATE, { status: 404, body: 'gone' });
    const res = await client().post(createUrl(px), {});
    expect({ status: res.status, body: await bodyText(res.body), hits: hits(px) }).toEqual({
      status: 404,
      body: 'gone',
      hits: 1,
    });
  });
});

// Each waits 1-3 s of real backoff, so they run side by side, each with its own fake.
describe.concurrent('PxHttp retries', () => {
  async function setup(onTestFinished: (fn: () => Promise<void> | void) => void, deadline?: Deadline) {
    const f = inprocFixtures(onTestFinished);
    const px = await f.pxgrid();
    const http = new PxHttp(trustIse, deadline ?? new Deadline(60_000, still));
    onTestFinished(() => http.close());
    return { px, post: (opts?: PostOptions) => timed(http.post(createUrl(px), { nodeName: 'n1' }, undefined, opts)) };
  }

  it('retries 504 and 502 with doubling waits', async ({ expect, onTestFinished }) => {
    const { px, post } = await setup(onTestFinished);
    px.fault(CREATE, { status: 504 });
    px.fault(CREATE, { status: 502 });
    const { value: res, ms } = await post();
    expect({ status: res.status, hits: hits(px), created: px.accounts.has('n1') }).toEqual({
      status: 200,
      hits: 3,
      created: true,
    });
    // 1 s before the second attempt, 2 s before the third.
    expect(ms).toBeGreaterThanOrEqual(2900);
  });

  it('returns the last 5xx answer when the three attempts run out', async ({ expect, onTestFinished }) => {
    const { px, post } = await setup(onTestFinished);
    px.fault(CREATE, { status: 503, times: 5 });
    const { value: res } = await post();
    expect({ status: res.status, hits: hits(px) }).toEqual({ status: 503, hits: 3 });
  });

  it('gives the good answer that follows a 503', async ({ expect, onTestFinished }) => {
    const { px, post } = await setup(onTestFinished);
    px.fault(CREATE, { status: 503 });
    const { value: res } = await post();
    expect({ status: res.status, hits: hits(px) }).toEqual({ status: 200, hits: 2 });
  });

  it('retries a connection dropped without an answer', async ({ expect, onTestFinished }) => {
    const { px, post } = await setup(onTestFinished);
    px.fault(CREATE, { destroy: true });
    const { value: res } = await post();
    expect({ status: res.status, hits: hits(px), created: px.accounts.has('n1') }).toEqual({
      status: 200,
      hits: 2,
      created: true,
    });
  });

  it('with statusIsFinal a 503 is the answer', async ({ expect, onTestFinished }) => {
    const { px, post } = await setup(onTestFinished);
    px.fault(CREATE, { status: 503, times: 3 });
    const { value: res } = await post({ statusIsFinal: true });
    expect({ status: res.status, hits: hits(px) }).toEqual({ status: 503, hits: 1 });
  });

  it('does not retry when the wait and another attempt would not fit in the deadline', async ({
    expect,
    onTestFinished,
  }) => {
    const { px, post } = await setup(onTestFinished, new Deadline(2500, still));
    px.fault(CREATE, { status: 503, times: 3 });
    const { value: res, ms } = await post();
    expect({ status: res.status, hits: hits(px) }).toEqual({ status: 503, hits: 1 });
    expect(ms).toBeLessThan(900);
  });
});

describe('PxHttp failures carry their kind', () => {
  it('sends nothing once the deadline has passed', async () => {
    const px = await pxgrid();
    const err = await rejection(client(trustIse, new Deadline(0, still)).post(createUrl(px), {}));
    expect(err).toBeInstanceOf(TransportError);
    expect({ kind: err.kind, transport: (err as TransportError).transport, exit: err.exitCode }).toEqual({
      kind: 'ise-timeout',
      transport: 'deadline',
      exit: Exit.ise,
    });
    expect(err.message).toMatch(/RUN_DEADLINE/);
    expect(px.requests).toHaveLength(0);
  });

  it('ends at the deadline while ISE is silent', async () => {
    const px = await pxgrid();
    px.fault(CREATE, { delayMs: 20_000 });
    const http = client(trustIse, new Deadline(400, () => Date.now()));
    const start = performance.now();
    const err = await rejection(http.post(createUrl(px), {}));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(err.kind).toBe('ise-timeout');
    expect(err.message).toMatch(/reached RUN_DEADLINE before ISE answered/);
  });

  it('a refused connection is ise-unreachable and names the endpoint, never the password', async () => {
    const port = await closedPort();
    const err = await rejection(
      client().post(`https://localhost:${port}${CREATE}`, {}, { user: 'u', pass: 'pw-Secret-9' }),
    );
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'ise-unreachable', exit: Exit.ise });
    expect(err.message).toContain(`cannot talk to pxGrid at localhost:${port}: connection refused`);
    expect(err.message).not.toContain('pw-Secret-9');
  });

  it('a server certificate from another CA is ise-tls and points at ISE_CA', async () => {
    const px = await pxgrid();
    const err = await rejection(
      client({ ca: readFileSync(pki.wrongCaFile, 'utf8'), rejectUnauthorized: true }).post(createUrl(px), {}),
    );
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'ise-tls', exit: Exit.ise });
    expect(err.message).toMatch(/TLS verification failed \(\w+\): ISE_CA does not hold the CA/);
    expect(px.requests).toHaveLength(0);
  });

  it('a certificate that does not name the host is ise-tls and asks for the FQDN', async () => {
    const px = await pxgrid();
    const err = await rejection(client().post(createUrl(px, '127.0.0.1'), {}));
    expect(err.kind).toBe('ise-tls');
    expect(err.message).toMatch(/does not name this host; put the FQDN/);
    expect(px.requests).toHaveLength(0);
  });

  it('mutual TLS: no client certificate, a rejected one, and the right one', async () => {
    const px = await pxgrid({ requireClientCert: true });
    const none = await rejection(client().post(createUrl(px), {}));
    expect(none.kind).toBe('ise-tls');
    expect(none.message).toMatch(/requires a client certificate: set PXGRID_CERT and PXGRID_KEY/);
    const wrong: TlsMaterial = {
      ...trustIse,
      cert: readFileSync(pki.wrongClientCertFile, 'utf8'),
      key: readFileSync(pki.wrongClientKeyFile, 'utf8'),
    };
    const rejected = await rejection(client(wrong).post(createUrl(px), {}));
    expect(rejected.kind).toBe('ise-tls');
    expect(rejected.message).toMatch(/ISE rejected the client certificate PXGRID_CERT/);
    expect(px.requests).toHaveLength(0);
    const right = {
      ...trustIse,
      cert: readFileSync(pki.clientCertFile, 'utf8'),
      key: readFileSync(pki.clientKeyFile, 'utf8'),
    };
    const res = await client(right).post(createUrl(px), { nodeName: 'n1' });
    expect(res.status).toBe(200);
    expect(hits(px)).toBe(1);
  });
});
