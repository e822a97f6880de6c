import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { AppError, stateError } from '../core/errors';
import { stateFile } from './files';

export interface LockOwner {
  pid: number;
  started: number;
}

export interface LockEnv {
  pid: number;
  now: () => number;
  /** True when a process with this pid exists (signal 0). */
  alive: (pid: number) => boolean;
  /** A lock older than this is stale even if its pid exists (pids get reused). */
  staleAfterMs: number;
}

/**
 * One run at a time per STATE_DIR: EEM starts a new run on schedule even if the last one still
 * runs. Exclusive create (O_EXCL) is atomic on every filesystem we meet; no chmod/utime, which
 * Guestshell's bootflash refuses. Returns the release function.
 */
export function acquireLock(stateDir: string, env: LockEnv): () => void {
  const file = stateFile.lock(stateDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    const mine = { pid: env.pid, started: new Date(env.now()).toISOString() };
    try {
      mkdirSync(stateDir, { recursive: true });
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(mine)}\n`);
      closeSync(fd);
      return () => releaseIfMine(file, mine);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw stateError(
          `cannot create lock file ${file} (${code}): check that STATE_DIR is a writable directory (on the device: under /bootflash/guest-share, created from inside Guestshell)`,
        );
    }
    const owner = readOwner(file);
    const held = owner
      ? env.alive(owner.pid) && env.now() - owner.started < env.staleAfterMs
      : youngerThan(file, 10_000, env.now());
    if (held) {
      const who = owner ? `pid ${owner.pid}, started ${new Date(owner.started).toISOString()}` : 'just starting';
      throw new AppError(
        'locked',
        `another run (${who}) holds ${file}; this run did nothing. If no run is active, delete that file`,
      );
    }
    // Stale: its process is gone or it is far older than any run may last. Take it over.
    rmSync(file, { force: true });
  }
  throw new AppError('locked', `another run keeps re-creating ${file}; this run did nothing`);
}

/** Removes the lock only while it is still ours: a run that overran must not free a successor's lock. */
function releaseIfMine(file: string, mine: { pid: number; started: string }): void {
  const owner = readOwner(file);
  if (owner && owner.pid === mine.pid && owner.started === Date.parse(mine.started)) rmSync(file, { force: true });
}

/** An unreadable lock may be one another run is still writing: honour it while it is young. */
function youngerThan(file: string, ms: number, now: number): boolean {
  try {
    return now - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; started?: unknown };
    const started = typeof data.started === 'string' ? Date.parse(data.started) : NaN;
    if (typeof data.pid === 'number' && Number.isFinite(started)) return { pid: data.pid, started };
  } catch {
    /* unreadable or half-written: treated as stale */
  }
  return undefined;
}
