// Whole-process measurements for `npm run bench`: wall time, CPU time (user + sys) and peak RSS of
// one child, the same way for ours and for the original.
//
// The child runs under a small bash wrapper: bash's `times` reports the CPU of waited children in
// milliseconds (GNU time -v only prints hundredths, too coarse for a 50 ms poll) and
// $EPOCHREALTIME brackets the child alone, so neither the wrapper's start-up nor ours counts.
// Peak RSS is the largest resident set of the process tree (ru_maxrss of the waited children, as
// GNU time -v reports it); without /usr/bin/time the bench polls the child's /proc VmHWM instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
export const RSS_SOURCE = TIME ? '/usr/bin/time -v (ru_maxrss)' : '/proc VmHWM polling';

const WRAPPER =
  't0=$EPOCHREALTIME; "$@"; s=$?; t1=$EPOCHREALTIME; { echo "$t0 $t1"; times; } > "$BENCH_TIMES"; exit $s';

/** Seconds in bash `times` notation (`1m2.345s`) as milliseconds. */
function timesMs(text) {
  const m = /^(\d+)m([\d.]+)s$/.exec(text);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : NaN;
}

/** VmHWM (kB) of every live descendant of pid, largest first. */
function treeHwmKb(pid) {
  let best = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)) {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
        best = Math.max(best, m ? Number(m[1]) : 0, treeHwmKb(child));
      }
    }
  } catch {
    // the process ended between two reads
  }
  return best;
}

/** Keeps the last `max` characters of a stream: the summary line is at the end, the rest can be huge. */
function tail(stream, max = 8192) {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => {
    text = (text + d).slice(-max);
  });
  return () => text;
}

/**
 * Runs argv in cwd with exactly env; resolves with exit code, wallMs, cpuMs, rssMb and the
 * output tails. Never rejects for a failing child: the caller checks `code`.
 */
export function measure(argv, { env, cwd }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
  const timesFile = join(dir, 'times');
  const rssFile = join(dir, 'rss');
  const wrapped = ['bash', '-c', WRAPPER, 'bench', ...argv];
  const cmd = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...wrapped] : wrapped;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      env: { ...env, BENCH_TIMES: timesFile },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = tail(child.stdout);
    const err = tail(child.stderr);
    let polledKb = 0;
    const poll = TIME ? undefined : setInterval(() => (polledKb = Math.max(polledKb, treeHwmKb(child.pid))), 5);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      try {
        const [span, , children] = readFileSync(timesFile, 'utf8').trim().split('\n');
        const [t0, t1] = span.split(' ').map(Number);
        const [user, sys] = children.split(' ').map(timesMs);
        const rssKb = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : polledKb;
        resolve({
          code,
          wallMs: (t1 - t0) * 1000,
          cpuMs: user + sys,
          rssMb: rssKb / 1024,
          stdout: out(),
          stderr: err(),
        });
      } catch (e) {
        reject(
          new Error(`bench: could not read the measurements of ${argv.join(' ')}: ${e.message}; stderr: ${err()}`),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
