// End-to-end (dist/run.js) tests of controller/service-node failover, secret refresh, service
// lookup quirks and timeouts.
import { describe, expect, it } from 'vitest';
import { makeFailures } from '../fake/records';
import { calls, expectFailure } from '../helpers/pxgrid-e2e';
import { startWorld, type World } from '../helpers/world';

const DEAD = 'https://localhost:1/pxgrid/ise/radius';
let w: World | undefined;

const mailed = (r: { code: number; summary: string }, n: number) => {
  expect(r.code).toBe(0);
  expect(r.summary).toMatch(new RegExp(`^ise-to-mail: OK ${n} new failures? mailed to 2 recipients`));
};

describe('service nodes', () => {
  it(
    'two nodes, the first refusing connections: the second (a ~-prefixed name) serves, each with its own ' + 'secret',
    async () => {
      w = await startWorld({
        ise: {
          serviceNodes: [{ nodeName: '~ise-mnt-dead', restBaseUrl: DEAD }, { nodeName: '~ise-mnt-ise-2' }],
          failures: makeFailures(4),
        },
      });
      mailed(await w.run(), 4);
      const peers = w.ise.requests
        .filter((r) => r.path.endsWith('/AccessSecret'))
        .map((r) => (r.body as { peerNodeName: string }).peerNodeName);
      expect(peers).toEqual(['~ise-mnt-dead', '~ise-mnt-ise-2']);
      expect(w.smtp.messages).toHaveLength(1);
    },
  );

  it('all nodes dead: exit 4, cursor untouched', async () => {
    w = await startWorld({
      ise: {
        serviceNodes: [
          { nodeName: 'a', restBaseUrl: DEAD },
          { nodeName: 'b', restBaseUrl: 'https://localhost:2/x' },
        ],
        failures: makeFailures(1),
      },
    });
    expectFailure(await w.run(), 4, 'connection refused', 'all 2 RADIUS service nodes failed');
    expect(w.cursor()).toBeUndefined();
  });

  it('a restBaseUrl that is not https is refused: the secret is never sent in clear', async () => {
    w = await startWorld({
      ise: {
        serviceNodes: [{ nodeName: 'plain', restBaseUrl: 'http://localhost:1/pxgrid/ise/radius' }],
        failures: makeFailures(1),
      },
    });
    expectFailure(await w.run(), 4, 'not https', 'refusing to send credentials');
    expect(calls(w, 'AccessSecret')).toBe(0);
  });

  it('a service answering 401 once (stale secret): one fresh AccessSecret, then success', async () => {
    w = await startWorld({ ise: { failures: makeFailures(2) } });
    w.ise.fault('/pxgrid/ise/radius/getFailures', { status: 401 });
    mailed(await w.run(), 2);
    expect(calls(w, 'AccessSecret')).toBe(2);
    expect(calls(w, 'getFailures')).toBe(2);
  });

  it('a service refusing twice: bounded, re-checks the account and says ENABLED but refused (exit 3)', async () => {
    w = await startWorld({ ise: { failures: makeFailures(2) } });
    w.ise.fault('/pxgrid/ise/radius/getFailures', { status: 403, times: 5 });
    expectFailure(
      await w.run(),
      3,
      'refuses pxGrid client ise_to_mail (getFailures HTTP 403) although it is ENABLED',
      'Client Management > Policy',
    );
    expect(calls(w, 'getFailures')).toBe(2);
    expect(calls(w, 'AccountActivate')).toBe(2);
    expect(w.smtp.messages).toHaveLength(0);
  });

  it('secrets rotated on ISE between runs: the next run simply works (no secret is cached)', async () => {
    w = await startWorld({ ise: { failures: makeFailures(1) } });
    mailed(await w.run(), 1);
    w.ise.rotateSecrets();
    w.ise.addFailures(...makeFailures(1, { start: Date.now() - 1000, seed: 7 }).map((f) => ({ ...f, id: '9' })));
    mailed(await w.run(), 1);
  });

  it('empty services: exit 4 naming the MnT node and the ISE pages', async () => {
    w = await startWorld({ ise: { serviceNodes: [] } });
    expectFailure(
      await w.run(),
      4,
      'ISE offers no com.cisco.ise.radius service',
      'Administration > System > Deployment',
      'Administration > pxGrid Services > Diagnostics',
    );
  });

  it.each(['restBaseURL', 'both'] as const)('restBaseUrl property casing: %s', async (urlProperty) => {
    w = await startWorld({
      ise: { serviceNodes: [{ nodeName: 'ise-mnt-ise24', urlProperty }], failures: makeFailures(1) },
    });
    mailed(await w.run(), 1);
  });
});

describe('controllers and time limits', () => {
  it('ISE_HOST=a,b with the first dead: the second answers', async () => {
    w = await startWorld({ ise: { failures: makeFailures(1) } });
    mailed(await w.run([], { ISE_HOST: `localhost:1,localhost:${w.ise.port}` }), 1);
  });

  it('ISE_HOST=a,b both dead: exit 4 naming the first', async () => {
    w = await startWorld();
    expectFailure(
      await w.run([], { ISE_HOST: 'localhost:1,localhost:2' }),
      4,
      'localhost:1',
      'connection refused',
      'the other ISE_HOST entries failed too',
    );
  });

  it('ISE_HOST=a,b, a dead and b with an untrusted certificate: the TLS cause is the one reported', async () => {
    w = await startWorld();
    expectFailure(
      await w.run([], { ISE_HOST: `localhost:1,localhost:${w.ise.port}`, ISE_CA: w.pki.wrongCaFile }),
      4,
      `localhost:${w.ise.port}`,
      'TLS verification failed',
      'the other ISE_HOST entries failed too',
    );
  });

  it('a slow ISE: exit 4 at RUN_DEADLINE with a clear line, well before the request would finish', async () => {
    w = await startWorld();
    w.ise.fault('/pxgrid/control/AccountActivate', { delayMs: 30_000 });
    const t0 = Date.now();
    const r = await w.run([], { RUN_DEADLINE: '5s' });
    expectFailure(r, 4, 'reached RUN_DEADLINE before ISE answered', 'cursor is unchanged');
    expect(Date.now() - t0).toBeLessThan(9000);
  });

  it('a slow service node: the deadline also bounds getFailures', async () => {
    w = await startWorld({ ise: { failures: makeFailures(1) } });
    w.ise.fault('/pxgrid/ise/radius/getFailures', { delayMs: 30_000 });
    const t0 = Date.now();
    expectFailure(await w.run([], { RUN_DEADLINE: '5s' }), 4, 'RUN_DEADLINE');
    expect(Date.now() - t0).toBeLessThan(9000);
    expect(w.smtp.messages).toHaveLength(0);
  });
});
