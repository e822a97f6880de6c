// `npm run replay`: a synthetic campus week (test/replay/, seeded) replayed through the real
// dist/run.js against the fake pxGrid and a real SMTP server, one run every simulated 10 minutes
// (ISE_TO_MAIL_TEST_NOW), once per alert mode. It prints mails per day, each injected incident's
// detection delay, incident mails that match no injected incident, and whether every failure
// reached exactly one mail. A script, not a test: the figures go into the README.
//
// Options: --seed N (15), --mode each-run|digest|default|all (all: each-run and the default, digest),
// --days N (7; fewer for a quick look),
// --engine-only (the incident engine in-process, no mail: seconds, for tuning), --suppress (the
// trace as ISE's "Suppress Repeated Failed Clients" would report it).

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadTs } from './fakes.mjs';
import { clock, report } from './replay-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIN = 60_000;
const DAY = 86_400_000;
const STEP = 10 * MIN;

const MODES = {
  // The default (no alert variables): an hourly digest with incidents, the same as `digest`.
  default: {},
  'each-run': { ALERT_MODE: 'each-run', INCIDENTS: 'on' },
  digest: { ALERT_MODE: 'digest', DIGEST_EVERY: '1h' },
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The environment that points run.js at the fakes (plain SMTP on loopback, one recipient). */
export function fakeEnv(ise, smtp, pki) {
  return {
    ISE_HOST: `localhost:${ise.port}`,
    ISE_CA: pki.caFile,
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'none',
    MAIL_FROM: 'ise-alerts@example.net',
    MAIL_DEST: 'noc@example.net',
  };
}

const loadWeek = () => loadTs('replay-week', { entryPoints: [join(root, 'test/replay/week.ts')] });

function runBundle(dir, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'run.js')], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, summary: out.trim().split('\n').pop() ?? '' }));
  });
}

/** Ids in a mail's CSV attachment (the id is the second column; timestamps hold no comma). */
function mailedIds(message) {
  const a = message.parsed.attachments.find((x) => x.filename === 'failures.csv.gz');
  if (!a) return [];
  const lines = gunzipSync(a.content).toString('utf8').split('\r\n').slice(1);
  return lines.filter(Boolean).map((l) => l.split(',')[1]);
}

async function replay(lib, wk, mode, days) {
  let simNow = wk.start;
  const pki = lib.sharedPki();
  const ise = await lib.startFakePxgrid({ autoApprove: true, pki, now: () => simNow });
  const smtp = await lib.startSmtp({ pki });
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-replay-'));
  copyFileSync(join(root, 'dist/run.js'), join(dir, 'run.js'));
  const env = { ...fakeEnv(ise, smtp, pki), ...MODES[mode] };
  const times = wk.records.map((r) => Date.parse(r.timestamp));
  const end = wk.start + days * DAY;
  const mails = [];
  const opened = [];
  const seenOpen = new Set();
  const errors = [];
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  let runMs = 0;
  let lo = 0;
  let hi = 0;
  try {
    for (let t = wk.start + STEP; t <= end; t += STEP) {
      simNow = t;
      while (hi < times.length && times[hi] <= t) hi++;
      while (lo < hi && times[lo] < t - 3 * 60 * MIN) lo++;
      ise.setFailures(wk.records.slice(lo, hi));
      const r0 = Date.now();
      const r = await runBundle(dir, { ...env, ISE_TO_MAIL_TEST_NOW: String(t) });
      runMs += Date.now() - r0;
      if (r.code !== 0) errors.push(`${clock(t)} exit ${r.code}: ${r.summary}`);
      for (const m of smtp.messages.splice(0))
        mails.push({ at: t, subject: m.parsed.subject ?? '', ids: mailedIds(m) });
      for (const i of readIncidents(dir)) {
        const key = `${i.id}@${i.openedAt}`;
        const known = opened.find((o) => o.key === key);
        if (known) known.incident.failures = Math.max(known.incident.failures, i.failures);
        if (!i.mailed || i.silent || seenOpen.has(key)) continue;
        seenOpen.add(key);
        opened.push({ at: t, key, incident: i });
      }
      if ((t - wk.start) % DAY === 0) process.stderr.write(`  ${mode}: day ${(t - wk.start) / DAY} of ${days} done\n`);
    }
  } finally {
    await Promise.all([ise.close(), smtp.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(cpu0);
  const runs = Math.round((end - wk.start) / STEP);
  return {
    mails,
    opened,
    errors,
    seconds: (Date.now() - t0) / 1000,
    perRunMs: runMs / runs,
    harnessCpuS: (cpu.user + cpu.system) / 1e6,
    served: wk.records.filter((_, k) => times[k] <= end),
  };
}

function readIncidents(dir) {
  const file = join(dir, 'data/incidents.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).open : [];
}

async function main() {
  const seed = Number(option('seed', '15'));
  const days = Number(option('days', '7'));
  const mode = option('mode', 'all');
  const modes = mode === 'all' ? ['each-run', 'default'] : [mode];
  // A Monday 00:00 UTC, the week ending before now (the fake ISE's HTTP Date header is real time).
  const monday = Math.floor(Date.now() / DAY) * DAY - 14 * DAY;
  const start = monday - ((new Date(monday).getUTCDay() + 6) % 7) * DAY;
  const lib = await loadWeek();
  const wk = lib.week(seed, start);
  const injectedFailures = wk.injected.reduce((n, i) => n + i.failures, 0);
  console.log(
    `Replayed week: seed ${seed}, ${new Date(start).toISOString().slice(0, 10)} (Mon) for ${days} days, ` +
      `${wk.records.length - injectedFailures} background + ${injectedFailures} injected failures, ` +
      'a run every 10 minutes',
  );
  for (const x of wk.injected) console.log(`  ${clock(x.onset)}  ${x.name} (${x.failures} failures)`);
  if (process.argv.includes('--suppress')) {
    const before = wk.records.length;
    wk.records = lib.suppress(wk.records);
    console.log(
      "With ISE's Suppress Repeated Failed Clients (detect 5 min, report every 15 min): " +
        `${before} failures become ${wk.records.length} records`,
    );
  }
  if (process.argv.includes('--engine-only')) {
    const res = lib.engineOnly(wk.records, wk.start, wk.start + days * DAY);
    console.log(
      report(wk, 'engine-only', {}, days, {
        ...res,
        mails: [],
        errors: [],
        seconds: 0,
        perRunMs: 0,
        harnessCpuS: 0,
        served: [],
      }),
    );
    if (process.argv.includes('--dump')) console.log(JSON.stringify(res.state.baseline));
    return;
  }
  // The modes replay side by side: each run.js is its own process, so two modes use both cores.
  const results = await Promise.all(modes.map((m) => replay(lib, wk, m, days)));
  modes.forEach((m, k) => console.log(report(wk, m, MODES[m], days, results[k])));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
