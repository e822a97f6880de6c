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

/** Parsed record times, for `cacheBodies` (records are then never changed in place). */
const times = new WeakMap<FailureRecord, number>();
function timeOf(r: FailureRecord, cache: boolean): number {
  if (!cache) return instantOf(r.timestamp);
  let t = times.get(r);
  if (t === undefined) {
    t = instantOf(r.timestamp);
    times.set(r, t);
  }
  return t;
}

/** Records at or after `start` (compared as instants, whatever offset they carry); all with `start` NaN. */
function select(records: FailureRecord[], start: number, order: 'asc' | 'desc', cache: boolean): FailureRecord[] {
  const timed = records.map((r) => ({ t: timeOf(r, cache), r })).filter((x) => Number.isNaN(start) || x.t >= start);
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

/** With `cacheBodies`: the last few answers' text per record list, reused while the same records are selected. */
const answers = new WeakMap<FailureRecord[], Array<{ list: FailureRecord[]; chunks: string[] }>>();

function answerChunks(records: FailureRecord[], list: FailureRecord[], cache: boolean): Iterable<string> {
  if (!cache) return failureChunks(list);
  const kept = answers.get(records) ?? [];
  const hit = kept.find((a) => a.list.length === list.length && a.list.every((r, i) => r === list[i]));
  if (hit) return hit.chunks;
  const chunks = [...failureChunks(list)];
  // Two askers (ours from its cursor, the original for the last hour) select two different lists.
  answers.set(records, [{ list, chunks }, ...kept.slice(0, 2)]);
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
  const cache = sim.opts.cacheBodies === true;
  const list = select(records, start, sim.opts.order ?? 'asc', cache);
  await sendStream(ctx, 200, answerChunks(records, list, cache));
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
