import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { errCode } from '../core/errcode';
import { stateError } from '../core/errors';

/** Reading the lock file of lock.ts: which run owns it, and which file it is (for the takeover). */

export interface LockOwner {
  pid: number;
  started: number;
}

const code = (err: unknown) => errCode(err, 'error');

/** Which file it is: the same inode, size and time can only be the same lock. */
export const identity = (st: Stats) => `${st.ino}-${st.size}-${Math.round(st.mtimeMs * 1000)}`;

/** The lock as it is now, or undefined if there is none. */
export function look(file: string): { id: string; owner?: LockOwner } | undefined {
  let fd: number;
  try {
    // Non-blocking: a FIFO in its place would otherwise hold the run here past RUN_DEADLINE.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw stateError(`cannot read lock file ${file} (${code(err)}): check STATE_DIR permissions`);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw stateError(`${file} is not a regular file: delete it; this run did nothing, the next one creates it`);
    const buf = Buffer.alloc(512);
    const n = readSync(fd, buf, 0, buf.length, null);
    return { id: identity(fstatSync(fd)), owner: parseOwner(buf.subarray(0, n).toString('utf8')) };
  } finally {
    closeSync(fd);
  }
}

/** Empty or unparsable (a disk that filled up while it was written): stale. */
function parseOwner(text: string): LockOwner | undefined {
  try {
    const data = JSON.parse(text) as { pid?: unknown; started?: unknown };
    const started = typeof data.started === 'string' ? Date.parse(data.started) : Number.NaN;
    if (typeof data.pid === 'number' && Number.isFinite(started)) return { pid: data.pid, started };
  } catch {
    /* debris */
  }
  return undefined;
}
