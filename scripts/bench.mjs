// `npm run bench [-- --peer <dir>] [--node <path>] [--bundle <file>] [--runs 3] [--sizes 0,1000,10000,100000]`
//
// Wall time, CPU time and peak RSS of whole runs of `node dist/run.js`, and with --peer of the
// original Python sample on the same records, side by side (issue 14's targets). A script, not a
// test: timings on a shared machine are noisy, so every target is a ratio measured in one session,
// and the runs of ours and the original alternate.
//
// Set-up, as on a device in steady state: one fake pxGrid on 127.0.0.1:8910 (the port the original
// hard-codes) and one SMTPS server with AUTH. A warm-up run of each creates its pxGrid account and
// mails an older batch, with the fake's clock 70 minutes behind, so ours holds a cursor and both a
// stored password. Then for each N the fake serves that older batch plus N new records from the
// last 50 minutes: ours re-reads the older batch in its overlap window and drops it, the original
// (no cursor: it asks for the last hour) does not see it. Each run of ours starts from a copy of
// the warm-up state, so every run mails exactly the N new records; so does the original.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFloor } from './bench-floor.mjs';
import { measure, median, RSS_SOURCE } from './bench-measure.mjs';
import { findPeer, oursEnv, peerEnv, startSink } from './bench-peer.mjs';
import { makeRecords } from './bench-records.mjs';
import { report } from './bench-report.mjs';
import { loadFakes } from './fakes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIN = 60_000;
const { values: args } = parseArgs({
  options: {
    peer: { type: 'string' },
    node: { type: 'string', default: process.execPath },
    // Another build to measure, e.g. one from an earlier commit (`node scripts/build.mjs /tmp/old.js`).
    bundle: { type: 'string', default: join(root, 'dist/run.js') },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '0,1000,10000,100000' },
    // Extra node options for our runs only, e.g. --node-args='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    'node-args': { type: 'string', default: '' },
  },
});
const RUNS = Number(args.runs);
const BUNDLE = args.bundle;
// Every run of ours starts node with the options the eem templates put on the applet's node line
// (eem/iosxe-cron.txt, but for the heap cap: the last row adds it), so the bench measures what the
// device runs; --node-args adds to them.
const APPLET_ARGS = ['--max-semi-space-size=1', '--v8-pool-size=1'];
const NODE_ARGS = [...APPLET_ARGS, ...args['node-args'].split(' ').filter(Boolean)];
const SIZES = args.sizes.split(',').map(Number);
const log = (line) => process.stderr.write(`${line}\n`);

function check(who, n, r, mailed) {
  const ok = r.code === 0 && mailed === (n > 0 ? 1 : 0);
  if (!ok)
    log(
      `bench: ${who} N=${n}: exit ${r.code}, ${mailed} mail(s): ` +
        `${r.stdout.trim().split('\n').pop()} ${r.stderr.slice(-400)}`,
    );
  return ok;
}

async function runOurs(ctx, n, nodeArgs = []) {
  const state = join(ctx.work, `state-${ctx.seq++}`);
  cpSync(ctx.snapshot, state, { recursive: true });
  const before = ctx.sink.messages;
  const r = await measure([args.node, ...NODE_ARGS, ...nodeArgs, BUNDLE], {
    env: oursEnv(ctx.pki, ctx.sink, state),
    cwd: ctx.work,
  });
  rmSync(state, { recursive: true, force: true });
  return { ...r, ok: check('ours', n, r, ctx.sink.messages - before) };
}

async function runPeer(ctx, n) {
  const before = ctx.sink.messages;
  const r = await measure(ctx.peer.argv, { env: peerEnv(ctx.pki, ctx.sink), cwd: ctx.peerDir });
  return { ...r, ok: check('original', n, r, ctx.sink.messages - before) };
}

/** Warm-up: accounts, stored passwords, our cursor; an older batch mailed by both. */
async function warmUp(ctx, older) {
  ctx.shift = -70 * MIN;
  ctx.ise.setFailures(older);
  const first = await measure([args.node, ...NODE_ARGS, BUNDLE], {
    env: oursEnv(ctx.pki, ctx.sink, ctx.snapshot),
    cwd: ctx.work,
  });
  if (first.code !== 0)
    throw new Error(`bench: the warm-up run of ours failed (exit ${first.code}): ${first.stdout}${first.stderr}`);
  if (ctx.peer.argv) {
    mkdirSync(join(ctx.peerDir, 'data'));
    const p = await measure(ctx.peer.argv, { env: peerEnv(ctx.pki, ctx.sink), cwd: ctx.peerDir });
    if (p.code !== 0)
      throw new Error(`bench: the warm-up run of the original failed (exit ${p.code}): ${p.stderr.slice(-2000)}`);
  }
  ctx.shift = 0;
}

async function benchSize(ctx, n, older) {
  const now = Date.now();
  ctx.ise.setFailures([...older, ...makeRecords(n, { start: now - 50 * MIN, end: now - MIN, seed: 7 })]);
  const ours = [];
  const peer = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first, so a noisy moment does not always hit the same side.
    if (i % 2 === 0) ours.push(await runOurs(ctx, n));
    if (ctx.peer.argv) peer.push(await runPeer(ctx, n));
    if (i % 2 === 1) ours.push(await runOurs(ctx, n));
  }
  const row = { n, ours: summarize(ours), peer: ctx.peer.argv ? summarize(peer) : undefined };
  log(`N=${n}: ours ${fmtRun(row.ours)}${row.peer ? `; original ${fmtRun(row.peer)}` : ''}`);
  return row;
}

function summarize(runs) {
  return {
    ok: runs.every((r) => r.ok),
    wallS: median(runs.map((r) => r.wallMs)) / 1000,
    cpuS: median(runs.map((r) => r.cpuMs)) / 1000,
    rssMb: median(runs.map((r) => r.rssMb)),
    maxRssMb: Math.max(...runs.map((r) => r.rssMb)),
  };
}

const fmtRun = (s) =>
  `${s.wallS.toFixed(3)} s wall, ${s.cpuS.toFixed(3)} s CPU, ${s.rssMb.toFixed(0)} MB${s.ok ? '' : ' (FAILED)'}`;

async function main() {
  const fakes = await loadFakes();
  const pki = fakes.sharedPki();
  const ctx = { pki, shift: 0, seq: 0, work: mkdtempSync(join(tmpdir(), 'ise-to-mail-bench-')) };
  ctx.snapshot = join(ctx.work, 'snapshot');
  ctx.peerDir = join(ctx.work, 'original');
  mkdirSync(ctx.peerDir);
  ctx.peer = findPeer(args.peer, join(root, '.cache/bench-venv'), log);
  if (ctx.peer.missing) log(`bench: without the original: ${ctx.peer.missing}; measuring ours only`);
  ctx.ise = await fakes.startFakePxgrid({
    autoApprove: true,
    pki,
    port: 8910,
    now: () => Date.now() + ctx.shift,
    cacheBodies: true,
  });
  ctx.sink = await startSink(pki);
  const rows = [];
  try {
    const t = Date.now();
    const older = makeRecords(20, { start: t - 75 * MIN, end: t - 71 * MIN, seed: 3 });
    await warmUp(ctx, older);
    for (const n of SIZES) rows.push(await benchSize(ctx, n, older));
    const capped = SIZES[SIZES.length - 1]; // its records are the ones the fake serves now
    const heap = [];
    for (let i = 0; i < RUNS; i++) heap.push(await runOurs(ctx, capped, ['--max-old-space-size=96']));
    rows.heap = { n: capped, ...summarize(heap) };
    const python = ctx.peer.argv?.[0];
    rows.floor = await measureFloor({ node: args.node, python, caFile: pki.caFile, cwd: ctx.work, runs: RUNS });
  } finally {
    await Promise.all([ctx.ise.close(), ctx.sink.close()]);
    rmSync(ctx.work, { recursive: true, force: true });
  }
  const nodeVersion = (await measure([args.node, '--version'], { env: {}, cwd: root })).stdout.trim();
  const original = ctx.peer.label ? `, the original on ${ctx.peer.label}` : '';
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpu}); ours on Node ${nodeVersion} ${NODE_ARGS.join(' ')}${original}`;
  const failed = report(rows, {
    runs: RUNS,
    machine,
    rssSource: RSS_SOURCE,
    peerMissing: ctx.peer.missing,
    print: console.log,
  });
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
