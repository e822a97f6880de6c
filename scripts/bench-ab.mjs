// `node scripts/bench-ab.mjs [--sizes 0,1000] [--runs 11] [--node <path>] [--node-args '...'] a.js b.js [c.js...]`
// A build may carry node options of its own after a space, quoted: 'b.js --max-semi-space-size=1'.
//
// A/B of builds of ours: the same set-up as `npm run bench` (fake pxGrid, SMTPS sink, a warm-up
// state copied for every run), but the builds take turns within each round, so a noisy moment of a
// shared machine hits them all alike. Prints, per size, the medians of each build and its wall time
// relative to the first. Build an older commit with `git show <rev>:dist/run.js > /tmp/old.js`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './bench-measure.mjs';
import { oursEnv, startSink } from './bench-peer.mjs';
import { makeRecords } from './bench-records.mjs';
import { loadFakes } from './fakes.mjs';

const MIN = 60_000;
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '0,1000' },
    runs: { type: 'string', default: '11' },
    node: { type: 'string', default: process.execPath },
    'node-args': { type: 'string', default: '' },
  },
});
const builds = positionals.map((b) => {
  const [file, ...own] = b.split(' ').filter(Boolean);
  return { file: resolve(file), own };
});
const bundles = builds.map((b) => b.file);
if (bundles.length < 2) throw new Error('bench-ab: give two or more builds of dist/run.js');
const nodeArgs = args['node-args'].split(' ').filter(Boolean);

async function runOnce(ctx, bundle, n, own = []) {
  const state = join(ctx.work, `state-${ctx.seq++}`);
  cpSync(ctx.snapshot, state, { recursive: true });
  const before = ctx.sink.messages;
  const argv = [args.node, ...nodeArgs, ...own, bundle];
  const r = await measure(argv, { env: oursEnv(ctx.pki, ctx.sink, state), cwd: ctx.work });
  rmSync(state, { recursive: true, force: true });
  const mailed = ctx.sink.messages - before;
  if (r.code !== 0 || mailed !== (n > 0 ? 1 : 0))
    throw new Error(
      `bench-ab: ${bundle} N=${n}: exit ${r.code}, ${mailed} mail(s): ${r.stdout}${r.stderr.slice(-400)}`,
    );
  return r;
}

async function compare(ctx, n, older) {
  const now = Date.now();
  ctx.ise.setFailures([...older, ...makeRecords(n, { start: now - 50 * MIN, end: now - MIN, seed: 7 })]);
  const results = bundles.map(() => []);
  for (let round = 0; round < Number(args.runs); round++) {
    for (let k = 0; k < bundles.length; k++) {
      const i = (k + round) % bundles.length; // who goes first rotates
      results[i].push(await runOnce(ctx, bundles[i], n, builds[i].own));
    }
  }
  const base = median(results[0].map((r) => r.wallMs));
  bundles.forEach((b, i) => {
    const [wall, cpu, rss] = ['wallMs', 'cpuMs', 'rssMb'].map((k) => median(results[i].map((r) => r[k])));
    const rel = (wall / base).toFixed(3);
    const label = [b, ...builds[i].own].join(' ');
    console.log(`N=${n} ${label}: wall ${wall.toFixed(0)} ms (${rel}), CPU ${cpu.toFixed(0)} ms, ${rss.toFixed(0)} MB`);
  });
}

async function main() {
  const fakes = await loadFakes();
  const pki = fakes.sharedPki();
  const ctx = { pki, seq: 0, shift: 0, work: mkdtempSync(join(tmpdir(), 'ise-to-mail-ab-')) };
  ctx.snapshot = join(ctx.work, 'snapshot');
  const now = () => Date.now() + ctx.shift;
  ctx.ise = await fakes.startFakePxgrid({ autoApprove: true, pki, port: 8910, now, cacheBodies: true });
  ctx.sink = await startSink(pki);
  try {
    const t = Date.now();
    const older = makeRecords(20, { start: t - 75 * MIN, end: t - 71 * MIN, seed: 3 });
    // Warm-up as in bench.mjs: an account, a stored password and a cursor 70 minutes back.
    ctx.shift = -70 * MIN;
    ctx.ise.setFailures(older);
    const first = await measure([args.node, bundles[0]], { env: oursEnv(pki, ctx.sink, ctx.snapshot), cwd: ctx.work });
    if (first.code !== 0) throw new Error(`bench-ab: the warm-up run failed: ${first.stdout}${first.stderr}`);
    ctx.shift = 0;
    for (const n of args.sizes.split(',').map(Number)) await compare(ctx, n, older);
  } finally {
    await Promise.all([ctx.ise.close(), ctx.sink.close()]);
    rmSync(ctx.work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
