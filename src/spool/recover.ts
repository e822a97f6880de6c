import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { renameDurable, stateWriteError } from '../state/atomic';
import { stateFile } from '../state/files';
import { isDebris, realFolder } from './folder';
import { MANIFEST, type Manifest, spoolDir } from './manifest';

/**
 * Crash recovery of the digest spool (spool.ts): a run commits spool.json naming the cursor it
 * moves to, then renames that cursor into place; a crash between the two leaves the rename to the
 * next run, and a crash before the commit leaves files no spool.json lists.
 */

/**
 * Finishes what a crashed run left: the committed cursor moved into place, then the debris of
 * our own names (segments and cursors no manifest lists, temp files) deleted. Nothing else: the
 * folder may hold files that are not ours, and a folder that is not a real one is refused.
 */
export function recoverSpool(stateDir: string, m: Pick<Manifest, 'pendingCursor' | 'segments'>): void {
  const dir = spoolDir(stateDir);
  if (!realFolder(dir)) return;
  moveCursor(stateDir, m.pendingCursor);
  const keep = new Set([MANIFEST, ...m.segments.map((s) => s.file)]);
  try {
    for (const f of readdirSync(dir)) if (isDebris(f) && !keep.has(f)) rmSync(join(dir, f), { force: true });
  } catch (err) {
    throw stateWriteError(dir, err);
  }
}

/** Renames the committed cursor `name` into place, if a run has not done so yet. */
export function moveCursor(stateDir: string, name: string | undefined): void {
  const from = name && join(spoolDir(stateDir), name);
  if (!from || !existsSync(from)) return;
  try {
    renameDurable(from, stateFile.cursor(stateDir));
  } catch (err) {
    throw stateWriteError(stateFile.cursor(stateDir), err);
  }
}

/** The cursor file a read-only run must use: the one a crashed run committed, if any. */
export function committedCursor(stateDir: string, name: string | undefined): string {
  const pending = name && join(spoolDir(stateDir), name);
  return pending && existsSync(pending) ? pending : stateFile.cursor(stateDir);
}
