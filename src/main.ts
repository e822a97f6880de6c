/**
 * Entry point of dist/run.js: the only module that touches `process`. Everything else takes what
 * it needs through `System` and `Output`, so tests run the same code in-process.
 */
import { dirname, resolve } from 'node:path';
import { VERSION } from './version';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(argv: string[]): Promise<number> {
  // `--version` answers before anything else is loaded: EEM and scripts call it to probe the install.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { runCli } = await import('./cli');
  // Relative paths resolve against the directory holding run.js: EEM starts us in an unknown cwd.
  const baseDir = dirname(resolve(process.argv[1] ?? '.'));
  return runCli(
    argv,
    { pid: process.pid, now: Date.now, alive, baseDir, env: process.env, execPath: process.execPath },
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stdout.write(`ise-to-mail: ERROR internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
