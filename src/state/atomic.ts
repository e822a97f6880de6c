import { closeSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errCode } from '../core/errcode';
import { AppError, stateError } from '../core/errors';
import { checkStateWrite } from '../core/testing';
import { makeStateDir } from './files';

/**
 * Writes a file so that a crash or power loss leaves either the old or the new content, never a
 * mix: temp file in the same directory, fsync, rename, fsync of the directory. The mode applies
 * at creation only: Guestshell's /bootflash/guest-share refuses chmod, so we never call it.
 */
export function writeFileAtomic(file: string, data: string | Iterable<string>, mode = 0o600): void {
  const out = new AtomicFile(file, mode);
  try {
    // Pieces let a large file (the cursor after a storm) be written without one big string.
    if (typeof data === 'string') out.write(data);
    else for (const piece of data) out.write(piece);
    out.commit();
  } finally {
    out.abort();
  }
}

/** The one-line error of a failed state write (exit 2), with what to check. */
export function stateWriteError(file: string, err: unknown): AppError {
  const code = errCode(err, 'error');
  return stateError(
    `cannot write ${file} (${code}): check that STATE_DIR is a writable directory and that the flash has free ` +
      `space (IOS: dir bootflash:)`,
    err,
  );
}

/** A temp file next to `file`: a random suffix, not the pid (only the entry module touches `process`). */
function tempFor(file: string): string {
  const dir = dirname(file);
  makeStateDir(dir);
  return join(dir, `.${basename(file)}.${Math.floor(Math.random() * 1e9)}.tmp`);
}

/**
 * A file written piece by piece into a temp file beside it, then made durable and renamed into
 * place by `commit`; `abort` (a no-op after commit) removes the temp file. Every error is a
 * stateWriteError naming the file.
 */
export class AtomicFile {
  #fd: number | undefined;
  #tmp: string | undefined;

  constructor(
    readonly file: string,
    readonly mode = 0o600,
  ) {}

  write(piece: string | Uint8Array): void {
    this.#try(() => {
      checkStateWrite(this.file);
      if (this.#fd === undefined) {
        this.#tmp = tempFor(this.file);
        this.#fd = openSync(this.#tmp, 'w', this.mode);
      }
      if (typeof piece === 'string') writeSync(this.#fd, piece);
      else writeSync(this.#fd, piece);
    });
  }

  /** fsync now: on a flash that allocates blocks late, a full disk shows here rather than at commit. */
  sync(): void {
    this.#try(() => {
      if (this.#fd === undefined) this.write('');
      fsyncSync(this.#fd!);
    });
  }

  commit(): void {
    this.#try(() => {
      if (this.#fd === undefined) this.write('');
      const fd = this.#fd!;
      fsyncSync(fd);
      this.#fd = undefined;
      closeSync(fd);
      renameDurable(this.#tmp!, this.file);
      this.#tmp = undefined;
    });
  }

  abort(): void {
    if (this.#fd !== undefined) {
      try {
        closeSync(this.#fd);
      } catch {
        /* already failed: the temp file goes either way */
      }
    }
    this.#fd = undefined;
    if (this.#tmp !== undefined) rmSync(this.#tmp, { force: true });
    this.#tmp = undefined;
  }

  #try(step: () => void): void {
    try {
      step();
    } catch (err) {
      this.abort();
      throw err instanceof AppError ? err : stateWriteError(this.file, err);
    }
  }
}

/** rename(2), then an fsync of the target's directory so the rename itself survives a power cut. */
export function renameDurable(from: string, to: string): void {
  renameSync(from, to);
  syncDir(dirname(to));
}

/** Room set aside on disk for a file whose content is known only later. */
export interface Reservation {
  /** Writes `data` into the reserved room, then renames it into place (fsync'd like writeFileAtomic). */
  commit(data: string): void;
  /** Gives the room back. */
  abandon(): void;
}

/**
 * Proves that `bytes` fit before something that cannot be repeated (ISE shows a generated
 * password once): writes and fsyncs that many bytes into the temp file the content will later
 * overwrite in place, so a full disk fails now, with nothing lost. Throws the system error.
 */
export function reserveFileAtomic(file: string, bytes: number, mode = 0o600): Reservation {
  checkStateWrite(file);
  const tmp = tempFor(file);
  const fd = openSync(tmp, 'w', mode);
  let open = true;
  const abandon = () => {
    if (open) closeSync(fd);
    open = false;
    rmSync(tmp, { force: true });
  };
  try {
    writeSync(fd, Buffer.alloc(bytes, 0x20));
    fsyncSync(fd);
  } catch (err) {
    abandon();
    throw err;
  }
  return {
    abandon,
    commit(data) {
      writeSync(fd, data, 0);
      ftruncateSync(fd, Buffer.byteLength(data));
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      renameSync(tmp, file);
      syncDir(dirname(file));
    },
  };
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
