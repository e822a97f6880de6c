// The floor under both programs: each runtime starting, making one HTTPS request to the same fake
// pxGrid and exiting, nothing else. Ours cannot poll for less than its runtime's floor, so a target
// below it cannot be met by any change to ise-to-mail; the bench prints it beside the table.
import { measure, median } from './bench-measure.mjs';

// One verified GET (as ours: TLS checked against the test CA), the body read to its end.
const NODE_GET =
  "const https = require('node:https'), fs = require('node:fs');" +
  "https.get({ host: 'localhost', port: 8910, path: '/pxgrid/control/AccountActivate', " +
  "ca: fs.readFileSync(process.env.BENCH_CA, 'utf8') }, (r) => { r.resume(); r.on('end', () => {}); });";
// As the original: requests imported, TLS not verified.
const PY_GET =
  'import requests, urllib3; urllib3.disable_warnings(); ' +
  "requests.get('https://localhost:8910/pxgrid/control/AccountActivate', verify=False)";

async function medianOf(argv, env, cwd, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(argv, { env, cwd }));
  const ok = results.every((r) => r.code === 0);
  return {
    ok,
    wallS: median(results.map((r) => r.wallMs)) / 1000,
    cpuS: median(results.map((r) => r.cpuMs)) / 1000,
    rssMb: median(results.map((r) => r.rssMb)),
  };
}

/** Medians of one bare request by our Node and, when present, by the original's python. */
export async function measureFloor({ node, python, caFile, cwd, runs }) {
  const env = { PATH: process.env.PATH, BENCH_CA: caFile };
  const ours = await medianOf([node, '-e', NODE_GET], env, cwd, runs);
  const peer = python ? await medianOf([python, '-c', PY_GET], env, cwd, runs) : undefined;
  return { ours, peer };
}
