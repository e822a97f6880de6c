import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { GZIP_OPTIONS, zlib } from '../attachment/gzmember';
import { AppError } from '../core/errors';
import { failpoint } from '../core/testing';
import type { RollupState } from '../rollup/rollup-state';
import { AtomicFile } from '../state/atomic';
import { digestToJson } from './digest-json';
import { type Meta, spoolDir, writeManifest } from './manifest';
import { BLOCK_CHARS, memberText, readMembers, type SegmentInfo } from './segments';

/**
 * Merging the spool's segments. While failures cannot go out (a long mute, a digest that keeps
 * failing) every run adds a segment of a few hundred bytes: a 4 KB block of flash each, and a
 * line of spool.json each, rewritten with every run. Past MERGE_AT segments the run that commits
 * one more merges those of one format into a single segment, so the spool keeps at most
 * MERGE_AT + 1 segment files per format, and spool.json lists few members:
 * - a member of at least SMALL_MEMBER compressed bytes (a storm's 256 K-character block) is copied
 *   byte for byte (gzip members concatenate into one valid .gz file, RFC 1952 §2.2);
 * - runs of small members are unpacked and packed again into members of up to BLOCK_CHARS, as the
 *   writer makes them. At most MAX_UNPACK_CHARS are unpacked per merge (the rest is copied), so a
 *   merge never costs more than a storm's run does.
 * The merged segment is a new file (the spool's next sequence number), written atomically;
 * mergeSpool commits a spool.json naming it, then deletes the old files. A crash before that commit
 * leaves the old spool as it was (recovery deletes the unlisted new file), one after it leaves
 * the old files unlisted (recovery deletes them): nothing lost, nothing twice.
 */
export const MERGE_AT = 8;
const SMALL_MEMBER = 4096;
const MAX_UNPACK_CHARS = 4 * BLOCK_CHARS;

/** One segment holding the rows of `segments` (one format, in order) as `file`; undefined when one is damaged. */
export function mergeSegments(dir: string, segments: SegmentInfo[], file: string): SegmentInfo | undefined {
  const out = new AtomicFile(join(dir, file));
  const members: Array<[number, number]> = [];
  let pending: string[] = [];
  let pendingRows = 0;
  let chars = 0;
  let unpacked = 0;
  const emit = (gz: Buffer, rows: number) => {
    out.write(gz);
    members.push([gz.length, rows]);
  };
  const flush = () => {
    if (pending.length > 0) emit(zlib().gzipSync(pending.join(''), GZIP_OPTIONS), pendingRows);
    pending = [];
    pendingRows = 0;
    chars = 0;
  };
  let damaged = false;
  try {
    for (const seg of segments) {
      for (const [member, rows] of readMembers(join(dir, seg.file), seg, () => (damaged = true))) {
        if (member.length >= SMALL_MEMBER || unpacked >= MAX_UNPACK_CHARS) {
          flush();
          emit(member, rows);
          continue;
        }
        const text = memberText(member);
        if (text === undefined) {
          damaged = true;
          break;
        }
        unpacked += text.length;
        pending.push(text);
        pendingRows += rows;
        chars += text.length;
        if (chars >= BLOCK_CHARS) flush();
      }
      if (damaged) break;
    }
    flush();
    if (damaged) {
      out.abort();
      return undefined;
    }
    out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
  const rows = members.reduce((a, [, n]) => a + n, 0);
  return { file, format: segments[0]!.format, rows, members };
}

/** The spool's segments once merged: the new list, the files made (to delete if not committed), the files replaced. */
export interface Merged {
  segments: SegmentInfo[];
  nextSeq: number;
  made: string[];
  replaced: Set<string>;
}

/**
 * Past MERGE_AT segments, the segments of each format merged into one new file each, in the place
 * of the first (rows stay in the order they came); undefined when there is nothing to merge.
 * Nothing is committed here: on an error the files made are deleted again.
 */
export function mergeAll(dir: string, segments: readonly SegmentInfo[], nextSeq: number): Merged | undefined {
  if (segments.length <= MERGE_AT) return undefined;
  const first = new Map<string, SegmentInfo>();
  const result: Merged = { segments: [], nextSeq, made: [], replaced: new Set() };
  try {
    for (const format of ['csv', 'json'] as const) {
      const group = segments.filter((s) => s.format === format);
      const merged = group.length < 2 ? undefined : mergeSegments(dir, group, `seg-${result.nextSeq}.gz`);
      if (!merged) continue;
      result.nextSeq++;
      result.made.push(merged.file);
      for (const s of group) result.replaced.add(s.file);
      first.set(group[0]!.file, merged);
    }
  } catch (err) {
    for (const f of result.made) rmSync(join(dir, f), { force: true });
    throw err;
  }
  if (result.made.length === 0) return undefined;
  for (const s of segments) {
    if (!result.replaced.has(s.file)) result.segments.push(s);
    else if (first.has(s.file)) result.segments.push(first.get(s.file)!);
  }
  return result;
}

/**
 * Past MERGE_AT segments, merges them (mergeAll): new segment files, then a spool.json naming
 * them (the commit), then the old files deleted. The run's records are committed already: a
 * merge that fails (a full flash) leaves the spool as it was, and the next run tries again.
 * `committed` gets the spool's new listing as soon as spool.json names it.
 */
export function mergeSpool(stateDir: string, meta: Meta, counts: RollupState, committed: (m: Meta) => void): void {
  const dir = spoolDir(stateDir);
  let merged: Merged | undefined;
  try {
    merged = mergeAll(dir, meta.segments, meta.nextSeq);
    if (!merged) return;
    failpoint('spool-merge');
    const m: Meta = { ...meta, segments: merged.segments, nextSeq: merged.nextSeq };
    writeManifest(stateDir, { ...m, digest: digestToJson(counts) });
    committed(m);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const f of merged?.made ?? []) rmSync(join(dir, f), { force: true });
    return;
  }
  failpoint('spool-merged');
  for (const f of merged.replaced) rmSync(join(dir, f), { force: true });
}
