// Watching the watcher (README "health"): PROBLEM / RECOVERED / all-quiet mails, through the CLI
// in-process (real fake pxGrid and SMTP) driven through simulated time with ISE_TO_MAIL_TEST_NOW.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeHealth } from '../../src/health/health-record';
import { makeFailure } from '../fake/records';
import { simStart } from '../helpers/sim-start';
import { type RunResult, startWorld, type World } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
// The simulated clock starts at the real time: the fake ISE's HTTP Date header (which seeds the
// cursor on a first empty poll) is real time.
const T0 = simStart(Math.floor(Date.now() / MIN) * MIN);

interface Sim {
  w: World;
  at(offsetMs: number, extra?: Record<string, string>, args?: string[]): Promise<RunResult>;
  failureAt(offsetMs: number, user: string): void;
  subjects(): string[];
  health(): Record<string, unknown> | undefined;
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

async function sim(env: Record<string, string> = {}): Promise<Sim> {
  let now = T0;
  const w = await startWorld({ ise: { now: () => now } });
  cleanups.push(() => w.close());
  let seq = 0;
  const healthFile = join(w.stateDir, 'health.json');
  return {
    w,
    at: (offsetMs, extra = {}, args = []) => {
      now = T0 + offsetMs;
      return w.runInProcess(args, { ...env, ISE_TO_MAIL_TEST_NOW: String(now), ...extra });
    },
    failureAt: (offsetMs, user) =>
      w.ise.addFailures(makeFailure({ timestamp: new Date(T0 + offsetMs).toISOString(), userName: user }, ++seq)),
    subjects: () => w.smtp.messages.map((m) => m.parsed.subject ?? ''),
    health: () =>
      existsSync(healthFile) ? (JSON.parse(readFileSync(healthFile, 'utf8')) as Record<string, unknown>) : undefined,
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** A port nothing listens on: ISE "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An SMTP server that is "down": accepts each connection and hangs up without a greeting (a relay
 * dead behind its load balancer); counts attempts. Not a 421: a 4xx is transient and retried within
 * the run (README "Delivery guarantee"), which would only multiply the count by the retry policy.
 */
async function deadSmtp(): Promise<{ port: number; attempts: () => number }> {
  let attempts = 0;
  const server = createServer((socket) => {
    attempts++;
    socket.end();
  });
  const port = await listen(server);
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port, attempts: () => attempts };
}

/** `YYYY-MM-DD HH:MM` of a simulated instant: runs record their real start, a little after it. */
const minute = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 16);
/** A text part with its 78-column wrapping undone, to match sentences. */
const flat = (text: string | undefined) => (text ?? '').replace(/\n +/g, ' ').replace(/(\S)\n(?=[a-z(])/g, '$1 ');
/** The stored ISO time is this simulated instant plus the run's start-up (< 5 s). */
const near = (iso: unknown, t: number) => {
  const d = Date.parse(String(iso)) - t;
  expect(d >= 0 && d < 5000, `${String(iso)} is not just after ${new Date(t).toISOString()}`).toBe(true);
};

const expectRun = (r: RunResult, code: number, summary: RegExp) => {
  expect({ code: r.code, summary: r.summary }).toMatchObject({ code, summary: expect.stringMatching(summary) });
};

describe('health mails, through the CLI with a simulated clock', () => {
  it('ISE down: one PROBLEM mail after 30 min, one repeat a day later, then RECOVERED with the backlog ' +
    'once', async () => {
    const s = await sim();
    const down = { ISE_HOST: `localhost:${await closedPort()}` };
    expectRun(await s.at(0), 0, /^ise-to-mail: OK no new failures$/);
    for (const m of [10, 20, 30]) {
      const r = await s.at(m * MIN, down);
      expectRun(r, 4, /^ise-to-mail: ERROR cannot talk to pxGrid .*connection refused/);
      expect(r.summary).not.toMatch(/problem mail/);
    }
    expect(s.w.smtp.messages).toHaveLength(0);
    expectRun(await s.at(40 * MIN, down), 4, /failing since \S+ \(4 runs\): problem mail sent$/);
    expectRun(
      await s.at(50 * MIN, down),
      4,
      /that pxGrid is enabled on that node \(Administration > System > Deployment\)$/,
    );
    expect(s.subjects()).toEqual([
      expect.stringMatching(/^\[ISE\] ise-to-mail PROBLEM: cannot reach ISE since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
    ]);
    const problem = s.w.smtp.messages[0]!.parsed;
    // The alarm's first line: failures are not being mailed, and since when.
    expect(problem.text?.split('\n')[0]).toMatch(
      new RegExp(
        '^PROBLEM: RADIUS failures are NOT being mailed since ' +
          `\\d+ \\w{3} \\d{4}, ${minute(T0 + 10 * MIN).slice(11)}:\\d\\d$`,
      ),
    );
    expect(flat(problem.text)).toContain('What broke: cannot reach ISE (exit code 4).');
    expect(flat(problem.text)).toMatch(
      /Reason and remedy: cannot talk to pxGrid at localhost:\d+: connection refused; check ISE_HOST and PXGRID_PORT/,
    );
    // The port in use, not the default 8910.
    expect(flat(problem.text)).toMatch(/PXGRID_PORT \((?!8910)\d+ here\)/);
    expect(flat(problem.text)).toContain('4 runs failed in a row');
    expect(String(problem.html)).toMatch(/<b>|RADIUS failures are NOT being mailed since/);

    // Failures happen on ISE while ise-to-mail cannot see them.
    s.failureAt(15 * MIN, 'gap-alice');
    s.failureAt(20 * HOUR, 'gap-bob');
    expectRun(await s.at(50 * MIN + 25 * HOUR, down), 4, /problem mail sent$/);
    expectRun(
      await s.at(60 * MIN + 25 * HOUR, down),
      4,
      /that pxGrid is enabled on that node \(Administration > System > Deployment\)$/,
    );
    expect(s.subjects()).toHaveLength(2);
    expect(s.subjects()[1]).toMatch(/PROBLEM: cannot reach ISE since/);
    expect(s.health()).toMatchObject({ failedRuns: 7 });
    near(s.health()?.firstFailure, T0 + 10 * MIN);
    near(s.health()?.problemMailed, T0 + 50 * MIN + 25 * HOUR);

    // ISE is back: the backlog comes once, with the RECOVERED note at its top.
    expectRun(
      await s.at(70 * MIN + 25 * HOUR),
      0,
      /^ise-to-mail: OK 2 new failures mailed to 2 recipients .*; recovery note included$/,
    );
    expect(s.subjects()).toHaveLength(3);
    const digest = s.w.smtp.messages[2]!.parsed;
    expect(digest.subject).toMatch(/^\[ISE\] ise-to-mail RECOVERED; 2 RADIUS failures, 2 users/);
    expect(flat(digest.text)).toMatch(
      /^RECOVERED: ise-to-mail is working again since .* UTC\nIt had failed since .* \(7 failed runs, cannot reach ISE; last error: cannot talk/,
    );
    expect(flat(digest.text)).toContain('The 2 RADIUS failures ISE recorded meanwhile are in this mail.');
    expect(digest.text).toContain('gap-alice');
    expect(digest.text).toContain('gap-bob');
    // The RECOVERED card comes first, above the digest's card.
    const html = String(digest.html);
    expect(html.indexOf('ise-to-mail is working again')).toBeGreaterThan(0);
    expect(html.indexOf('ise-to-mail is working again')).toBeLessThan(html.indexOf('RADIUS authentication failures'));
    expect(s.health()).toMatchObject({ failedRuns: 0, problemMailed: null, firstFailure: null });
    near(s.health()?.lastSuccess, T0 + 70 * MIN + 25 * HOUR);

    expectRun(await s.at(80 * MIN + 25 * HOUR), 0, /^ise-to-mail: OK no new failures$/);
    expect(s.subjects()).toHaveLength(3);
    const lines = describeHealth(s.w.stateDir, T0 + 90 * MIN + 25 * HOUR);
    expect(lines[0]).toMatch(/^health: last successful poll \S+ \(20 min ago\), 0 failed runs in a row$/);
    expect(lines.join('\n')).toMatch(/health: last error .* \(exit 4\): cannot talk to pxGrid/);
  }, 30_000);

  it('account DISABLED on ISE: PROBLEM names it; re-enabled with nothing new: a separate RECOVERED mail', async () => {
    const s = await sim({ HEALTH_ALERT_AFTER: '20m' });
    expectRun(await s.at(0), 0, /OK no new failures/);
    s.w.ise.disable('ise_to_mail');
    expectRun(await s.at(10 * MIN), 3, /^ise-to-mail: ERROR pxGrid client ise_to_mail is DISABLED on ISE/);
    expectRun(await s.at(20 * MIN), 3, /DISABLED/);
    expectRun(await s.at(30 * MIN), 3, /problem mail sent$/);
    expect(s.subjects()).toEqual([
      expect.stringMatching(/^\[ISE\] ise-to-mail PROBLEM: pxGrid account DISABLED on ISE since .* UTC$/),
    ]);
    expect(flat(s.w.smtp.messages[0]!.parsed.text)).toContain('an ISE admin must enable it');
    s.w.ise.approve('ise_to_mail');
    expectRun(await s.at(40 * MIN), 0, /^ise-to-mail: OK no new failures; recovery mail sent$/);
    expect(s.subjects()[1]).toMatch(/^\[ISE\] ise-to-mail RECOVERED: working again since .* UTC$/);
    expect(flat(s.w.smtp.messages[1]!.parsed.text)).toContain('ISE holds no new RADIUS failures from that time');
    expectRun(await s.at(50 * MIN), 0, /^ise-to-mail: OK no new failures$/);
    expect(s.subjects()).toHaveLength(2);
  }, 30_000);

  it('SMTP down: one connection per run (the digest), the summary says why no problem mail; back: digest with ' +
    'RECOVERED', async () => {
    const s = await sim();
    const smtp = await deadSmtp();
    const dead = { SMTP_PORT: String(smtp.port) };
    s.failureAt(-5 * MIN, 'carol');
    for (const m of [0, 10, 20])
      expectRun(
        await s.at(m * MIN, dead),
        5,
        /^ise-to-mail: ERROR mail not delivered via 127\.0\.0\.1:\d+ .*next run$/,
      );
    for (const m of [30, 40]) {
      expectRun(
        await s.at(m * MIN, dead),
        5,
        /failing since \S+ \(\d runs\): no problem mail, the mail server itself is what fails; retried next run$/,
      );
    }
    expect(smtp.attempts()).toBe(5);
    expect(s.w.cursor()).toBeUndefined();
    expectRun(await s.at(50 * MIN), 0, /OK 1 new failure mailed .*; recovery note included$/);
    expect(s.subjects()).toEqual([expect.stringMatching(/^\[ISE\] ise-to-mail RECOVERED; 1 RADIUS failure/)]);
    expect(flat(s.w.smtp.messages[0]!.parsed.text)).toMatch(
      /5 failed runs, cannot deliver mail; last error: mail not delivered/,
    );
  }, 30_000);

  it('ISE and SMTP both down: one problem-mail attempt per run once due, no more', async () => {
    const s = await sim();
    const smtp = await deadSmtp();
    const down = { ISE_HOST: `localhost:${await closedPort()}`, SMTP_PORT: String(smtp.port) };
    expectRun(await s.at(0), 0, /OK no new failures/);
    for (const m of [10, 20, 30])
      expectRun(
        await s.at(m * MIN, down),
        4,
        /that pxGrid is enabled on that node \(Administration > System > Deployment\)$/,
      );
    expect(smtp.attempts()).toBe(0);
    for (const m of [40, 50]) {
      expectRun(
        await s.at(m * MIN, down),
        4,
        /problem mail not delivered either \(mail not delivered via 127\.0\.0\.1:\d+ .*\); retried next run$/,
      );
    }
    expect(smtp.attempts()).toBe(2);
    expect(s.health()).toMatchObject({ failedRuns: 5, problemMailed: null });
  }, 30_000);

  it('HEARTBEAT=daily without failures: one all-quiet mail a day, anchored so it does not drift', async () => {
    const s = await sim({ HEARTBEAT: 'daily' });
    expectRun(await s.at(0), 0, /^ise-to-mail: OK no new failures$/);
    expectRun(await s.at(12 * HOUR), 0, /^ise-to-mail: OK no new failures$/);
    expectRun(await s.at(24 * HOUR + 7 * MIN), 0, /^ise-to-mail: OK no new failures; all-quiet heartbeat sent$/);
    expectRun(await s.at(24 * HOUR + 17 * MIN), 0, /^ise-to-mail: OK no new failures$/);
    expectRun(await s.at(48 * HOUR + 2 * MIN), 0, /heartbeat sent$/);
    // The second period starts at the first one's slot (T0 + 24 h), not at the run 7 min later.
    expect(s.subjects()).toEqual([
      expect.stringMatching(
        new RegExp(`^\\[ISE\\] ise-to-mail all quiet: no RADIUS failures since ${minute(T0)}:\\d\\d UTC$`),
      ),
      expect.stringMatching(
        new RegExp(`^\\[ISE\\] ise-to-mail all quiet: no RADIUS failures since ${minute(T0 + 24 * HOUR)}:\\d\\d UTC$`),
      ),
    ]);
    expect(flat(s.w.smtp.messages[0]!.parsed.text)).toContain('once a day (HEARTBEAT=daily)');
  }, 30_000);

  it('HEARTBEAT=daily with failures mailed: no heartbeat until a whole day is quiet', async () => {
    const s = await sim({ HEARTBEAT: 'daily' });
    expectRun(await s.at(0), 0, /OK no new failures/);
    s.failureAt(12 * HOUR - MIN, 'dave');
    expectRun(await s.at(12 * HOUR), 0, /OK 1 new failure mailed/);
    expectRun(await s.at(24 * HOUR + 5 * MIN), 0, /^ise-to-mail: OK no new failures$/);
    expect(s.subjects()).toHaveLength(1);
    expectRun(await s.at(36 * HOUR + 5 * MIN), 0, /heartbeat sent$/);
    expect(s.subjects()[1]).toMatch(/all quiet: no RADIUS failures since .* UTC$/);
  }, 30_000);

  it('--dry-run, --since backfills and lock conflicts leave the health record alone; quiet runs do not ' +
    'rewrite it', async () => {
    const s = await sim();
    const down = { ISE_HOST: `localhost:${await closedPort()}` };
    expectRun(await s.at(0, {}, ['--dry-run']), 0, /dry run|no new failures/);
    expect(s.health()).toBeUndefined();
    expectRun(await s.at(MIN), 0, /OK no new failures/);
    const file = join(s.w.stateDir, 'health.json');
    const written = { text: readFileSync(file, 'utf8'), ino: statSync(file).ino };
    expectRun(await s.at(11 * MIN), 0, /OK no new failures/);
    for (let i = 0; i < 5; i++)
      expectRun(await s.at((20 + i * 10) * MIN, down, ['--dry-run']), 4, /connection refused/);
    expectRun(await s.at(80 * MIN, down, ['--since', '2h']), 4, /connection refused/);
    writeFileSync(
      join(s.w.stateDir, 'run.lock'),
      JSON.stringify({ pid: process.pid, started: new Date(T0 + 85 * MIN).toISOString() }),
    );
    expectRun(await s.at(86 * MIN, down), 6, /another run/);
    expect({ text: readFileSync(file, 'utf8'), ino: statSync(file).ino }).toEqual(written);
    expect(s.w.smtp.messages).toHaveLength(0);
  }, 30_000);

  it('a corrupt health record does not stop the alerts: failures are mailed, then exit 2 names the file', async () => {
    const s = await sim();
    mkdirSync(s.w.stateDir, { recursive: true });
    writeFileSync(join(s.w.stateDir, 'health.json'), '{"version":1,');
    s.failureAt(-MIN, 'erin');
    const r = await s.at(0);
    expectRun(
      r,
      2,
      /^ise-to-mail: ERROR 1 new failure mailed to 2 recipients .*; but state file .*health\.json is corrupt \(not JSON\); delete it to reset/,
    );
    expect(s.subjects()).toHaveLength(1);
    expect(s.w.cursor()).toMatchObject({ version: 1 });
  }, 30_000);
});
