import { join } from 'node:path';
import { failpoint } from '../core/testing';
import type { Rollup } from '../rollup/rollup';
import { type Cursor, writeCursorFile } from '../state/cursor';
import { digestToJson } from './digest-json';
import { type Meta, spoolDir, writeManifest } from './manifest';
import type { SegmentWriter } from './segments';

/**
 * A run's commit into the spool (spool.ts): its segment from `writer`, then the cursor `next` it
 * will move to (a file beside the spool), then spool.json naming both, with the run's counts.
 * Returns what spool.json now lists; a throw before that last write leaves the spool as it was.
 */
export function commitRun(
  stateDir: string,
  old: Meta,
  writer: SegmentWriter | undefined,
  digest: Rollup,
  next: Cursor,
  now: number,
): Meta {
  const seq = old.nextSeq;
  const seg = writer?.finish();
  failpoint('spool-segment');
  const cursorName = `cursor-${seq}.json`;
  writeCursorFile(join(spoolDir(stateDir), cursorName), next);
  const m: Meta = {
    openedAt: old.openedAt ?? (digest.total > 0 ? now : undefined),
    nextSeq: seq + 1,
    segments: seg ? [...old.segments, { ...seg, file: `seg-${seq}.gz` }] : old.segments,
    full: old.full || (writer?.full ?? false),
    pendingCursor: cursorName,
  };
  writeManifest(stateDir, { ...m, digest: digestToJson(digest.state) });
  return m;
}
