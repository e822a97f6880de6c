// Memory stays bounded whatever the size of the getFailures reply. Two million small
// records in one reply, through the built bundle with the heap cap the EEM applet uses.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { runBundle, startWorld, type World } from '../helpers/world';

let w: World | undefined;

const N = 2_000_000;
const SPREAD_MS = 50 * 60_000;
const REASONS = ['22040 Wrong password or invalid shared secret', '5411 Supplicant stopped responding to ISE'];
const NAS = 10;
const BASE_ID = 1603571391695194;

/** Record i of the storm: oldest first, over the last 50 minutes of `now`. */
function record(i: number, now: number): string {
  const t = new Date(now - SPREAD_MS + Math.floor((i * SPREAD_MS) / N)).toISOString();
  const reason = REASONS[i % REASONS.length];
  return (
    `{"id":"${BASE_ID + i}","timestamp":"${t}","failureReason":"${reason}","userName":"u${i % 7919}",` +
    `"nasName":"sw-${i % NAS}","nasIpAddress":"10.0.0.${i % NAS}"}`
  );
}

/** The reply to one getFailures request, honouring startTimestamp, in 64 KB pieces. */
function* storm(request: unknown, now: number): Generator<string> {
  const ts = (request as { startTimestamp?: string } | undefined)?.startTimestamp;
  const start = ts === undefined ? 0 : Date.parse(ts);
  let first = Math.max(0, Math.ceil(((start - now + SPREAD_MS) * N) / SPREAD_MS) - 1);
  while (first < N && Date.parse(JSON.parse(record(first, now)).timestamp) < start) first++;
  let buf = '{"failures":[';
  for (let i = first; i < N; i++) {
    buf += (i === first ? '' : ',') + record(i, now);
    if (buf.length >= 65_536) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}]}`;
}

/** Peak RSS (VmHWM) of a process, polled until it exits. */
function watchPeak(pid: number, into: { kb: number }): void {
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) into.kb = Math.max(into.kb, Number(m[1]));
    } catch {
      clearInterval(timer);
    }
  }, 20);
}

test('2 million small records, node started as the applet does: under 160 MB peak RSS, one storm mail', async () => {
  w = await startWorld();
  const now = Date.now();
  w.ise.fault('/pxgrid/ise/radius/getFailures', { chunks: (req) => storm(req, now) });
  const peak = { kb: 0 };
  const run = () =>
    // RUN_DEADLINE and the timeouts are generous: ~25 s of CPU, far longer on a loaded machine.
    runBundle(w!.dir, [], { ...w!.env, RUN_DEADLINE: '600s' }, undefined, {
      // The node options of eem/iosxe-cron.txt at the default --heap.
      nodeArgs: ['--max-old-space-size=96', '--max-semi-space-size=1', '--v8-pool-size=1'],
      onSpawn: (child) => child.pid !== undefined && watchPeak(child.pid, peak),
      timeoutMs: 600_000,
    });
  const r = await run();
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(peak.kb / 1024, 'peak RSS in MB').toBeLessThan(160);
  expect(r.summary).toMatch(new RegExp(`^ise-to-mail: WARN ${N} new failures mailed to 2 recipients`));
  expect(r.summary).toMatch(/more than 250000 new failures: ids tracked from \S+ only/);

  expect(w.smtp.messages).toHaveLength(1);
  const mail = w.smtp.messages[0]!.parsed;
  expect(mail.subject).toMatch(new RegExp(`^\\[ISE\\] STORM: ${N} RADIUS failures, 7919 users`));
  const text = mail.text ?? '';
  expect(text.replace(/\n */g, ' ')).toContain(
    'Too many failures to track one by one (more than 250000). All counts in this mail are exact',
  );
  // Every group count exact: reason i%2 and NAS i%10 pair up as i%10 (2 divides 10). A group is its
  // count and reason (wrapped at 78 columns), then its NAS on the next line.
  const flat = text.replace(/\n {9}(?!NAS )/g, ' ');
  for (let g = 0; g < NAS; g++)
    expect(flat, `group sw-${g}`).toMatch(
      new RegExp(`^ {2} *${N / NAS} {2}${REASONS[g % 2]}\\n {9}NAS sw-${g} \\(10\\.0\\.0\\.${g}\\),`, 'm'),
    );

  // The next poll re-reads from where ids are complete and mails nothing again.
  w.ise.fault('/pxgrid/ise/radius/getFailures', { chunks: (req) => storm(req, now) });
  const again = await run();
  expect(again.summary).toBe('ise-to-mail: OK no new failures');
  expect(w.smtp.messages).toHaveLength(1);
}, 1_300_000);
