// fetchFailures end to end in-process: the account steps, ServiceLookup, AccessSecret and the
// streamed getFailures, against the fake pxGrid, with a real configuration and state directory.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import { PxHttp } from '../../src/pxgrid/http';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { type FailureSink, fetchFailures } from '../../src/pxgrid/session';
import { loadTls } from '../../src/pxgrid/tls';
import { loadAccount } from '../../src/state/credentials';
import { CLIENT_CN } from '../fake/pki';
import type { FakePxgrid } from '../fake/pxgrid';
import { makeFailure } from '../fake/records';
import { closedPort, inprocFixtures, rejection } from '../helpers/inproc';

const { pki, defer, pxgrid, tempDir } = inprocFixtures();
const RADIUS = '/pxgrid/ise/radius/getFailures';

/** Keeps only what the current attempt delivered, as the poll's batch does. */
class Records implements FailureSink {
  ids: string[] = [];
  resets = 0;
  reset() {
    this.ids = [];
    this.resets++;
  }
  begin() {}
  add(r: FailureRecord) {
    this.ids.push(r.id);
  }
}

function session(px: FakePxgrid, env: Record<string, string> = {}) {
  const dir = tempDir();
  const cfg = loadConfig({ baseDir: dir, env: { ISE_HOST: `localhost:${px.port}`, ISE_CA: pki.caFile, ...env } });
  const now = Date.now();
  const http = new PxHttp(loadTls(cfg.ise, now), new Deadline(60_000, () => now));
  defer(() => http.close());
  const opts = { stateDir: cfg.stateDir, description: 'ise-to-mail test' };
  return {
    cfg,
    fetch: (sink: Records, start?: string) => fetchFailures(cfg, http, opts, start, sink),
  };
}

const calls = (px: FakePxgrid, name: string) => px.requests.filter((r) => r.path.endsWith(`/${name}`));
const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000).toISOString();

describe('fetchFailures', () => {
  it('creates and stores the account on first use, then streams the records of the last hour', async () => {
    const recent = [makeFailure({}, 1), makeFailure({}, 2)];
    const old = makeFailure({ timestamp: twoHoursAgo() }, 0);
    const px = await pxgrid({ autoApprove: true, failures: [old, ...recent] });
    const { cfg, fetch } = session(px);
    const sink = new Records();
    const stats = await fetch(sink);
    expect(sink.ids).toEqual(recent.map((r) => r.id));
    expect(stats.unreadable.total).toBe(0);
    expect(Math.abs((stats.serverDate ?? 0) - Date.now())).toBeLessThan(5000);

    const stored = loadAccount(cfg.stateDir, 'ise_to_mail');
    expect(stored?.password).toBe(px.accounts.get('ise_to_mail')?.password);
    expect(statSync(join(cfg.stateDir, 'pxgrid-account.json')).mode & 0o777).toBe(0o600);
    expect(px.accounts.get('ise_to_mail')?.description).toBe('ise-to-mail test');

    const again = new Records();
    await fetch(again, '2000-01-01T00:00:00.000Z');
    expect(again.ids).toEqual([old.id, ...recent.map((r) => r.id)]);
    expect(calls(px, 'AccountCreate')).toHaveLength(1);
    expect(calls(px, 'getFailures').map((r) => r.body)).toEqual([{}, { startTimestamp: '2000-01-01T00:00:00.000Z' }]);
  });

  it('a client waiting for approval is account-pending (exit 3), with its password already stored', async () => {
    const px = await pxgrid({ failures: [makeFailure()] });
    const { cfg, fetch } = session(px);
    const err = await rejection(fetch(new Records()));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'account-pending', exit: 3 });
    expect(err.message).toMatch(/ise_to_mail is PENDING approval/);
    expect(loadAccount(cfg.stateDir, 'ise_to_mail')?.password).toBe(px.accounts.get('ise_to_mail')?.password);
    expect(calls(px, 'getFailures')).toHaveLength(0);
  });

  it('a client disabled on ISE is account-disabled before any getFailures', async () => {
    const px = await pxgrid({ autoApprove: true, failures: [makeFailure()] });
    const { fetch } = session(px);
    await fetch(new Records());
    px.disable('ise_to_mail');
    const err = await rejection(fetch(new Records()));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'account-disabled', exit: 3 });
    expect(err.message).toMatch(/ise_to_mail is DISABLED on ISE/);
    expect(calls(px, 'getFailures')).toHaveLength(1);
  });

  it('a certificate account never calls AccountCreate and stores no password', async () => {
    const px = await pxgrid({ autoApprove: true, requireClientCert: true, failures: [makeFailure()] });
    const env = { PXGRID_USER: CLIENT_CN, PXGRID_CERT: pki.clientCertFile, PXGRID_KEY: pki.clientKeyFile };
    const { cfg, fetch } = session(px, env);
    const sink = new Records();
    await fetch(sink);
    expect(sink.ids).toEqual([makeFailure().id]);
    expect(calls(px, 'AccountCreate')).toHaveLength(0);
    expect(px.accounts.get(CLIENT_CN.toLowerCase())?.kind).toBe('cert');
    expect(existsSync(join(cfg.stateDir, 'pxgrid-account.json'))).toBe(false);
  });
});

describe('fetchFailures across RADIUS service nodes', () => {
  it('moves to the next node when one cannot be reached, keeping only what that node sent', async () => {
    const down = await closedPort();
    const served = [makeFailure({}, 7)];
    const px = await pxgrid({
      autoApprove: true,
      serviceNodes: [
        { nodeName: 'mnt-down', restBaseUrl: `https://localhost:${down}/pxgrid/ise/radius` },
        { nodeName: 'mnt-b', failures: served },
      ],
    });
    const sink = new Records();
    await session(px).fetch(sink);
    expect(sink.ids).toEqual([served[0]!.id]);
    expect(sink.resets).toBe(2);
    expect(calls(px, 'AccessSecret').map((r) => r.body)).toEqual([
      { peerNodeName: 'mnt-down' },
      { peerNodeName: 'mnt-b' },
    ]);
  });

  it('when every node answers 500 the error is ise-protocol and says all of them failed', async () => {
    const px = await pxgrid({ autoApprove: true, serviceNodes: [{ nodeName: 'mnt-a' }, { nodeName: 'mnt-b' }] });
    px.fault(RADIUS, { status: 500 });
    px.fault(`/n1${RADIUS}`, { status: 500 });
    const err = await rejection(session(px).fetch(new Records()));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'ise-protocol', exit: 4 });
    expect(err.message).toMatch(/answered getFailures with HTTP 500 \(all 2 RADIUS service nodes failed\)/);
  });

  it('a node whose restBaseUrl is not https gets no secret', async () => {
    const px = await pxgrid({
      autoApprove: true,
      serviceNodes: [{ nodeName: 'mnt-plain', restBaseUrl: 'http://localhost:1/pxgrid/ise/radius' }],
    });
    const err = await rejection(session(px).fetch(new Records()));
    expect(err.kind).toBe('ise-protocol');
    expect(err.message).toMatch(/a restBaseUrl that is not https \(http:\/\/localhost:1\/pxgrid\/ise\/radius\)/);
    expect(calls(px, 'AccessSecret')).toHaveLength(0);
  });
});

describe('fetchFailures with a refused secret', () => {
  it('fetches a fresh secret once when the service node refuses it', async () => {
    const px = await pxgrid({ autoApprove: true, failures: [makeFailure()] });
    px.fault(RADIUS, { status: 401 });
    const sink = new Records();
    await session(px).fetch(sink);
    expect(sink.ids).toEqual([makeFailure().id]);
    expect(calls(px, 'AccessSecret')).toHaveLength(2);
  });

  it('refused twice although ENABLED: an account error after checking the account again', async () => {
    const px = await pxgrid({ autoApprove: true, failures: [makeFailure()] });
    px.fault(RADIUS, { status: 403, times: 2 });
    const err = await rejection(session(px).fetch(new Records()));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'account', exit: 3 });
    expect(err.message).toMatch(/refuses pxGrid client ise_to_mail \(getFailures HTTP 403\) although it is ENABLED/);
    expect(calls(px, 'AccountActivate')).toHaveLength(2);
  });
});
