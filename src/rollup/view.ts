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
  /** An administrator's login to the device itself (isAdminService); absent in older spools. */
  admin?: boolean;
}

/**
 * An administrator logging in to the device itself (VTY/SSH, a firewall's or a fabric controller's
 * management login) rather than network access. RADIUS Service-Type (RFC 2865 section 5.6):
 * Login (1), Administrative (6), NAS Prompt (7). nasPortType Virtual alone is no sign: remote-access
 * VPN sessions are Virtual too.
 */
const ADMIN_SERVICE = /^(login|administrative|nas[ -]?prompt)(-user)?$/i;
export const isAdminService = (serviceType: unknown): boolean =>
  typeof serviceType === 'string' && ADMIN_SERVICE.test(serviceType.trim());

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
    ...(isAdminService(r.serviceType) ? { admin: true } : {}),
  };
}
