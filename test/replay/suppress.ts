// ISE's "Suppress Repeated Failed Clients" applied to a trace, as the ISE 3.3 admin guide describes
// it (Segmentation chapter, RADIUS settings): an endpoint failing twice for the same reason within
// "Detect Two Failures Within" is kept out of the logs, and reported once per "Report Failures
// Once Every" period with TotalFailedAttempts and TotalFailedTime. Used by `replay --suppress`.
import type { FailureRecord } from '../fake/records';

interface Key {
  last: number;
  /** While suppressed: when the current period began, failures in it, the latest of them. */
  period?: { start: number; count: number; first: number; latest: FailureRecord; lastT: number };
}

export function suppress(records: FailureRecord[], detectMs = 5 * 60_000, reportMs = 15 * 60_000): FailureRecord[] {
  const out: FailureRecord[] = [];
  const keys = new Map<string, Key>();
  const flush = (k: Key, until: number) => {
    // Report every period that ended by `until`; a period without failures ends the suppression.
    while (k.period && k.period.start + reportMs <= until) {
      const p = k.period;
      if (p.count === 0) {
        k.period = undefined;
        break;
      }
      const at = p.start + reportMs;
      out.push({
        ...p.latest,
        timestamp: new Date(at).toISOString(),
        TotalFailedAttempts: p.count,
        TotalFailedTime: Math.round((p.lastT - p.first) / 1000),
      });
      k.period = { start: at, count: 0, first: at, latest: p.latest, lastT: at };
    }
  };
  for (const r of records) {
    const t = Date.parse(r.timestamp);
    const id = `${r.callingStationId}\u0000${String(r.failureReason).split(' ')[0]}`;
    const k = keys.get(id) ?? { last: Number.NEGATIVE_INFINITY };
    keys.set(id, k);
    flush(k, t);
    if (k.period) {
      k.period.count++;
      k.period.latest = r;
      k.period.lastT = t;
    } else if (t - k.last <= detectMs) {
      k.period = { start: t, count: 1, first: t, latest: r, lastT: t };
    } else {
      out.push(r);
    }
    k.last = t;
  }
  for (const k of keys.values()) flush(k, Number.POSITIVE_INFINITY);
  // Summaries get ids after the records they follow (ISE creates them then).
  out.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  return out.map((r, i) => ({ ...r, id: (1800000000000000n + BigInt(i)).toString() }));
}
