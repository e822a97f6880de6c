// Clock and cursor: timestamps ISE gets wrong never stop later alerts.
// Through the CLI in-process against the fake pxGrid and a real SMTP server.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type FailureRecord, makeFailure } from '../fake/records';
import { startWorld, type World, type WorldOptions } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const HOUR = 60 * MIN;
const world = async (o: WorldOptions = {}) => (w = await startWorld(o));
const rec = (n: number, timestamp: string | number) =>
  makeFailure({ userName: `u-${n}`, timestamp: timestamp as string }, n) as FailureRecord;
const iso = (t: number) => new Date(t).toISOString();
// Each user once per mail: a mail names a lone user again in its Live Logs filter.
const users = (i: number) => [...new Set(w!.smtp.messages[i]?.parsed.text?.match(/\bu-\d+/g))].sort();
const highWater = () => (w!.cursor() as { highWater: string | null }).highWater;

describe('a record from the future', () => {
  test.each([
    ['in 2099', () => '2099-01-01T00:00:00.000Z'],
    ['two hours ahead of the others', () => iso(Date.now() + 2 * HOUR)],
  ])('%s is mailed, flagged, and never drags the cursor past ISE clock', async (_name, future) => {
    await world();
    const t1 = Date.now() - 5 * MIN;
    w!.ise.setFailures([rec(1, iso(t1)), rec(2, future())]);
    const r1 = await w!.runInProcess();
    expect(r1.code, r1.stdout + r1.stderr).toBe(0);
    expect(users(0)).toEqual(['u-1', 'u-2']);
    expect(w!.smtp.messages[0]!.parsed.text).toContain('timestamp in the future');
    expect(r1.summary).toMatch(/^ise-to-mail: WARN 2 new failures mailed .*1 record with a timestamp in the future/);
    expect(highWater()).toBe(iso(t1));

    // The next real failure is mailed; the future one is not mailed again.
    w!.ise.addFailures(rec(3, iso(Date.now() - MIN)));
    const r2 = await w!.runInProcess();
    expect(r2.summary).toMatch(/ 1 new failure mailed/);
    expect(users(1)).toEqual(['u-3']);
    expect((await w!.runInProcess()).summary).toBe('ise-to-mail: OK no new failures');
    expect(w!.smtp.messages).toHaveLength(2);
  });

  test.each([
    ['missing', () => undefined],
    ['absurd', () => 'Fri, 01 Jan 2150 00:00:00 GMT'],
    ['not a date', () => 'yesterday-ish'],
  ])('with the Date header %s, the local clock bounds the cursor', async (_name, date) => {
    await world({ ise: { date } });
    const t1 = Date.now() - 5 * MIN;
    w!.ise.setFailures([rec(1, iso(t1)), rec(2, '2099-06-01T00:00:00Z')]);
    expect((await w!.runInProcess()).code).toBe(0);
    expect(highWater()).toBe(iso(t1));
    w!.ise.addFailures(rec(3, iso(Date.now() - MIN)));
    expect((await w!.runInProcess()).code).toBe(0);
    expect(users(1)).toEqual(['u-3']);
  });

  test('a cursor already past ISE clock (left by an older version) comes back to ISE now', async () => {
    await world();
    w!.ise.setFailures([rec(1, iso(Date.now() - 5 * MIN))]);
    expect((await w!.runInProcess()).code).toBe(0);
    const file = join(w!.stateDir, 'cursor.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/"highWater":"[^"]*"/, '"highWater":"2099-01-01T00:00:00.000Z"'),
    );
    const r = await w!.runInProcess();
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/cursor was ahead of ISE's clock/);
    expect(Date.parse(highWater()!)).toBeLessThanOrEqual(Date.now());
    w!.ise.addFailures(rec(2, iso(Date.now() - MIN)));
    expect((await w!.runInProcess()).summary).toMatch(/ 1 new failure mailed/);
    expect(users(1)).toEqual(['u-2']);
  });
});

describe('timestamps outside the years 2000-2100', () => {
  test.each(['-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z', '2100-01-01T00:00:01Z'])(
    '%s never crashes this run or a later one',
    async (odd) => {
      await world({ ise: { ignoreStartTimestamp: true } });
      w!.ise.setFailures([rec(1, odd)]);
      const r1 = await w!.runInProcess();
      expect(r1.code, r1.stdout + r1.stderr).toBe(0);
      w!.ise.addFailures(rec(2, iso(Date.now() - MIN)));
      const r2 = await w!.runInProcess();
      expect(r2.code, r2.stdout + r2.stderr).toBe(0);
      expect(r2.summary).toMatch(/ 1 new failure mailed/);
      const r3 = await w!.runInProcess();
      expect(r3.code, r3.stdout + r3.stderr).toBe(0);
      expect(r3.summary).toMatch(/no new failures/);
      // Every mail together carries u-1 at most once and u-2 exactly once.
      const all = w!.smtp.messages.flatMap((_, i) => users(i));
      expect(all.filter((u) => u === 'u-2')).toHaveLength(1);
      expect(all.filter((u) => u === 'u-1').length).toBeLessThanOrEqual(1);
    },
  );
});

describe('ISE clock two hours off the device', () => {
  test.each([2, -2])('ISE %i h: nothing lost, nothing mailed twice', async (hours) => {
    const skew = hours * HOUR;
    await world({ ise: { now: () => Date.now() + skew } });
    const ise = () => Date.now() + skew;
    w!.ise.setFailures([rec(1, iso(ise() - 20 * MIN)), rec(2, iso(ise() - 2 * MIN))]);
    expect((await w!.runInProcess()).summary).toMatch(/^ise-to-mail: OK 2 new failures mailed/);
    w!.ise.addFailures(rec(3, iso(ise() - 3 * MIN)), rec(4, iso(ise())));
    expect((await w!.runInProcess()).summary).toMatch(/^ise-to-mail: OK 2 new failures mailed/);
    expect(users(1)).toEqual(['u-3', 'u-4']);
    expect((await w!.runInProcess()).summary).toBe('ise-to-mail: OK no new failures');
  });
});

describe('ISE ignoring startTimestamp', () => {
  test('records older than the query start are not mailed again, and counted', async () => {
    await world({ ise: { ignoreStartTimestamp: true } });
    w!.ise.setFailures([rec(1, iso(Date.now() - 40 * MIN)), rec(2, iso(Date.now() - 5 * MIN))]);
    expect((await w!.runInProcess()).code).toBe(0);
    expect(users(0)).toEqual(['u-1', 'u-2']);
    w!.ise.addFailures(rec(3, iso(Date.now() - MIN)));
    const r = await w!.runInProcess();
    expect(r.code).toBe(0);
    expect(users(1)).toEqual(['u-3']);
    expect(r.summary).toMatch(/1 record older than the query start ignored/);
  });

  test('on a first run, records older than ISE default hour are ignored too', async () => {
    await world({ ise: { ignoreStartTimestamp: true } });
    w!.ise.setFailures([rec(1, iso(Date.now() - 3 * HOUR)), rec(2, iso(Date.now() - 5 * MIN))]);
    const r = await w!.runInProcess();
    expect(users(0)).toEqual(['u-2']);
    expect(r.summary).toMatch(/^ise-to-mail: WARN 1 new failure mailed .*1 record older than the query start ignored/);
  });
});

describe('numeric timestamps', () => {
  test.each([
    ['epoch seconds', (t: number) => Math.floor(t / 1000)],
    ['epoch milliseconds', (t: number) => t],
  ])('%s are times, not records "without id or timestamp"', async (_name, as) => {
    await world();
    const t = Math.floor((Date.now() - 3 * MIN) / 1000) * 1000;
    w!.ise.setFailures([rec(1, as(t)), rec(2, iso(t - MIN))]);
    const r = await w!.runInProcess();
    expect(r.summary).toBe(`ise-to-mail: OK 2 new failures mailed to 2 recipients (newest ${iso(t)})`);
    expect(users(0)).toEqual(['u-1', 'u-2']);
    expect(highWater()).toBe(iso(t));
    expect((await w!.runInProcess()).summary).toBe('ise-to-mail: OK no new failures');
  });
});
