// Random histories of "records appear (late, same timestamp)", "run", "SMTP fails",
// "crash" against the real pipeline (in-process for speed, real fake-pxGrid and SMTP servers).
// Property: every record is eventually mailed, and mailed more than once only after a crash
// between the accepted send and the cursor write.

import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { startSharedWorld, type World } from '../helpers/world';

const MIN = 60_000;
type Event =
  | { kind: 'appear'; lateMs: number; sameAsPrevious: boolean }
  | { kind: 'run'; fault: 'none' | 'smtp-down' | 'crash-after-fetch' | 'crash-after-send' };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('appear' as const),
    lateMs: fc.constantFrom(0, 30_000, MIN, 5 * MIN, 9 * MIN),
    sameAsPrevious: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('run' as const),
    fault: fc.constantFrom('none', 'none', 'smtp-down', 'crash-after-fetch', 'crash-after-send'),
  }),
);

class Crash extends Error {}

let w: World;
let history = 0;
beforeAll(async () => {
  w = await startSharedWorld();
});
afterAll(async () => w?.close());

async function play(events: Event[]): Promise<void> {
  history++;
  const stateDir = join(w.dir, `state-${history}`);
  w.ise.setFailures([]);
  w.smtp.messages.length = 0;
  // Record times follow ISE's clock (the real one: the fake answers with a real Date header);
  // "late" records carry a time up to 9 min in the past, within the 10 min overlap contract.
  let seq = history * 1000;
  let lastTs = Date.now();
  const crashedMessages = new Set<number>();
  const all: string[] = [];
  const runOnce = async (fault: Extract<Event, { kind: 'run' }>['fault']) => {
    const before = w.smtp.messages.length;
    const env = {
      STATE_DIR: stateDir,
      PXGRID_USER: `client-${history}`,
      ...(fault === 'smtp-down' ? { SMTP_PORT: '1' } : {}),
    };
    const crash = fault.startsWith('crash-')
      ? (phase: string) => {
          if (`crash-${phase}` === fault) throw new Crash();
        }
      : undefined;
    const r = await w.runInProcess([], env, Date.now, crash);
    if (fault === 'crash-after-send') for (let i = before; i < w.smtp.messages.length; i++) crashedMessages.add(i);
    if (fault === 'none') expect(r.code, r.summary).toBe(0);
  };
  for (const e of events) {
    if (e.kind === 'appear') {
      const ts = e.sameAsPrevious ? lastTs : Date.now() - e.lateMs;
      lastTs = ts;
      const user = `u-${++seq}`;
      all.push(user);
      w.ise.addFailures(makeFailure({ userName: user, timestamp: new Date(ts).toISOString() }, seq));
    } else {
      await runOnce(e.fault);
    }
  }
  await runOnce('none'); // the next healthy run after the history
  const seen = new Map<string, number[]>();
  w.smtp.messages.forEach((m, i) => {
    for (const u of new Set(m.parsed.text?.match(/\bu-\d+/g))) seen.set(u, [...(seen.get(u) ?? []), i]);
  });
  for (const user of all) {
    const at = seen.get(user) ?? [];
    expect(at.length, `${user} never mailed`).toBeGreaterThan(0);
    // Every mail but the last that carried it must come from a run that crashed after sending.
    expect(
      at.slice(0, -1).every((i) => crashedMessages.has(i)),
      `${user} duplicated without a crash`,
    ).toBe(true);
  }
}

/**
 * 80 histories keep the whole suite under 3 minutes on a 2-core machine; PROPERTY_RUNS=1000 explores
 * more before a release (each history is a fresh state directory, so runs are independent).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 80);

test('random histories: nothing lost, duplicates only after a crash between send and commit', async () => {
  await fc.assert(fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 12 }), play), {
    numRuns: RUNS,
    endOnFailure: true,
  });
}, 300_000);
