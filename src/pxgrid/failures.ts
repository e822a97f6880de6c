import { AppError, iseError } from '../core/errors';
import { isObject } from '../core/json';
import { headerTime } from '../core/times';
import type { BasicAuth, PxHttp } from './http';
import { MalformedJson } from './jsonscan';
import { ArrayElementStream } from './jsonstream';
import { type FailureRecord, failureRecord } from './schemas';
import { deadlineError, transportError } from './transport-errors';
import { Unreadable } from './unreadable';

export interface FetchStats {
  /** Values of the failures array that cannot be read as records: none of them is mailed. */
  unreadable: Unreadable;
  /** ISE's clock (HTTP Date header) when it answered, if it sent a plausible one. */
  serverDate?: number;
}

/** Where the records of a getFailures reply go, one at a time. */
export interface RecordSink {
  /** ISE's clock from the reply's Date header (undefined: none, or absurd), before any record. */
  begin(iseNow: number | undefined): void;
  add(record: FailureRecord): void;
}

// A numeric id longer than 15 digits would lose precision in JSON.parse; keep it as a string.
const LONG_NUMERIC_ID = /("id"\s*:\s*)(\d{16,})(?=\s*[,}])/;
/** How much of the reply's start a protocol error quotes. */
const PREVIEW_BYTES = 120;

/**
 * POST <restBaseUrl>/getFailures and hand each record to `sink` as it arrives (
 * https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/Radius-Failure). The body is never held
 * whole. A body that ends before the JSON does, or holds no `failures` array, is an error: the run
 * must not advance the cursor past records it never saw.
 */
export async function streamFailures(
  http: PxHttp,
  restBaseUrl: string,
  auth: BasicAuth,
  startTimestamp: string | undefined,
  sink: RecordSink,
): Promise<FetchStats> {
  const url = `${restBaseUrl.replace(/\/+$/, '')}/getFailures`;
  const res = await http.post(url, startTimestamp ? { startTimestamp } : {}, auth);
  if (res.status !== 200) {
    await res.body.dump().catch(() => undefined);
    throw new ServiceStatusError(res.status, url);
  }
  const stats: FetchStats = { unreadable: new Unreadable(), serverDate: headerTime(res.date) };
  sink.begin(stats.serverDate);
  const parser = failureStream((record) => sinkCall(sink, record), stats.unreadable);
  let head = Buffer.alloc(0);
  try {
    await res.body.each((chunk) => {
      if (head.length < PREVIEW_BYTES) head = Buffer.concat([head, chunk.subarray(0, PREVIEW_BYTES - head.length)]);
      parser.write(chunk);
    });
    parser.end();
  } catch (err) {
    readFailed(err, http, url);
  }
  if (!parser.complete) throw http.expired() ? deadlineError() : iseError(TRUNCATED);
  if (!parser.found) throw iseError(noFailures(head));
  return stats;
}

/**
 * Throws what a failed read of the body means. Returns only for a body cut short by the server,
 * which the completeness check after the read then names as truncated.
 */
function readFailed(err: unknown, http: PxHttp, url: string): void {
  // A fault of ours while handling a record is an internal error, not ISE's invalid JSON.
  if (err instanceof SinkError) throw err.cause;
  if (http.expired()) throw deadlineError();
  if (err instanceof AppError) throw err;
  if (err instanceof MalformedJson) {
    throw iseError(`getFailures answered with invalid JSON (${err.message}); nothing was mailed, the next run retries`);
  }
  // Anything without a system error code is a bug of ours: reported as internal, not blamed on ISE.
  if (typeof (err as { code?: unknown }).code !== 'string') throw err;
  // node:http reports a body cut short by the server as ECONNRESET "aborted"; streamFailures'
  // completeness check then names it as truncated (https://nodejs.org/api/http.html#event-aborted).
  if ((err as Error).message !== 'aborted') throw transportError(url, err);
}

/** The reply held no `failures` array: quote its start, so the operator sees what came back. */
function noFailures(head: Buffer): string {
  const text = head
    .toString('utf8')
    .replace(/\uFFFD+$/, '')
    .replace(/\s+/g, ' ');
  const more = head.length >= PREVIEW_BYTES ? '...' : '';
  return (
    `getFailures answered HTTP 200 without a "failures" array (the reply began: ${text}${more}); ` +
    'nothing was mailed and the cursor is unchanged: check the ISE version and the MnT node ' +
    '(Operations > Reports), the next run retries'
  );
}

/**
 * Reads `{"failures":[...]}` as it arrives: each record to `onRecord`; each value that is no record,
 * and each record nested deeper than MAX_DEPTH (named by its first bytes), into `unreadable`.
 */
export function failureStream(onRecord: (r: FailureRecord) => void, unreadable: Unreadable): ArrayElementStream {
  const take = (record: FailureRecord | undefined) => (record ? onRecord(record) : unreadable.notObject++);
  return new ArrayElementStream(
    'failures',
    (buf) => take(parseElement(buf)),
    undefined,
    () => unreadable.notObject++,
    (text) => {
      let values: unknown[];
      try {
        values = JSON.parse(`[${text}]`) as unknown[];
      } catch {
        return false;
      }
      // A numeric id that lost precision needs its record's own text (parseRecord): the careful path does that.
      for (const v of values) if (isObject(v) && typeof v.id === 'number' && !Number.isSafeInteger(v.id)) return false;
      // As the careful path: an object is a record if it has what one needs; anything else is counted.
      for (const v of values) take(failureRecord(v));
      return true;
    },
    (head) => unreadable.tooDeep(head),
  );
}

class SinkError extends Error {}

/** One element of the array: a record, undefined when unusable, MalformedJson when not JSON. */
function parseElement(buf: Buffer): FailureRecord | undefined {
  try {
    return parseRecord(buf.toString('utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) throw new MalformedJson(err.message);
    throw err;
  }
}

function sinkCall(sink: RecordSink, record: FailureRecord): void {
  try {
    sink.add(record);
  } catch (err) {
    throw new SinkError('record handler failed', { cause: err });
  }
}

/**
 * One record, or undefined when it is no object. The text is re-read only when a
 * bare numeric id lost precision in JSON.parse.
 */
export function parseRecord(json: string): FailureRecord | undefined {
  let value: unknown = JSON.parse(json);
  if (isObject(value) && typeof value.id === 'number' && !Number.isSafeInteger(value.id)) {
    value = JSON.parse(json.replace(LONG_NUMERIC_ID, '$1"$2"'));
  }
  return failureRecord(value);
}

const TRUNCATED =
  'the getFailures response ended early (truncated); nothing was mailed and the cursor is unchanged: the next ' +
  'run retries';

/** A non-200 answer from the service node; the caller decides (refresh secret, next node). */
export class ServiceStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`getFailures answered HTTP ${status}`);
  }
}
