import type { Config } from '../config/config';
import { PxHttp } from '../pxgrid/http';
import { DESCRIPTION, fetchFailures } from '../pxgrid/session';
import { loadTls } from '../pxgrid/tls';
import type { Unreadable } from '../pxgrid/unreadable';
import type { Rollup } from '../rollup/rollup';
import { advance, type Cursor, queryStart, saveCursor } from '../state/cursor';
import { Batch } from './batch';
import type { PollContext, RunOptions } from './context';

/** What one fetch brought: the batch, and the cursor before it and once it is mailed. */
export interface PollFacts {
  /** Values of ISE's answer that could not be read as records. */
  unreadable: Unreadable;
  batch: Batch;
  cursor: Cursor;
  next: Cursor;
}

/** getFailures from the cursor (or --since) into a new batch, one record at a time. */
export async function fetchBatch(ctx: PollContext, cursor: Cursor, newRollup: () => Rollup) {
  const { cfg, opts, deadline, io, sys, incidents } = ctx;
  const now = sys.now();
  const start = opts.since ?? queryStart(cursor, cfg.overlapMs);
  const startIso = start === undefined ? undefined : new Date(start).toISOString();
  io.debug(`getFailures ${startIso ? `startTimestamp=${startIso}` : '{} (ISE default: the last hour)'}`);
  const seen = opts.since !== undefined ? new Map() : cursor.seen;
  const batch = new Batch(seen, newRollup, { start, localNow: now, incidents });
  const http = new PxHttp(loadTls(cfg.ise, now), deadline);
  try {
    const stats = await fetchFailures(cfg, http, { stateDir: cfg.stateDir, description: DESCRIPTION }, startIso, batch);
    const { seenTotal } = batch.rollup;
    io.debug(`received ${seenTotal} new, ${batch.alreadyMailed} already mailed, ${stats.unreadable.total} unreadable`);
    return { batch, ...stats };
  } finally {
    await http.close();
  }
}

/** The cursor once this batch is mailed: never past ISE's clock, at most MAX_TRACKED_IDS ids. */
export function nextCursor(cfg: Config, cursor: Cursor, batch: Batch): Cursor {
  const { iseNow, limit } = batch.window;
  return advance(cursor, batch.mailed, cfg.overlapMs, { iseNow, limit, trackedFrom: batch.trackedFrom });
}

/**
 * Nothing to mail. A first poll remembers ISE's clock so a long outage later loses nothing, and a
 * cursor found past ISE's clock comes back to it; otherwise nothing changed: spare the flash.
 */
export function commitEmpty(cfg: Config, cursor: Cursor, next: Cursor, reset: boolean): void {
  if (next.highWater === cursor.highWater && next.trackedFrom === cursor.trackedFrom && !reset) return;
  if (next.highWater !== undefined || reset) saveCursor(cfg.stateDir, next);
}

/** The RECOVERED note owed to this run's mail: none when ISE's answer held values that could not be read. */
export function recoveryFor(opts: RunOptions, f: PollFacts) {
  return f.unreadable.total > 0 ? undefined : opts.recovery;
}
