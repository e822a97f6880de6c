import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { errCode } from '../core/errcode';
import { AppError, stateError } from '../core/errors';

/** Names of the files in STATE_DIR. */
export const stateFile = {
  cursor: (dir: string) => join(dir, 'cursor.json'),
  credentials: (dir: string) => join(dir, 'pxgrid-account.json'),
  lock: (dir: string) => join(dir, 'run.lock'),
  health: (dir: string) => join(dir, 'health.json'),
  /** The values of failures the mail server refused to carry (src/withhold). */
  withheld: (dir: string) => join(dir, 'withheld.json'),
  incidents: (dir: string) => join(dir, 'incidents.json'),
  mutes: (dir: string) => join(dir, 'mutes.json'),
};

/** The names of every state file above (the spool keeps its own folder): what a run sweeps temps of. */
export const stateFileNames = (dir: string): string[] => Object.values(stateFile).map((f) => basename(f(dir)));

/**
 * Reads a JSON state file. Missing: undefined. Unreadable or corrupt: a usage error (exit 2) that
 * names the file and how to recover; never a silent reset, which would re-mail or lose failures.
 */
/**
 * `check` returns the accepted value or undefined for a wrong shape. `extract` may take a large
 * part out of the text before JSON.parse (the cursor's id list).
 */
export function readStateJson<T>(
  file: string,
  check: (value: unknown) => T | undefined,
  reset: string,
  extract?: (text: string) => string,
): T | undefined {
  let text: string;
  try {
    text = readRegular(file);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return undefined;
    if (err instanceof AppError) throw err;
    throw stateError(`cannot read state file ${file} (${code || 'error'}): check STATE_DIR permissions`);
  }
  let value: unknown;
  try {
    value = JSON.parse(extract ? extract(text) : text);
  } catch {
    throw stateError(`state file ${file} is corrupt (not JSON); ${reset}`);
  }
  const parsed = check(value);
  if (parsed === undefined) throw stateError(`state file ${file} is corrupt or from a newer release; ${reset}`);
  return parsed;
}

/** The file's text, opened non-blocking: a FIFO or device in its place is refused, never waited on. */
function readRegular(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw stateError(`state file ${file} is not a regular file: move it away`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates STATE_DIR (and missing parents) 0700 whatever the umask: it holds the pxGrid password.
 * An existing directory is left as it is (Guestshell's bootflash refuses chmod).
 */
export function makeStateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
