import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errCode } from '../core/errcode';
import { AppError, stateError } from '../core/errors';
import { checkStateWrite } from '../core/testing';
import { summaryTime } from '../core/times';
import { makeStateDir, stateFile } from './files';
import { identity, type LockOwner, look } from './lock-owner';

/** What to do about a lock race: usually nothing; two schedulers or installs sharing STATE_DIR if it repeats. */
const AGAIN =
  '. Nothing to do if the next run succeeds; if this repeats, two EEM policies or two installs share ' +
  "STATE_DIR (check 'show event manager policy registered')";

export interface LockEnv {
  pid: number;
  now: () => number;
  /** True when a process with this pid exists (signal 0). */
  alive: (pid: number) => boolean;
  /** The longest a run can last: a lock older than this is stale even if its pid exists (pids get reused). */
  maxRunMs: number;
}

/**
 * After RUN_DEADLINE a run may still send its health mails (at least 20 s each, at most two), so
 * a lock older than RUN_DEADLINE plus this is stale even if a process with its pid exists.
 */
export const RUN_TAIL_MS = 60_000;

/** The lock as a run (or a mute command, which takes the same lock) holds it. */
export const runLockEnv = (deadlineMs: number, sys: Pick<LockEnv, 'pid' | 'now' | 'alive'>): LockEnv => ({
  pid: sys.pid,
  now: sys.now,
  alive: sys.alive,
  maxRunMs: deadlineMs + RUN_TAIL_MS,
});

/** This run did nothing: another one holds the lock. `owner` is known unless it is being taken over. */
export class LockHeld extends AppError {
  constructor(
    message: string,
    readonly file: string,
    readonly owner?: LockOwner,
  ) {
    super('locked', message);
  }

  /** Who holds the lock, for a message of the caller's own. */
  holder(): string {
    return lockHolder(this.file, this.owner);
  }
}

function lockHolder(file: string, owner: LockOwner | undefined): string {
  if (!owner) return `another run is taking over the stale ${file}`;
  return `another run (pid ${owner.pid}, started ${summaryTime(owner.started)}) holds ${file}`;
}

/** The lock cannot be written: STATE_DIR is full, read-only or not a directory. */
export class LockUnwritable extends AppError {
  constructor(message: string) {
    super('state', message);
  }
}

/** Hard links missing (some flash filesystems): the lock is then written in place. */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);
/** A takeover takes microseconds: a marker this old was left by a run killed during one. */
const MARKER_STALE_MS = 60_000;

const random = () => Math.floor(Math.random() * 1e9);
const code = (err: unknown) => errCode(err, 'error');

/**
 * One run at a time per STATE_DIR: EEM starts a new run on schedule even if the last one still
 * runs. The lock appears whole or not at all (written aside, then hard-linked into place, which
 * fails if it exists), so a lock that cannot be read is debris, not a run starting up. A stale
 * lock (owner gone, started in the future or longer ago than any run lasts) is taken over by
 * exactly one run (takeOver). No chmod/utime, which Guestshell's bootflash refuses. Returns the
 * release function.
 */
export function acquireLock(stateDir: string, env: LockEnv): () => void {
  const file = stateFile.lock(stateDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    const mine = `${JSON.stringify({ pid: env.pid, started: new Date(env.now()).toISOString() })}\n`;
    if (create(file, mine)) return () => releaseIfMine(file, mine);
    const seen = look(file);
    if (!seen) continue; // released meanwhile
    const { owner } = seen;
    const now = env.now();
    if (owner && env.alive(owner.pid) && owner.started <= now && now - owner.started < env.maxRunMs) {
      const why = `${lockHolder(file, owner)}; this run did nothing. If no run is active, delete that file`;
      throw new LockHeld(why, file, owner);
    }
    if (!takeOver(file, seen.id, now))
      throw new LockHeld(`${lockHolder(file, undefined)} right now; this run did nothing${AGAIN}`, file);
  }
  throw new LockHeld(`another run keeps re-creating ${file}; this run did nothing${AGAIN}`, file);
}

/** True when the lock is now ours; false when one exists. */
function create(file: string, content: string): boolean {
  const tmp = join(dirname(file), `.run.lock.${random()}.tmp`);
  try {
    makeStateDir(dirname(file));
    checkStateWrite(file);
    writeNew(tmp, content);
    try {
      linkSync(tmp, file);
    } catch (err) {
      if (!NO_LINK.has(code(err))) throw err;
      writeNew(file, content);
    }
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    throw new LockUnwritable(
      `cannot create lock file ${file} (${code(err)}): check that STATE_DIR is a writable directory with free ` +
        `space (on the device: under /bootflash/guest-share, created from inside Guestshell)`,
    );
  } finally {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* never created: STATE_DIR is not a directory */
    }
  }
}

function writeNew(file: string, content: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

function identityOf(file: string): string | undefined {
  try {
    return identity(statSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Removes the stale lock `id`, at most one run at a time: the first to create its marker wins,
 * and only the marker's holder may remove that lock, so two runs cannot both remove it and then
 * each believe the lock they create next is theirs. Returns false when another run is at it.
 */
function takeOver(file: string, id: string, now: number): boolean {
  const marker = `${file}.${id}.takeover`;
  try {
    writeNew(marker, '');
  } catch (err) {
    if (code(err) !== 'EEXIST') throw stateError(`cannot take over the stale lock ${file} (${code(err)})`);
    try {
      if (now - statSync(marker).mtimeMs > MARKER_STALE_MS) rmSync(marker, { force: true });
    } catch {
      /* gone already */
    }
    return false;
  }
  const moved = `${file}.${random()}.stale`;
  try {
    if (identityOf(file) !== id) return true; // already gone: compete for a fresh one
    renameSync(file, moved);
    // Only if its owner released it and another run locked in between: put that lock back.
    if (identityOf(moved) !== id) linkSync(moved, file);
  } catch {
    /* gone meanwhile, or no way to put it back: the next attempt looks again */
  } finally {
    rmSync(moved, { force: true });
    rmSync(marker, { force: true });
  }
  return true;
}

/** Removes the lock only while it is still ours: a run that overran must not free a successor's lock. */
function releaseIfMine(file: string, mine: string): void {
  try {
    if (readFileSync(file, 'utf8') === mine) rmSync(file, { force: true });
  } catch {
    /* already gone */
  }
}
