/**
 * Entry point of dist/run.js: the only module that touches `process`. Everything else takes what
 * it needs through `System` and `Output`, so tests run the same code in-process.
 */
import { dirname, resolve } from 'node:path';
import { STOP_SIGNALS } from './core/errors';
import { VERSION } from './core/version';

/**
 * V8 tuned for the two kinds of poll, measured with `npm run bench` (documented V8 flags, read
 * whenever V8 decides to optimize or grow the heap: https://nodejs.org/api/v8.html#v8setflagsfromstringflags):
 *
 * - Set as a poll starts, not earlier: Node compiles its built-in modules (https, tls, zlib...) from
 *   a code cache that V8 accepts only under the flags it was made with; once any flag changes, every
 *   built-in loaded afterwards is compiled from source (~10 ms more per poll on Node 20, `require('https')`
 *   4 ms before a flag change, 13-19 ms after). The poll's code, which loads them, is in place by then.
 * - A poll of up to ~1 000 new records is over before optimized code pays off, yet TurboFan
 *   compiling its hot functions took ~30% of its instructions; even a poll that finds nothing
 *   peaked 4 MB higher (55 against 51 MB RSS on Node 20) for what TurboFan compiled at start-up.
 *   So every run starts with TurboFan off.
 * - Records are short-lived: ~100 KB survive each young-generation collection, yet V8 doubles the
 *   young generation whenever it fills (up to 32 MB on Node 20, 64 MB on Node 24). Held at its
 *   start size from the first line, a 10 000-record poll ran ~18% faster and 7 MB smaller, a
 *   1 000-record one 6 MB smaller at the same time, a storm 6 MB smaller (Node 20, `npm run bench
 *   -- --bundle` A/B, two sessions each).
 * - Past 1 500 records (Batch) TurboFan comes back, without inlining, and the old generation grows
 *   by 20% instead of doubling: 100 000 new failures peak at ~90 MB instead of ~128 MB RSS on Node
 *   20. Compiling with inlining took ~250 ms of worker-thread CPU in a 10 000-record poll (hot
 *   functions recompiled after deopts); without it that poll used 10-30% less CPU, a storm of
 *   100 000 between the same and 8% more (Node 20, alternating A/B sessions; Node 24, with Maglev,
 *   gains less). Polls of a few thousand records are the common busy case; storms are rare.
 */
// V8 11 (Node 20) named the TurboFan switch --turbofan; Node 18's V8 10.2 knows it only as --opt,
// and setFlagsFromString does not throw on an unknown flag but prints "unrecognized flag" to
// stderr, which the EEM applet would mail. Every other flag here exists in V8 10.2 to 13.
const TURBOFAN = Number(process.versions.v8.split('.')[0]) >= 11 ? 'turbofan' : 'opt';
const SMALL_RUN = [`--no-${TURBOFAN}`, '--semi-space-growth-factor=1'];
const LARGE_RUN = [`--${TURBOFAN}`, '--no-turbo-inlining', '--heap-growing-percent=20'];

function v8Flags(flags: string[]): void {
  // Loaded on first use, after `--version` has answered (node:v8 costs ~1.5 ms to load).
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  for (const flag of flags) {
    try {
      setFlagsFromString(flag);
    } catch {
      // A flag V8 refuses outright leaves the run as it would be without it.
    }
  }
}

/** Loaded here, after `--version` has answered: that path loads nothing beyond node:path. */
function hostName(): string {
  return (require('node:os') as typeof import('node:os')).hostname();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * TEST ONLY: ISE_TO_MAIL_TEST_NOW (an ISO instant or epoch ms) starts the run's clock at that
 * instant, so end-to-end tests can drive dist/run.js through simulated days (health mails,
 * heartbeats). The clock then advances in real time. Not an option for users (README "health").
 */
function clock(env: NodeJS.ProcessEnv): () => number {
  const text = env.ISE_TO_MAIL_TEST_NOW;
  if (!text) return Date.now;
  const start = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(start)) return Date.now;
  const offset = start - Date.now();
  return () => Date.now() + offset;
}

/**
 * SIGTERM, SIGINT and SIGHUP (EEM or an operator stopping a run) abort `stop`: the run sees it,
 * records the failure, releases the lock and prints its ERROR line through the normal error path
 * (src/core/interrupt.ts). A second signal while that cleanup runs exits at once.
 */
function stopOnSignals(stop: AbortController): void {
  for (const [name, code] of Object.entries(STOP_SIGNALS)) {
    process.on(name, () => {
      if (!stop.signal.aborted) return stop.abort(name);
      process.stdout.write(`ise-to-mail: ERROR stopped by ${name} (again, during cleanup); the cursor is unchanged\n`);
      process.exit(code);
    });
  }
}

async function main(argv: string[]): Promise<number> {
  // `--version` answers before anything else is loaded: EEM and scripts call it to probe the install.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { runCli } = await import('./cli/cli');
  // Relative paths resolve against the directory holding run.js: EEM starts us in an unknown cwd.
  const baseDir = dirname(resolve(process.argv[1] ?? '.'));
  // Test-only: die here as a power cut would (see test/e2e-delivery.test.ts). Never set in production.
  const crashAt = process.env.ISE_TO_MAIL_TEST_CRASH;
  const crash = crashAt ? (phase: string) => phase === crashAt && process.kill(process.pid, 'SIGKILL') : undefined;
  const stop = new AbortController();
  stopOnSignals(stop);
  const { pid, env, execPath } = process;
  return runCli(
    argv,
    {
      pid,
      now: clock(env),
      alive,
      baseDir,
      env,
      crash,
      execPath,
      // The default DEVICE_NAME: the router's own name, which the eem applets pass in (EEM
      // `action info type routername`), else Guestshell's host name.
      hostname: env.ISE_TO_MAIL_ROUTER_NAME || hostName(),
      stop: stop.signal,
      onPollStart: () => v8Flags(SMALL_RUN),
      onLargeBatch: () => v8Flags(LARGE_RUN),
    },
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  );
}

// Last line of defence: if a pending network call is ever left with nothing keeping the event loop
// alive, Node would exit 0 with no summary line, which EEM would read as success.
let settled = false;
process.once('beforeExit', () => {
  if (settled) return;
  process.stdout.write(
    'ise-to-mail: ERROR internal error: the run stopped before it finished (a network call never completed); run ' +
      'again with --verbose and report it\n',
  );
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    // Exit now rather than when the event loop drains: a library timer left behind (nodemailer's
    // greeting timer outlives a dropped SMTP connection by 15 s) must not hold EEM's policy open.
    // stdout/stderr writes to files, pipes and TTYs are synchronous on Linux, so nothing is lost.
    // https://nodejs.org/api/process.html#a-note-on-process-io
    process.exit(code);
  },
  (err: unknown) => {
    settled = true;
    process.stdout.write(`ise-to-mail: ERROR internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
