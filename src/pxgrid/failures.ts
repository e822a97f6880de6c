import { iseError } from '../errors';
import { transportError, type BasicAuth, type PxHttp } from './http';
import { ArrayElementStream } from './jsonstream';
import { failureRecord, type FailureRecord } from './schemas';

export interface FetchStats {
  /** Records that lacked an id or timestamp and so could not be tracked (counted, not mailed). */
  invalid: number;
  /** ISE's clock (HTTP Date header) when it answered, if it sent one. */
  serverDate?: number;
}

// A numeric id longer than 15 digits would lose precision in JSON.parse; keep it as a string.
const LONG_NUMERIC_ID = /("id"\s*:\s*)(\d{16,})(?=\s*[,}])/;

/**
 * POST <restBaseUrl>/getFailures and hand each record to `onRecord` as it arrives (pxgrid-api.md
 * §4.1). The body is never held whole. A body that ends before the JSON does is an error: the run
 * must not advance the cursor past records it never saw.
 */
export async function streamFailures(
  http: PxHttp,
  restBaseUrl: string,
  auth: BasicAuth,
  startTimestamp: string | undefined,
  onRecord: (r: FailureRecord) => void,
): Promise<FetchStats> {
  const url = `${restBaseUrl.replace(/\/+$/, '')}/getFailures`;
  const res = await http.post(url, startTimestamp ? { startTimestamp } : {}, auth);
  if (res.status !== 200) {
    await res.body.dump().catch(() => undefined);
    throw new ServiceStatusError(res.status, url);
  }
  const stats: FetchStats = { invalid: 0, serverDate: res.date ? Date.parse(res.date) || undefined : undefined };
  const parser = new ArrayElementStream('failures', (buf) => {
    const parsed = failureRecord.safeParse(JSON.parse(buf.toString('utf8').replace(LONG_NUMERIC_ID, '$1"$2"')));
    if (parsed.success) onRecord(parsed.data as FailureRecord);
    else stats.invalid++;
  });
  try {
    for await (const chunk of res.body) parser.write(chunk as Buffer);
  } catch (err) {
    if (err instanceof SyntaxError || (err instanceof Error && !('code' in err))) {
      throw iseError(`getFailures answered with invalid JSON (${err.message}); nothing was mailed, the next run retries`);
    }
    throw transportError(url, err);
  }
  if (!parser.complete) {
    throw iseError('the getFailures response ended early (truncated); nothing was mailed and the cursor is unchanged: the next run retries');
  }
  return stats;
}

/** A non-200 answer from the service node; the caller decides (refresh secret, next node). */
export class ServiceStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`getFailures answered HTTP ${status}`);
  }
}
