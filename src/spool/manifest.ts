import { join } from 'node:path';
import * as z from 'zod/mini';
import { checkOf, count, int, matching } from '../core/shape';
import { emptyRollupState } from '../rollup/rollup-state';
import { AtomicFile, writeFileAtomic } from '../state/atomic';
import { readStateJson } from '../state/files';
import { type DigestJson, digestJson, digestToJson } from './digest-json';
import type { SegmentInfo } from './segments';

/** `spool.json`: the commit point of the digest spool (spool.ts), replaced atomically, 0600. */
export const spoolDir = (stateDir: string) => join(stateDir, 'spool');
export const MANIFEST = 'spool.json';
const RESET = 'delete the spool directory to start afresh (the failures it holds are then not mailed)';

const manifestFile = checkOf(() =>
  z.object({
    version: z.literal(1),
    openedAt: z.nullable(z.string()),
    nextSeq: int(1),
    segments: z.array(
      z.object({
        file: matching(/^seg-\d+\.gz$/),
        format: z.enum(['csv', 'json']),
        rows: count(),
        members: z.array(z.tuple([count(), count()])),
      }),
    ),
    full: z.boolean(),
    pendingCursor: z.nullable(matching(/^cursor-\d+\.json$/)),
    digest: digestJson(),
  }),
);

export interface Manifest {
  /** When the first failure for the mail body was spooled: the digest is due at the next boundary. */
  openedAt: number | undefined;
  nextSeq: number;
  segments: SegmentInfo[];
  full: boolean;
  pendingCursor: string | undefined;
  digest: DigestJson;
}

/** spool.json without the counts: what the spool keeps of it between writes. */
export type Meta = Omit<Manifest, 'digest'>;

const EMPTY_DIGEST = digestToJson(emptyRollupState());
export const empty = (nextSeq: number): Manifest => ({
  openedAt: undefined,
  nextSeq,
  segments: [],
  full: false,
  pendingCursor: undefined,
  digest: EMPTY_DIGEST,
});

export function readManifest(stateDir: string): Manifest {
  const data = readStateJson(join(spoolDir(stateDir), MANIFEST), manifestFile, RESET);
  if (!data) return empty(1);
  const openedAt = data.openedAt === null ? undefined : Date.parse(data.openedAt);
  return {
    ...data,
    openedAt: Number.isFinite(openedAt) ? openedAt : undefined,
    pendingCursor: data.pendingCursor ?? undefined,
  };
}

export function writeManifest(stateDir: string, m: Manifest): void {
  writeFileAtomic(join(spoolDir(stateDir), MANIFEST), serialize(m), 0o600);
}

/**
 * spool.json written aside and made durable now, put in place by `commit` later: a flash too
 * full for it shows before the mail that depends on it goes. Throws like writeManifest.
 */
export function manifestAside(stateDir: string, m: Manifest): AtomicFile {
  const out = new AtomicFile(join(spoolDir(stateDir), MANIFEST), 0o600);
  out.write(serialize(m));
  out.sync();
  return out;
}

function serialize(m: Manifest): string {
  const file = {
    version: 1,
    openedAt: m.openedAt === undefined ? null : new Date(m.openedAt).toISOString(),
    nextSeq: m.nextSeq,
    segments: m.segments,
    full: m.full,
    pendingCursor: m.pendingCursor ?? null,
    digest: m.digest,
  };
  return `${JSON.stringify(file)}\n`;
}
