import { basename } from 'node:path';

/**
 * FOR TESTS ONLY: the failpoints and the clock the tests drive a run with. Nothing here is an
 * option for users; unset, every function below is a no-op and the clock is the real one.
 *
 * - ISE_TO_MAIL_TEST_CRASH=<phase>: the process dies at that phase as a power cut would
 *   (SIGKILL), so the delivery tests prove that no failure is lost at any step of a run.
 * - ISE_TO_MAIL_TEST_STATE_FAULT=<CODE>[:<file>,<file>...]: every write into STATE_DIR (or only to
 *   the files named, e.g. `ENOSPC:incidents.json`) fails with that system error code, as a full
 *   (ENOSPC) or read-only (EROFS) flash does. Reads still work, as they do on such a flash.
 * - ISE_TO_MAIL_TEST_NOW=<ISO instant or epoch ms>: the run's clock starts at that instant and
 *   then advances in real time, so tests walk dist/run.js through simulated days (health mails,
 *   digests, mute expiry).
 *
 * src/main.ts hands its environment to `applyTestEnv`; in-process tests call `armFailpoints` and
 * `testClock` directly. The failpoints are module state on purpose: the code under test only marks
 * where it may stop (`failpoint(phase)`) and carries no hook through its arguments.
 */

export type CrashPhase =
  | 'after-fetch'
  | 'after-send'
  | 'spool-segment'
  | 'spool-commit'
  | 'spool-cursor'
  | 'spool-merge'
  | 'spool-merged'
  | 'spool-reset';

let armed: ((phase: CrashPhase) => void) | undefined;

/** Every failpoint reached from now on calls `hit` (which kills or throws); undefined disarms. */
export function armFailpoints(hit: ((phase: CrashPhase) => void) | undefined): void {
  armed = hit;
}

/** A step of a run a test may stop at, as a crash would; does nothing unless a test armed it. */
export function failpoint(phase: CrashPhase): void {
  armed?.(phase);
}

/** A clock that starts at `text` (ISO instant or epoch ms) and runs in real time; undefined if unset or unreadable. */
export function testClock(text: string | undefined, realNow: () => number = Date.now): (() => number) | undefined {
  if (!text) return undefined;
  const start = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(start)) return undefined;
  const offset = start - realNow();
  return () => realNow() + offset;
}

/**
 * Reads the ISE_TO_MAIL_TEST_* variables of `env`: arms the crash failpoint with `kill` and
 * returns the run's clock (the real one unless ISE_TO_MAIL_TEST_NOW is set).
 */
export function applyTestEnv(env: Record<string, string | undefined>, kill: () => void): () => number {
  const crashAt = env.ISE_TO_MAIL_TEST_CRASH;
  armFailpoints(crashAt ? (phase) => phase === crashAt && kill() : undefined);
  setStateFault(env.ISE_TO_MAIL_TEST_STATE_FAULT);
  return testClock(env.ISE_TO_MAIL_TEST_NOW) ?? Date.now;
}

interface StateFault {
  code: string;
  names?: string[];
}

let stateFault: StateFault | undefined;

/** `ENOSPC`, `EROFS:cursor.json,health.json`, or undefined/empty to clear. */
export function setStateFault(spec: string | undefined): void {
  if (!spec) {
    stateFault = undefined;
    return;
  }
  const [code, names] = spec.split(':');
  stateFault = { code: code!, names: names ? names.split(',') : undefined };
}

/** Throws the injected system error when a write to `file` (the file a temp file is for) must fail. */
export function checkStateWrite(file: string): void {
  if (!stateFault) return;
  if (stateFault.names && !stateFault.names.includes(basename(file))) return;
  const { code } = stateFault;
  throw Object.assign(new Error(`${code}: injected by ISE_TO_MAIL_TEST_STATE_FAULT, write '${file}'`), {
    code,
    syscall: 'write',
    path: file,
  });
}
