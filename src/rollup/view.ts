import { clean } from '../core/sanitize';
import { placedTime } from '../core/times';
import type { FailureRecord } from '../pxgrid/schemas';

/** One failure as the mail shows it: cleaned display values, never raw record text. */
export interface FailureView {
  time: number | undefined;
  user: string;
  endpoint: string;
  nasName: string;
  nasIp: string;
  reason: string;
  location: string;
  /** The switch port (nasPortId), the PSN that answered (serverName), the audit session id. */
  port?: string;
  psn?: string;
  session?: string;
}

/** What the mail shows for a record without a failureReason. */
export const NO_REASON = '(no reason given)';

/** `time`: the record's instant when the caller has already worked it out. */
export function viewOf(r: FailureRecord, time = placedTime(r.timestamp)): FailureView {
  return {
    time,
    user: clean(r.userName),
    endpoint: clean(r.callingStationId ?? r.macAddress),
    nasName: clean(r.nasName ?? r.networkDeviceName),
    nasIp: clean(r.nasIpAddress, 64),
    reason: clean(r.failureReason) || NO_REASON,
    location: clean(r.location),
    port: clean(r.nasPortId, 64) || undefined,
    psn: clean(r.serverName, 64) || undefined,
    session: clean(r.auditSessionId, 64) || undefined,
  };
}
