import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { armFailpoints, type CrashPhase, testClock } from '../../src/core/testing';
import { sharedPki, type TestPki } from '../fake/pki';
import { type FakePxgrid, startFakePxgrid } from '../fake/pxgrid';
import type { FakePxgridOptions } from '../fake/pxgrid-types';
import { type FakeSmtp, type FakeSmtpOptions, startSmtp } from '../fake/smtp';

/** The bundle built from the current source by test/helpers/global-build.ts. */
export const BUNDLE = inject('bundle');
/** The Node binary that runs the bundle; `npm run test:runtimes` points it at other versions. */
export const NODE = process.env.ISE_TO_MAIL_TEST_NODE || process.execPath;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The last stdout line: the summary EEM matches on. */
  summary: string;
}

/** A fake ISE, a real SMTP server, and an empty directory holding only run.js (and a config). */
export interface World {
  pki: TestPki;
  ise: FakePxgrid;
  smtp: FakeSmtp;
  dir: string;
  stateDir: string;
  env: Record<string, string>;
  /** dist/run.js as a child process from the empty directory. */
  run(args?: string[], env?: Record<string, string | undefined>, opts?: SpawnOptions): Promise<RunResult>;
  /**
   * The same code in-process (fast): the clock is `now`, else ISE_TO_MAIL_TEST_NOW as main.ts reads
   * it; `crash` is armed at the failpoints for this run only (it should throw, as a crash stops the run).
   */
  runInProcess(
    args?: string[],
    env?: Record<string, string | undefined>,
    now?: () => number,
    crash?: (phase: CrashPhase) => void,
  ): Promise<RunResult>;
  cursor(): unknown;
  close(): Promise<void>;
}

export interface WorldOptions {
  ise?: FakePxgridOptions;
  smtp?: FakeSmtpOptions;
}

/** A world for one test, closed when that test ends, pass or fail: no test file repeats the clean-up. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const world = await startSharedWorld(opts);
  onTestFinished(() => world.close());
  return world;
}

/** A world shared by the tests of a file (beforeAll); the file closes it in afterAll. */
export async function startSharedWorld(opts: WorldOptions = {}): Promise<World> {
  const pki = sharedPki();
  const ise = await startFakePxgrid({ autoApprove: true, ...opts.ise, pki });
  const smtp = await startSmtp({ ...opts.smtp, pki });
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-e2e-'));
  copyFileSync(BUNDLE, join(dir, 'run.js'));
  const stateDir = join(dir, 'data');
  const env: Record<string, string> = {
    ISE_HOST: `localhost:${ise.port}`,
    ISE_CA: pki.caFile,
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'none',
    MAIL_FROM: 'ise-alerts@example.net',
    MAIL_DEST: 'noc@example.net,oncall@example.net',
    // The e2e tests were written for one mail per run; the default (digest) has tests of its own,
    // which pass ALERT_MODE: undefined.
    ALERT_MODE: 'each-run',
  };
  let closed: Promise<void> | undefined;
  return {
    pki,
    ise,
    smtp,
    dir,
    stateDir,
    env,
    run: (args = [], extra = {}, spawnOpts = {}) => runBundle(dir, args, { ...env, ...extra }, undefined, spawnOpts),
    runInProcess: (args = [], extra = {}, now, crash) => runInProcess(dir, args, { ...env, ...extra }, now, crash),
    cursor: () =>
      existsSync(join(stateDir, 'cursor.json'))
        ? JSON.parse(readFileSync(join(stateDir, 'cursor.json'), 'utf8'))
        : undefined,
    // Once only: a test may close its world early, and the afterEach hook closes it again.
    close: () => {
      closed ??= Promise.all([ise.close(), smtp.close()]).then(() => rmSync(dir, { recursive: true, force: true }));
      return closed;
    },
  };
}

function cleanEnv(extra: Record<string, string | undefined>): Record<string, string> {
  // Only PATH from the developer's environment: nothing of theirs may leak into a test.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface SpawnOptions {
  /** Node flags before the script, e.g. `--max-old-space-size=96`. */
  nodeArgs?: string[];
  /** A command the bundle's node is started through, e.g. `['sh', '-c', 'umask 000; exec "$@"', 'sh']`. */
  launcher?: string[];
  /** Sees the child as soon as it runs: a test can signal it or watch its memory. */
  onSpawn?: (child: ChildProcess) => void;
  timeoutMs?: number;
}

export function runBundle(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined>,
  script = join(cwd, 'run.js'),
  opts: SpawnOptions = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const [command, ...pre] = [...(opts.launcher ?? []), NODE, ...(opts.nodeArgs ?? []), script, ...args];
    const child = spawn(command!, pre, {
      cwd: tmpdir(),
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    opts.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr, summary: lastLine(stdout) });
    });
  });
}

async function runInProcess(
  dir: string,
  args: string[],
  env: Record<string, string | undefined>,
  now?: () => number,
  crash?: (phase: CrashPhase) => void,
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const clock = now ?? testClock(env.ISE_TO_MAIL_TEST_NOW) ?? Date.now;
  armFailpoints(crash);
  try {
    const code = await runCli(
      args,
      { pid: process.pid, now: clock, alive: pidAlive, baseDir: dir, env: cleanEnv(env) },
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    );
    return { code, stdout, stderr, summary: lastLine(stdout) };
  } finally {
    armFailpoints(undefined);
  }
}

/** As main.ts answers it: a lock naming a live process (this test runner included) is held. */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

export function writeConfig(dir: string, lines: string[]): string {
  const file = join(dir, 'ise-to-mail.env');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
