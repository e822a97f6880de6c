// Runs the end-to-end suite of dist/run.js on every supported Node (18.17, 20, 22, 24) and checks
// that an older Node (16) gets the one-line refusal and exit 2 (README, "Requirements").
//
// The Node binaries come from the npm registry, the only registry CI can reach: the packages
// `node-<platform>-<arch>@<version>` hold the official release builds (bin/node). Each binary is
// extracted once into the cache (default .cache/node-runtimes/<version>/, or $NODE_RUNTIMES_CACHE)
// and reused. The e2e suite is RUNTIME_SUITE below: those spawn the built bundle through
// test/helpers/world.ts, which runs it with $ISE_TO_MAIL_TEST_NODE. Vitest itself runs on the
// current Node; only the bundle changes runtime.
//
// Usage: npm run test:runtimes [-- 18.17.1 24.21.0]   (a subset of the pinned versions)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Pinned: the floor of the contract (18.17), and the newest of each later line at the time of writing.
const RUNTIMES = [
  { version: '16.20.2', role: 'refused' },
  { version: '18.17.1', role: 'supported' },
  { version: '20.20.2', role: 'supported' },
  { version: '22.23.3', role: 'supported' },
  { version: '24.21.0', role: 'supported' },
];
const REFUSAL = (v) => `ise-to-mail: ERROR needs Node.js >= 18.17, found v${v}\n`;
const cacheDir = process.env.NODE_RUNTIMES_CACHE || join(root, '.cache', 'node-runtimes');
const pkgName = `node-${process.platform}-${process.arch}`;

/** bin/node of `version`, downloaded through npm on first use. */
function nodeBinary(version) {
  const bin = join(cacheDir, version, 'bin', 'node');
  if (existsSync(bin)) return bin;
  const work = mkdtempSync(join(tmpdir(), 'node-runtime-'));
  try {
    // A private npm cache: 40 MB per version need not stay in ~/.npm as well. npm checks the
    // tarball against the registry's integrity hash.
    const out = execFileSync(
      'npm',
      ['pack', `${pkgName}@${version}`, '--json', '--pack-destination', work, '--cache', join(work, 'npm-cache')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const tgz = join(work, JSON.parse(out)[0].filename);
    execFileSync('tar', ['-xzf', tgz, '-C', work, 'package/bin/node']);
    mkdirSync(join(cacheDir, version, 'bin'), { recursive: true });
    renameSync(join(work, 'package', 'bin', 'node'), bin); // atomic: a half-extracted binary is never cached
    return bin;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The end-to-end files run on every runtime: the core poll, delivery (crash points), device and size
 * cap. The rest of test/e2e runs once, on the Node that runs `npm test`, to keep CI under 10 minutes.
 */
const RUNTIME_SUITE = ['core', 'delivery', 'device', 'size'];

function e2eFiles() {
  const present = new Set(readdirSync(join(root, 'test', 'e2e')));
  return RUNTIME_SUITE.map((name) => `${name}.test.ts`)
    .filter((f) => present.has(f))
    .map((f) => `test/e2e/${f}`);
}

/** The whole e2e suite with the bundle on `node`. */
function runSuite(node, files) {
  const report = join(mkdtempSync(join(tmpdir(), 'vitest-report-')), 'report.json');
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const r = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...files],
    {
      cwd: root,
      env: { ...process.env, ISE_TO_MAIL_TEST_NODE: node, ISE_TO_MAIL_TEST_BUNDLE: join(root, 'dist', 'run.js') },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  let passed = 0;
  let total = 0;
  if (existsSync(report)) ({ numPassedTests: passed, numTotalTests: total } = JSON.parse(readFileSync(report, 'utf8')));
  rmSync(dirname(report), { recursive: true, force: true });
  return { ok: r.status === 0 && total > 0, detail: `${passed}/${total} e2e tests passed` };
}

/** An old Node must print exactly the refusal line and exit 2, for a run and for --version. */
function checkRefusal(node, version) {
  const bundle = join(root, 'dist', 'run.js');
  const problems = [];
  for (const args of [[], ['--version'], ['eem']]) {
    const r = spawnSync(node, [bundle, ...args], { cwd: tmpdir(), env: { PATH: process.env.PATH }, encoding: 'utf8' });
    if (r.status !== 2 || r.stdout !== REFUSAL(version) || r.stderr !== '') {
      problems.push(
        `run.js ${args.join(' ')}: exit ${r.status}, stdout ${JSON.stringify(r.stdout)}, stderr ` +
          `${JSON.stringify(r.stderr.slice(0, 300))}`,
      );
    }
  }
  return {
    ok: problems.length === 0,
    detail: problems.length ? problems.join('; ') : `exit 2, "${REFUSAL(version).trim()}"`,
  };
}

function main() {
  const only = process.argv.slice(2);
  const chosen = only.length ? RUNTIMES.filter((r) => only.includes(r.version)) : RUNTIMES;
  if (chosen.length === 0)
    throw new Error(`no pinned runtime matches ${only.join(' ')}; pinned: ${RUNTIMES.map((r) => r.version).join(' ')}`);
  const files = e2eFiles();
  if (files.length === 0) throw new Error('none of the runtime suite files is in test/e2e: nothing to run');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  console.log(`e2e suite: ${files.join(' ')}\nruntimes from npm ${pkgName}, cached in ${cacheDir}\n`);
  const rows = [];
  for (const rt of chosen) {
    const started = Date.now();
    let result;
    try {
      const node = nodeBinary(rt.version);
      const reported = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      if (reported !== `v${rt.version}`) throw new Error(`${node} reports ${reported}`);
      console.log(`--- Node v${rt.version} (${rt.role})`);
      result = rt.role === 'refused' ? checkRefusal(node, rt.version) : runSuite(node, files);
    } catch (err) {
      result = { ok: false, detail: String(err instanceof Error ? err.message : err).split('\n')[0] };
    }
    rows.push({ ...rt, ...result, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  }
  printTable(rows);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

function printTable(rows) {
  console.log('\nNode runtime matrix for dist/run.js');
  console.log(`${'runtime'.padEnd(10)}${'expected'.padEnd(11)}${'result'.padEnd(8)}${'time'.padStart(6)}  detail`);
  for (const r of rows) {
    console.log(
      `v${r.version}`.padEnd(10) +
        r.role.padEnd(11) +
        (r.ok ? 'PASS' : 'FAIL').padEnd(8) +
        `${r.seconds}s`.padStart(6) +
        `  ${r.detail}`,
    );
  }
}

main();
