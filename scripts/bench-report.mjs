// The table and the PASS/FAIL lines of `npm run bench` (issue 14's targets).

/** Ratios ours/original are measured in the same session; absolute limits are for ours alone. */
const TARGETS = [
  { n: 0, wall: 0.5, cpu: 0.5, rss: 52 },
  { n: 1000, wall: 0.75 },
  { n: 10000, wall: 0.75 },
  { n: 100000, wall: 0.5, rss: 96 },
];
const HEAP_FLAG = '--max-old-space-size=96';

const s = (x) => x.toFixed(2);
const mb = (x) => x.toFixed(0);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const count = (n) => n.toLocaleString('en-US');

function table(rows, print) {
  print(
    '| new failures | wall ours / original (s) | wall ratio | CPU ours / original (s) | CPU ratio ' +
      '| peak RSS ours / original (MB) |',
  );
  print('|---:|---|---:|---|---:|---|');
  for (const { n, ours, peer } of rows) {
    const fail = ours.ok && (!peer || peer.ok) ? '' : ' (a run FAILED)';
    if (!peer) {
      print(`| ${count(n)} | ${s(ours.wallS)} / - | - | ${s(ours.cpuS)} / - | - | ${mb(ours.rssMb)} / -${fail} |`);
      continue;
    }
    print(
      `| ${count(n)} | ${s(ours.wallS)} / ${s(peer.wallS)} | ${ratio(ours.wallS, peer.wallS)} ` +
        `| ${s(ours.cpuS)} / ${s(peer.cpuS)} | ${ratio(ours.cpuS, peer.cpuS)} ` +
        `| ${mb(ours.rssMb)} / ${mb(peer.rssMb)}${fail} |`,
    );
  }
  const h = rows.heap;
  if (h)
    print(
      `| ${count(h.n)}, ours with \`${HEAP_FLAG}\` | ${s(h.wallS)} / - | - | ${s(h.cpuS)} / - | - ` +
        `| ${mb(h.rssMb)} / -${h.ok ? '' : ' (a run FAILED)'} |`,
    );
}

/** One line per target; returns true when any target failed. */
function verdicts(rows, peerMissing, print) {
  let failed = false;
  const line = (ok, text) => {
    if (ok === false) failed = true;
    print(`${ok === undefined ? 'SKIP' : ok ? 'PASS' : 'FAIL'} ${text}`);
  };
  for (const t of TARGETS) {
    const row = rows.find((r) => r.n === t.n);
    if (!row) continue;
    const { ours, peer } = row;
    const at = `at ${count(t.n)} new`;
    for (const [key, label] of [
      ['wall', 'wall'],
      ['cpu', 'CPU'],
    ]) {
      if (t[key] === undefined) continue;
      const field = key === 'wall' ? 'wallS' : 'cpuS';
      if (!peer) line(undefined, `${label} ${at}: ours/original <= ${t[key]}x needs the original (${peerMissing})`);
      else
        line(
          ours.ok && peer.ok && ours[field] / peer[field] <= t[key],
          `${label} ${at}: ours/original ${ratio(ours[field], peer[field])} (target <= ${t[key]}x)`,
        );
    }
    if (t.rss !== undefined)
      line(ours.ok && ours.rssMb <= t.rss, `peak RSS ${at}: ours ${mb(ours.rssMb)} MB (target <= ${t.rss} MB)`);
  }
  const h = rows.heap;
  if (h)
    line(
      h.ok && h.rssMb <= 96,
      `${HEAP_FLAG} at ${count(h.n)} new: ${h.ok ? 'every run exit 0' : 'a run FAILED'}, ` +
        `peak RSS ${mb(h.rssMb)} MB (target: succeeds within 96 MB)`,
    );
  return failed;
}

/** The runtimes' own floor: one HTTPS request and exit (scripts/bench-floor.mjs). */
function floor(rows, print) {
  const f = rows.floor;
  if (!f) return;
  const side = (x) => `${s(x.wallS)} s wall, ${s(x.cpuS)} s CPU, ${mb(x.rssMb)} MB${x.ok ? '' : ' (FAILED)'}`;
  print(`Floor, the runtime alone (start, one HTTPS request, exit): Node ${side(f.ours)}`);
  if (f.peer) print(`  python3 + requests ${side(f.peer)}`);
  const zero = rows.find((r) => r.n === 0);
  if (zero?.peer)
    print(
      `  Node's floor / the original's whole poll at 0 new: wall ${ratio(f.ours.wallS, zero.peer.wallS)}, ` +
        `CPU ${ratio(f.ours.cpuS, zero.peer.cpuS)}; RSS ${mb(f.ours.rssMb)} MB (targets at 0 new: 0.5x, 0.5x, 52 MB)`,
    );
}

export function report(rows, { runs, machine, rssSource, peerMissing, print }) {
  print(`Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}.`);
  print(
    `Medians of ${runs} runs per row, ours and the original alternating; CPU = user + sys; peak RSS from ${rssSource}.`,
  );
  print('');
  table(rows, print);
  print('');
  floor(rows, print);
  print('');
  return verdicts(rows, peerMissing, print);
}
