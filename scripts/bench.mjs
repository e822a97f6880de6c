// `npm run bench`: whole-process wall time and peak RSS of `node dist/run.js` against a fake
// pxGrid serving N generated records and a local SMTP server, plus the start-up
// cost of `--version` against `node -e 0`. A script, not a test: it prints a table for the README.
//
// The fakes are TypeScript (test/fake/*.ts); they are bundled here with esbuild into .cache/
// (gitignored) so this script runs under plain node. The fakes run in THIS process; every
// measured run is a separate child process, so its RSS is its own.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFakes } from './fakes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'dist/run.js');
const SIZES = (process.env.BENCH_SIZES ?? '0,1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs argv as a child; peak RSS from GNU time -v, else by polling /proc/<pid>/status. */
function measure(argv, env) {
  return new Promise((resolve, reject) => {
    const cmd = TIME ? [TIME, '-v', ...argv] : argv;
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd[0], cmd.slice(1), { env, cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let peakKb = 0;
    const poll = TIME ? undefined : setInterval(() => (peakKb = Math.max(peakKb, procRssKb(child.pid))), 20);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      if (m) peakKb = Number(m[1]);
      resolve({ code, wallMs, rssMb: peakKb / 1024, summary: out.trim().split('\n').pop() ?? '', stderr: err });
    });
  });
}

function procRssKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function benchSize(fakes, n, nodeArgs = []) {
  const pki = fakes.sharedPki();
  // All N inside the fake's default one-hour window, spread over the last 50 minutes.
  const now = Date.now();
  const records = fakes.makeFailures(n, { start: now - 50 * 60_000, stepMs: n ? (45 * 60_000) / n : 1000, seed: 7 });
  const ise = await fakes.startFakePxgrid({ autoApprove: true, pki, failures: records });
  const smtp = await fakes.startSmtp({ pki });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-bench-'));
      const before = smtp.messages.length;
      const env = {
        PATH: process.env.PATH,
        ISE_HOST: `localhost:${ise.port}`,
        ISE_CA: pki.caFile,
        SMTP_SERVER: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_SECURITY: 'none',
        MAIL_FROM: 'ise-alerts@example.net',
        MAIL_DEST: 'noc@example.net',
        STATE_DIR: join(dir, 'data'),
        // A fresh state dir holds no pxGrid password: each run needs its own new client name.
        PXGRID_USER: `bench_${n}_${nodeArgs.length}_${i}`,
        // BENCH_ENV_X=v passes X=v to the measured runs (e.g. BENCH_ENV_MAIL_ATTACH=none to see the attachment's share).
        ...Object.fromEntries(
          Object.entries(process.env)
            .filter(([k]) => k.startsWith('BENCH_ENV_'))
            .map(([k, v]) => [k.slice(10), v]),
        ),
      };
      const r = await measure([process.execPath, ...nodeArgs, BUNDLE], env);
      rmSync(dir, { recursive: true, force: true });
      r.mails = smtp.messages.length - before;
      smtp.messages.length = 0; // the parsed 100k mail is large: keep the bench process small
      if (r.code !== 0) process.stderr.write(`N=${n} run ${i + 1}: exit ${r.code}: ${r.summary}\n`);
      runs.push(r);
    }
  } finally {
    await Promise.all([ise.close(), smtp.close()]);
  }
  return runs;
}

function hyperfine(commands) {
  const file = join(root, '.cache/hyperfine.json');
  const r = spawnSync('hyperfine', ['-N', '-w', '5', '-r', '60', '--export-json', file, ...commands], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')).results.map((x) => x.median * 1000);
}

async function startup() {
  const cmds = [`${process.execPath} ${BUNDLE} --version`, `${process.execPath} -e 0`];
  const hf = spawnSync('hyperfine', ['--version']).status === 0 ? hyperfine(cmds) : undefined;
  if (hf) return hf;
  const times = [[], []];
  for (let i = 0; i < 40; i++) {
    for (const [k, args] of [
      [0, [BUNDLE, '--version']],
      [1, ['-e', '0']],
    ]) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, args);
      times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return times.map(median);
}

const fmt = (x, d = 0) => x.toFixed(d);

async function main() {
  if (!existsSync(BUNDLE)) throw new Error('dist/run.js is missing: run `npm run build` first');
  const fakes = await loadFakes();
  const rows = [];
  const row = (label, runs, target) => {
    const ok = runs.every((r) => r.code === 0);
    rows.push(
      `| ${label} | ${fmt(median(runs.map((r) => r.wallMs / 1000)), 2)} | ${fmt(median(runs.map((r) => r.rssMb)))} (max ${fmt(Math.max(...runs.map((r) => r.rssMb)))}) | ${runs.map((r) => r.code).join(',')} | ${runs.map((r) => r.mails).join(',')} | ${target}${ok ? '' : ' FAILED'} |`,
    );
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  };
  for (const n of SIZES) {
    const target = n === 0 ? 'wall <= 0.5 s' : n >= 100_000 ? 'RSS <= 128 MB, wall <= 20 s' : '';
    row(`${n.toLocaleString('en-US')} new`, await benchSize(fakes, n), target);
  }
  if (SIZES.includes(100_000))
    row(
      '100,000 new, --max-old-space-size=96',
      await benchSize(fakes, 100_000, ['--max-old-space-size=96']),
      'succeeds',
    );
  // Smaller young generation: less garbage held between scavenges (a device-side option, README).
  if (SIZES.includes(100_000))
    row('100,000 new, --max-semi-space-size=2', await benchSize(fakes, 100_000, ['--max-semi-space-size=2']), '');
  const [version, bare] = await startup();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${cpus().length} cores (nproc ${spawnSync('nproc').stdout?.toString().trim()}), ${cpu}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `Command: npm run bench (median of ${RUNS} runs per row; peak RSS from ${TIME ? '/usr/bin/time -v' : '/proc VmHWM'})`,
  );
  console.log('');
  console.log('| Poll | Wall (s) | Peak RSS (MB) | Exit codes | Mails | Target |');
  console.log('|---|---:|---:|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log(
    `Start-up (hyperfine -N -w 5 -r 60, median): \`node dist/run.js --version\` ${fmt(version, 1)} ms, \`node -e 0\` ${fmt(bare, 1)} ms, ratio ${fmt(version / bare, 2)} (target <= 1.30)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
