import { lstatSync, type Stats } from 'node:fs';
import { stateError } from '../core/errors';

/**
 * What spool recovery may touch in STATE_DIR/spool: only a real folder, and in it only the names
 * the spool itself writes. Anything else there is not ours: a spool symlinked to a scratch
 * folder must not cost that folder its files.
 */

/** Names the spool writes: segments, committed cursors, and the temp files of either or of spool.json. */
const DEBRIS = /^(?:seg-\d+\.gz|cursor-\d+\.json|\.(?:seg-\d+\.gz|cursor-\d+\.json|spool\.json)\.\d+\.tmp)$/;

/** False when there is no spool folder yet; a symlink or a file in its place is refused (exit 2). */
export function realFolder(dir: string): boolean {
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch {
    return false;
  }
  if (st.isDirectory()) return true;
  throw stateError(
    `${dir} is not a directory (a symlink or a file): the digest spool must be a folder of its own inside ` +
      'STATE_DIR; move that away (nothing was deleted) and the next run creates it',
  );
}

export const isDebris = (name: string) => DEBRIS.test(name);
