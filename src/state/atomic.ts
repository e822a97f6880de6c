import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, usageError } from '../core/errors';

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
export function stateWriteError(file: string, err: unknown) {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return usageError(
    `cannot write ${file} (${code}): check that STATE_DIR is a writable directory and that the flash has free space (IOS: dir bootflash:)`,
  );
}

/**
 * A file written piece by piece into a temp file beside it, then made durable and renamed into
 * place by `commit`; `abort` (a no-op after commit) removes the temp file. Every error is a
 * stateWriteError naming the file.
 */
export class AtomicFile {
  #fd: number | undefined;
  readonly #tmp: string;

  constructor(
    readonly file: string,
    readonly mode = 0o600,
  ) {
    // A random suffix, not the pid: only the entry module touches `process`, and two runs never
    // write the same file at once anyway (the lock).
    this.#tmp = join(dirname(file), `.${basename(file)}.${Math.floor(Math.random() * 1e9)}.tmp`);
  }

  write(piece: string | Uint8Array): void {
    this.#try(() => {
      if (this.#fd === undefined) {
        mkdirSync(dirname(this.file), { recursive: true });
        this.#fd = openSync(this.#tmp, 'w', this.mode);
      }
      if (typeof piece === 'string') writeSync(this.#fd, piece);
      else writeSync(this.#fd, piece);
    });
  }

  commit(): void {
    this.#try(() => {
      if (this.#fd === undefined) this.write('');
      const fd = this.#fd!;
      fsyncSync(fd);
      this.#fd = undefined;
      closeSync(fd);
      renameDurable(this.#tmp, this.file);
    });
  }

  abort(): void {
    if (this.#fd === undefined) return;
    try {
      closeSync(this.#fd);
    } catch {
      /* already failed: the temp file goes either way */
    }
    this.#fd = undefined;
    rmSync(this.#tmp, { force: true });
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
