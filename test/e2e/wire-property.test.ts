// Random and hostile getFailures replies (shapes, depths, sizes, timestamps, ids, control
// characters, Date headers) through the built bundle. Whatever ISE sends: never exit 1, never a
// stack trace, the summary is one clean line, and every well-formed record is mailed exactly once
// over the following runs.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatTimestamp } from '../fake/records';
import { attachmentText, parseCsv } from '../helpers/mail';
import { startSharedWorld, type World } from '../helpers/world';

const MIN = 60_000;
const GET_FAILURES = '/pxgrid/ise/radius/getFailures';

interface Good {
  offsetMs: number;
  form: 'iso' | 'offset' | 'epoch-s' | 'epoch-ms' | 'future';
  user: string;
  reason?: string;
  extra?: unknown;
}
type Shape = 'normal' | 'no-array' | 'object' | 'truncated' | 'scalars' | 'wrapped' | 'too-deep' | 'garbage';
type DateHeader = 'now' | 'missing' | 'absurd' | 'garbage';

/** 2 x depth levels of nesting as text (JSON.stringify would recurse that deep), under the 10 000 a reply may nest. */
const nested = (depth: number) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('\u001b[2J\u0007', '\u202e\u0000\u009b', 'x'.repeat(50_000)),
);
// Stored as JSON text so deep values survive; never an id of the well-formed range.
const hostileRecord: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      id: fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant({}), hostileText, fc.integer()),
      timestamp: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('garbage', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z'),
        fc.double(),
        hostileText,
      ),
      userName: hostileText,
      failureReason: fc.option(hostileText, { nil: undefined }),
    })
    .map((r) => JSON.stringify(r)),
  fc
    .integer({ min: 1, max: 4000 })
    .map((d) => `{"id":"7${d}","timestamp":"${new Date().toISOString()}","x":${nested(d)}}`),
);
const good: fc.Arbitrary<Good> = fc.record(
  {
    offsetMs: fc.integer({ min: 0, max: 50 * MIN }),
    form: fc.constantFrom('iso', 'offset', 'epoch-s', 'epoch-ms', 'future'),
    user: hostileText,
    reason: fc.option(hostileText, { nil: undefined }),
    extra: fc.option(fc.jsonValue({ maxDepth: 6 }), { nil: undefined }),
  },
  { requiredKeys: ['offsetMs', 'form', 'user'] },
);
const caseArb = fc.record({
  goods: fc.array(good, { maxLength: 8 }),
  hostile: fc.array(hostileRecord, { maxLength: 6 }),
  shape: fc.constantFrom<Shape>(
    'normal',
    'no-array',
    'object',
    'truncated',
    'scalars',
    'wrapped',
    'too-deep',
    'garbage',
  ),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  garbage: fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
  ),
  date: fc.constantFrom<DateHeader>('now', 'missing', 'absurd', 'garbage'),
});

let w: World;
let date: DateHeader = 'now';
let history = 0;
beforeAll(async () => {
  const header = { now: () => new Date().toUTCString(), missing: () => undefined };
  w = await startSharedWorld({
    ise: {
      date: () =>
        date === 'now' || date === 'missing'
          ? header[date]()
          : date === 'absurd'
            ? 'Sat, 01 Jan 2150 00:00:00 GMT'
            : 'soon',
    },
  });
});
afterAll(async () => w?.close());

function timestamp(g: Good, now: number): string | number {
  const t = now - g.offsetMs;
  if (g.form === 'offset') return formatTimestamp(t, -420);
  if (g.form === 'epoch-s') return Math.floor(t / 1000);
  if (g.form === 'epoch-ms') return t;
  return g.form === 'future'
    ? new Date(Date.parse('2099-01-01T00:00:00Z') + g.offsetMs).toISOString()
    : new Date(t).toISOString();
}

function body(shape: Shape, records: string[], c: { cut: number; garbage: string }): string {
  const list = records.join(',');
  const normal = `{"failures":[${list}]}`;
  if (shape === 'no-array') return `{"failure":[${list}]}`;
  if (shape === 'object') return `{"failures":{"0":${records[0] ?? 'null'}}}`;
  if (shape === 'truncated') return normal.slice(0, Math.floor(c.cut * (normal.length - 1)));
  if (shape === 'scalars') return `{"failures":[1,"x",null${records.length ? ',' : ''}${list},true]}`;
  if (shape === 'wrapped')
    return `{"v":"2","junk":{"failures":[{"id":"1"}]},\n "failures" : [ ${list} ] , "more":[[[]]]}`;
  if (shape === 'too-deep')
    return `{"failures":[${list}${records.length ? ',' : ''}${'['.repeat(20_000)}${']'.repeat(20_000)}]}`;
  return shape === 'garbage' ? c.garbage : normal;
}

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function play(c: Case) {
  history++;
  const env = { STATE_DIR: join(w.dir, `state-${history}`), PXGRID_USER: `client-${history}` };
  const now = Date.now();
  const ids = c.goods.map((_, i) => String(1603571391695194n + BigInt(history * 1000 + i)));
  const goods = c.goods.map((g, i) => {
    const rec = { id: ids[i], timestamp: timestamp(g, now), userName: g.user, failureReason: g.reason, extra: g.extra };
    return JSON.stringify(rec);
  });
  const all = [...goods, ...c.hostile].sort((a, b) => a.length - b.length);
  const before = w.smtp.messages.length;
  const runs = [body(c.shape, all, c), `{"failures":[${all.join(',')}]}`, `{"failures":[${all.reverse().join(',')}]}`];
  for (const [i, text] of runs.entries()) {
    date = i === 0 ? c.date : 'now';
    w.ise.fault(GET_FAILURES, { chunks: () => [text] });
    const r = await w.run([], env);
    expect([0, 4], `run ${i}: ${r.summary}\n${r.stderr}`).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.summary).toMatch(/^ise-to-mail: (OK|WARN|ERROR) \S/);
    expect(r.stdout.trimEnd().endsWith(r.summary)).toBe(true);
    expect(r.summary).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    if (i > 0) expect(r.code, r.summary).toBe(0);
  }
  const mailed = new Map<string, number>();
  for (const m of w.smtp.messages.slice(before)) {
    const rows = parseCsv(attachmentText(m, 'failures.csv.gz')).slice(1);
    for (const row of rows) mailed.set(row[1]!, (mailed.get(row[1]!) ?? 0) + 1);
  }
  for (const id of ids) expect(mailed.get(id), `record ${id} mails`).toBe(1);
}

test('hostile replies: never exit 1, one clean summary, each well-formed record mailed exactly once', async () => {
  await fc.assert(fc.asyncProperty(caseArb, play), { numRuns: 10, endOnFailure: true });
}, 120_000);
