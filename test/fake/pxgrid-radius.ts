// The RADIUS failure service of the fake (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/Radius-Failure):
// getFailures and
// getFailureById under each service node's restBaseUrl path.

import type { Handler } from './pxgrid-control';
import { bodyObject, type Ctx, send, sendJson, sendStream } from './pxgrid-http';
import { type ResolvedNode, requireServiceAuth, type Sim } from './pxgrid-state';
import type { FailureRecord } from './records';

const HOUR_MS = 60 * 60 * 1000;
/** Flush the streamed JSON in pieces of about this size rather than per record. */
const CHUNK_CHARS = 64 * 1024;

/** Numeric order of digit-string ids without BigInt: shorter is smaller, then lexical. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A record's instant: ISO text with any offset, or a number of epoch seconds or milliseconds. */
export function instantOf(timestamp: unknown): number {
  if (typeof timestamp === 'number') return Math.abs(timestamp) < 1e11 ? timestamp * 1000 : timestamp;
  return typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
}

/** Records at or after `start` (compared as instants, whatever offset they carry); all with `start` NaN. */
function select(records: FailureRecord[], start: number, order: 'asc' | 'desc'): FailureRecord[] {
  const timed = records
    .map((r) => ({ t: instantOf(r.timestamp), r }))
    .filter((x) => Number.isNaN(start) || x.t >= start);
  timed.sort((x, y) => x.t - y.t || compareIds(String(x.r.id), String(y.r.id)));
  if (order === 'desc') timed.reverse();
  return timed.map((x) => x.r);
}

/** Serialises `{"failures":[...]}` lazily so 100k records never sit in one string. */
function* failureChunks(list: FailureRecord[]): Generator<string> {
  let buf = '{"failures":[';
  for (let i = 0; i < list.length; i++) {
    buf += (i === 0 ? '' : ',') + JSON.stringify(list[i]);
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}]}`;
}

/**
 * With `cacheBodies` (the bench): records sorted once per list, and the last few answers' text by
 * where they start, so the fake answers in microseconds and both programs measured wait only for
 * the bytes. Every record must have a valid timestamp, and records are never changed in place.
 */
const sortedLists = new WeakMap<FailureRecord[], { list: FailureRecord[]; times: number[] }>();
const answers = new WeakMap<FailureRecord[], Map<string, Buffer[]>>();

function cachedAnswer(records: FailureRecord[], start: number, order: 'asc' | 'desc'): Buffer[] {
  let sorted = sortedLists.get(records);
  if (!sorted) {
    const list = select(records, Number.NaN, 'asc');
    sorted = { list, times: list.map((r) => instantOf(r.timestamp)) };
    sortedLists.set(records, sorted);
  }
  const { list, times } = sorted;
  let from = 0;
  if (!Number.isNaN(start)) {
    let hi = times.length;
    while (from < hi) {
      const mid = (from + hi) >> 1;
      if (times[mid]! < start) from = mid + 1;
      else hi = mid;
    }
  }
  const kept = answers.get(records) ?? new Map<string, Buffer[]>();
  answers.set(records, kept);
  const key = `${from}:${order}`;
  let chunks = kept.get(key);
  if (!chunks) {
    const part = list.slice(from);
    if (order === 'desc') part.reverse();
    // As bytes: encoding 120 MB of text again for every request would slow the sender, not the programs measured.
    chunks = [...failureChunks(part)].map((c) => Buffer.from(c));
    // Two askers (ours from its cursor, the original for the last hour) select two different lists.
    if (kept.size >= 3) kept.delete(kept.keys().next().value as string);
    kept.set(key, chunks);
  }
  return chunks;
}

function recordsOf(sim: Sim, node: ResolvedNode): FailureRecord[] {
  return node.spec.failures ?? sim.failures;
}

async function getFailures(sim: Sim, ctx: Ctx, node: ResolvedNode): Promise<void> {
  if (!requireServiceAuth(sim, ctx, node)) return;
  const body = bodyObject(ctx.body);
  if (!body) return send(ctx, 400);
  const ts = body.startTimestamp;
  let start = sim.now() - HOUR_MS; // "Last one hour if not specified"
  if (ts !== undefined) {
    if (typeof ts !== 'string' || Number.isNaN(Date.parse(ts))) return send(ctx, 400);
    start = Date.parse(ts);
  }
  if (sim.opts.ignoreStartTimestamp) start = Number.NaN;
  const records = recordsOf(sim, node);
  const order = sim.opts.order ?? 'asc';
  if (sim.opts.cacheBodies) return sendStream(ctx, 200, cachedAnswer(records, start, order));
  await sendStream(ctx, 200, failureChunks(select(records, start, order)));
}

function getFailureById(sim: Sim, ctx: Ctx, node: ResolvedNode): void {
  if (!requireServiceAuth(sim, ctx, node)) return;
  const id = bodyObject(ctx.body)?.id;
  if (typeof id !== 'string' && typeof id !== 'number') return send(ctx, 400);
  const found = recordsOf(sim, node).find((r) => r.id === String(id));
  // Not-found behaviour of real ISE is unconfirmed; 404 with an empty body is our choice.
  if (!found) return send(ctx, 404);
  sendJson(ctx, 200, found);
}

const CALLS = {
  getFailures,
  getFailureById,
} as const;

/** The handler for `<restBaseUrl path>/<call>` of a node served by this fake, if any. */
export function radiusHandler(sim: Sim, ctx: Ctx): Handler | undefined {
  for (const node of sim.nodes) {
    if (!node.local || !ctx.path.startsWith(`${node.path}/`)) continue;
    const call = ctx.path.slice(node.path.length + 1);
    if (call !== 'getFailures' && call !== 'getFailureById') continue;
    if (ctx.method !== 'POST') return (_s, c) => send(c, 405);
    const fn = CALLS[call];
    return (s, c) => fn(s, c, node);
  }
  return undefined;
}
