// every failure mailed exactly once, nothing lost, under cron and crashes.
// Through dist/run.js against the fake pxGrid and a real SMTP server.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatTimestamp, makeFailure } from '../fake/records';
import { startWorld, type World, type WorldOptions } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
// Each user once per mail: a mail names a lone user again in its Live Logs filter.
const users = (i: number) => [...new Set(w!.smtp.messages[i]?.parsed.text?.match(/\bu-\d+/g))].sort();
const rec = (n: number, t: number, offset?: number) =>
  makeFailure({ userName: `u-${n}`, timestamp: formatTimestamp(t, offset) }, n);
const world = async (o: WorldOptions = {}) => (w = await startWorld(o));

describe('cursor model', () => {
  test.each(['asc', 'desc'] as const)(
    'identical timestamps split across polls, late records, order %s',
    async (order) => {
      await world({ ise: { order } });
      const t = Date.now() - 5 * MIN;
      w!.ise.setFailures([rec(1, t), rec(2, t - MIN)]);
      expect((await w!.run()).code).toBe(0);
      expect(users(0)).toEqual(['u-1', 'u-2']);
      // ISE makes more records visible late: one with the same timestamp as the newest mailed,
      // one older than the high-water mark (within the overlap window).
      w!.ise.addFailures(rec(3, t), rec(4, t - 3 * MIN));
      const r = await w!.run();
      expect(r.summary).toMatch(/OK 2 new failures mailed/);
      expect(users(1)).toEqual(['u-3', 'u-4']);
      expect((await w!.run()).summary).toBe('ise-to-mail: OK no new failures');
      expect(w!.smtp.messages).toHaveLength(2);
    },
  );

  test('mixed offsets compare as instants; the cursor keeps ids as digit strings', async () => {
    await world();
    const t = Date.now() - 10 * MIN;
    w!.ise.setFailures([rec(1, t, -7 * 60), rec(2, t - MIN), rec(3, t - 2 * MIN, 330)]);
    const r = await w!.run();
    expect(r.summary).toContain(`(newest ${new Date(t).toISOString()})`);
    const cursor = w!.cursor() as { version: number; highWater: string; seen: [string, string][] };
    expect(cursor.version).toBe(1);
    expect(cursor.highWater).toBe(new Date(t).toISOString());
    expect(cursor.seen.map((s) => s[0]).every((id) => /^\d{16}$/.test(id))).toBe(true);
    w!.ise.addFailures(rec(4, t - 5 * MIN, 60));
    expect((await w!.run()).summary).toMatch(/OK 1 new failure mailed/);
    expect(users(1)).toEqual(['u-4']);
  });

  test('SMTP down then back: the backlog is mailed once', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - 3 * MIN)]);
    const down = await w!.run([], { SMTP_PORT: '1' });
    expect(down.code).toBe(5);
    expect(down.summary).toMatch(/^ise-to-mail: ERROR mail not delivered .*sent again on the next run/);
    w!.ise.addFailures(rec(2, Date.now() - MIN));
    expect((await w!.run([], { SMTP_PORT: '1' })).code).toBe(5);
    expect(w!.cursor()).toBeUndefined();
    expect((await w!.run()).summary).toMatch(/OK 2 new failures mailed/);
    expect((await w!.run()).summary).toBe('ise-to-mail: OK no new failures');
    expect(w!.smtp.messages).toHaveLength(1);
  });

  test('a transient SMTP 451 is retried within the run', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - MIN)]);
    w!.smtp.failNext(1, 451, 'greylisted, try again later');
    const r = await w!.run();
    expect(r.code).toBe(0);
    expect(w!.smtp.messages).toHaveLength(1);
  });
});

describe('crashes', () => {
  const crashCase = async (phase: 'after-fetch' | 'during-send' | 'after-send') => {
    await world({
      smtp: {
        beforeRcpt: async () => {
          if (phase !== 'during-send' || w!.smtp.messages.length > 0 || !crashing) return;
          crashing = false;
          const { pid } = JSON.parse(readFileSync(join(w!.stateDir, 'run.lock'), 'utf8')) as { pid: number };
          process.kill(pid, 'SIGKILL');
          await new Promise((r) => setTimeout(r, 200));
        },
      },
    });
    let crashing = true;
    w!.ise.setFailures([rec(1, Date.now() - 4 * MIN), rec(2, Date.now() - 2 * MIN)]);
    const env = phase === 'during-send' ? {} : { ISE_TO_MAIL_TEST_CRASH: phase };
    const killed = await w!.run([], env);
    expect(killed.code).not.toBe(0);
    expect(killed.summary).toBe(''); // killed: no summary line at all
    w!.ise.addFailures(rec(3, Date.now() - MIN));
    const next = await w!.run();
    expect(next.code).toBe(0);
    return w!.smtp.messages.map((m) => [...new Set(m.parsed.text?.match(/\bu-\d+/g))].sort());
  };

  test('killed after fetch: nothing lost, nothing duplicated', async () => {
    expect(await crashCase('after-fetch')).toEqual([['u-1', 'u-2', 'u-3']]);
  });

  test('killed during the SMTP transaction: nothing lost, nothing duplicated', async () => {
    expect(await crashCase('during-send')).toEqual([['u-1', 'u-2', 'u-3']]);
  });

  test(
    'killed after the mail was accepted, before the cursor was written: mailed again (the only duplicate ' + 'case)',
    async () => {
      expect(await crashCase('after-send')).toEqual([
        ['u-1', 'u-2'],
        ['u-1', 'u-2', 'u-3'],
      ]);
    },
  );
});

describe('state, lock and deadline', () => {
  test('two runs started together: one polls, the other exits 6 naming the holder', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - MIN)]);
    w!.ise.fault('/pxgrid/ise/radius/getFailures', { delayMs: 1500 });
    const [a, b] = await Promise.all([w!.run(), new Promise((r) => setTimeout(r, 400)).then(() => w!.run())]);
    expect([a.code, b.code].sort()).toEqual([0, 6]);
    const loser = a.code === 6 ? a : b;
    expect(loser.summary).toMatch(/^ise-to-mail: WARN another run \(pid \d+, started .*\) holds .*run\.lock/);
    expect(w!.smtp.messages).toHaveLength(1);
    expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(false);
  });

  test('a lock left by a dead process is taken over', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - MIN)]);
    expect((await w!.run([], { ISE_TO_MAIL_TEST_CRASH: 'after-fetch' })).code).not.toBe(0);
    expect(existsSync(join(w!.stateDir, 'run.lock'))).toBe(true);
    expect((await w!.run()).code).toBe(0);
  });

  test('corrupt state: exit 2 naming the file and the fix, file kept; --reset-cursor starts fresh', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - MIN)]);
    expect((await w!.run()).code).toBe(0);
    const file = join(w!.stateDir, 'cursor.json');
    writeFileSync(file, '{"version":1,"highWa');
    const r = await w!.run();
    expect(r.code).toBe(2);
    expect(r.summary).toBe(
      `ise-to-mail: ERROR state file ${file} is corrupt (not JSON); run once with --reset-cursor to start fresh ` +
        `(as on a first run: the last hour is mailed again)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"highWa');
    const reset = await w!.run(['--reset-cursor']);
    expect(reset.summary).toMatch(/OK 1 new failure mailed/);
    expect((w!.cursor() as { version: number }).version).toBe(1);
  });

  test('deadline overrun against a slow ISE: ERROR line, exit 4, cursor untouched, on time', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - MIN)]);
    w!.ise.fault('/pxgrid/ise/radius/getFailures', { delayMs: 15_000 });
    const t0 = Date.now();
    const r = await w!.run([], { RUN_DEADLINE: '5s' });
    expect(Date.now() - t0).toBeLessThan(9000);
    expect(r.code).toBe(4);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR the run reached RUN_DEADLINE .*cursor is unchanged/);
    expect(w!.cursor()).toBeUndefined();
  });
});

describe('--since, --dry-run, --reset-cursor', () => {
  test('--since mails what it finds from that point, already mailed or not, and leaves the cursor alone', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - 3 * 60 * MIN), rec(2, Date.now() - 30 * MIN)]);
    expect((await w!.run()).summary).toMatch(/OK 1 new failure/);
    const before = readFileSync(join(w!.stateDir, 'cursor.json'), 'utf8');
    const r = await w!.run(['--since', '4h']);
    // Honest labels: a backfill may mail failures mailed before, so neither the subject nor the summary says "new".
    expect(r.summary).toMatch(/OK 2 failures backfilled, mailed to 2 recipients .*\(backfill: cursor unchanged\)$/);
    expect(w!.smtp.messages[1]!.parsed.subject).toMatch(/^\[ISE\] BACKFILL 2 RADIUS failures, 2 users/);
    expect(w!.smtp.messages[1]!.parsed.text).toMatch(/^BACKFILL/);
    expect(users(1)).toEqual(['u-1', 'u-2']);
    expect(readFileSync(join(w!.stateDir, 'cursor.json'), 'utf8')).toBe(before);
    const bad = await w!.run(['--since', 'last tuesday']);
    expect(bad.code).toBe(2);
    expect(bad.summary).toMatch(/--since "last tuesday" is not a time/);
  });

  test('--dry-run prints the message, sends nothing, and changes no state file', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - 5 * MIN)]);
    expect((await w!.run()).code).toBe(0);
    w!.ise.addFailures(rec(2, Date.now() - MIN));
    const snapshot = () =>
      readdirSync(w!.stateDir).map(
        (f) => `${f}:${statSync(join(w!.stateDir, f)).mtimeMs}:${readFileSync(join(w!.stateDir, f), 'utf8')}`,
      );
    const before = snapshot();
    const r = await w!.run(['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Subject: \[ISE\] 1 RADIUS failure/m);
    expect(r.stdout).toContain('u-2');
    expect(r.summary).toMatch(/^ise-to-mail: OK dry run: 1 new failure found, nothing sent, cursor unchanged/);
    expect(snapshot()).toEqual(before);
    expect(w!.smtp.messages).toHaveLength(1);
    expect((await w!.run()).summary).toMatch(/OK 1 new failure mailed/);
  });

  test('--reset-cursor mails the last hour again', async () => {
    await world();
    w!.ise.setFailures([rec(1, Date.now() - 5 * MIN)]);
    await w!.run();
    expect((await w!.run()).summary).toBe('ise-to-mail: OK no new failures');
    expect((await w!.run(['--reset-cursor'])).summary).toMatch(/OK 1 new failure mailed/);
  });
});
