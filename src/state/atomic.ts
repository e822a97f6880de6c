import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stateError } from '../core/errors';

/**
 * Writes a file so that a crash or power loss leaves either the old or the new content, never a
 * mix: temp file in the same directory, fsync, rename, fsync of the directory. The mode applies
 * at creation only: Guestshell's /bootflash/guest-share refuses chmod, so we never call it.
 */
export function writeFileAtomic(file: string, data: string | Iterable<string>, mode = 0o600): void {
  try {
    write(file, data, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw stateError(
      `cannot write ${file} (${code}): check that STATE_DIR is a writable directory and that the flash has free space (IOS: dir bootflash:)`,
    );
  }
}

function write(file: string, data: string | Iterable<string>, mode: number): void {
  // A random suffix, not the pid: only the entry module touches `process`, and two runs never
  // write the same file at once anyway (the lock).
  const suffix = Math.floor(Math.random() * 1e9);
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${suffix}.tmp`);
  const fd = openSync(tmp, 'w', mode);
  try {
    // Pieces let a large file (the cursor after a storm) be written without one big string.
    if (typeof data === 'string') writeSync(fd, data);
    else for (const piece of data) writeSync(fd, piece);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  syncDir(dir);
}

function syncDir(dir: string): void {
  // Makes the rename itself durable. Some filesystems refuse fsync on a directory: then the
  // rename is as durable as that filesystem allows, which is all we can do there.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
