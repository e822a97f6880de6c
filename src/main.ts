/**
 * Entry point of dist/run.js: the only module that touches `process`. Everything else takes what
 * it needs through `System` and `Output`, so tests run the same code in-process.
 */
import { dirname, resolve } from 'node:path';
import { STOP_SIGNALS } from './core/errors';
import { applyTestEnv } from './core/testing';
import { VERSION } from './core/version';

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
 * SIGTERM, SIGINT and SIGHUP (EEM or an operator stopping a run) abort `stop`: the run sees it,
 * records the failure, releases the lock and prints its ERROR line through the normal error path
 * (src/core/interrupt.ts). A second signal while that cleanup runs exits at once.
 */
function stopOnSignals(stop: AbortController): void {
  for (const [name, code] of Object.entries(STOP_SIGNALS)) {
    process.on(name, () => {
      if (!stop.signal.aborted) return stop.abort(name);
      // Whether the mail was accepted and the cursor saved is unknown here; at-least-once holds either way.
      process.stdout.write(
        `ise-to-mail: ERROR stopped by ${name} (again, during cleanup); the next run resumes from the last saved ` +
          'cursor, so no failure is lost\n',
      );
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
  const stop = new AbortController();
  stopOnSignals(stop);
  const { pid, env, execPath } = process;
  // ISE_TO_MAIL_TEST_*: the test clock and crash failpoints (src/core/testing.ts), unset in production.
  const now = applyTestEnv(env, () => process.kill(pid, 'SIGKILL'));
  return runCli(
    argv,
    {
      pid,
      now,
      alive,
      baseDir,
      env,
      execPath,
      // The default DEVICE_NAME: the router's own name, which the eem applets pass in (EEM
      // `action info type routername`), else Guestshell's host name.
      hostname: env.ISE_TO_MAIL_ROUTER_NAME || hostName(),
      stop: stop.signal,
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
    const what = err instanceof Error ? err.message : String(err);
    process.stdout.write(`ise-to-mail: ERROR internal error: ${what}; run again with --verbose and report it\n`);
    // As above: no library timer may hold the EEM policy open.
    process.exit(1);
  },
);
