import { parseIso } from '../core/isotime';
import type { FailureRecord } from '../pxgrid/schemas';
import { clean } from './sanitize';

/** One failure as the mail shows it: cleaned display values, never raw record text. */
export interface FailureView {
  time: number | undefined;
  user: string;
  endpoint: string;
  nasName: string;
  nasIp: string;
  reason: string;
  location: string;
}

/** Identical failures (same user, endpoint, NAS, reason) collapsed into one row. */
export interface DetailRow extends FailureView {
  count: number;
  first: number | undefined;
  last: number | undefined;
}

/** `time`: the record's instant when the caller has parsed it already. */
export function viewOf(r: FailureRecord, time: number | undefined = parseTime(r.timestamp)): FailureView {
  return {
    time,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason),
    location: clean(r.location),
  };
}

function parseTime(timestamp: string): number | undefined {
  const t = parseIso(timestamp);
  return Number.isFinite(t) ? t : undefined;
}
