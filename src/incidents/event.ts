import { clean } from '../core/sanitize';
import { placedTime } from '../core/times';
import { reasonCode } from '../pxgrid/reason';
import { type FailureRecord, failedAttempts } from '../pxgrid/schemas';
import { shortLocation } from '../render/model';
import { isAdminService } from '../rollup/view';

/**
 * One failure as the rules see it. `weight` is how many failed attempts the record stands for:
 * with ISE's "Suppress Repeated Failed Clients" a repeating endpoint is reported once per "Report
 * Failures Once Every" period with TotalFailedAttempts and TotalFailedTime (ISE 3.3 admin guide,
 * Segmentation chapter, RADIUS settings:
 * https://www.cisco.com/c/en/us/td/docs/security/ise/3-3/admin_guide/b_ise_admin_3_3/b_ISE_admin_33_segmentation.html).
 * `spanMs` is the time that summary covers: the endpoint kept failing all along, so an incident
 * must not be taken for over before a further period has passed.
 */
export interface FailureEvent {
  time: number;
  weight: number;
  spanMs: number;
  nas: string;
  /** The user name, or the endpoint when there is none (MAB without a user name). */
  subject: string;
  endpoint: string;
  /** Reason code (`11036`), or the cleaned reason text when it has no code. */
  code: string;
  reason: string;
  /** The NAS's port (`GigabitEthernet1/0/12`) on wired ports only: where a switch port can be shut. */
  port: string;
  /** ISE's `location` network device group, short: `Zurich / Building-B` (empty when only "All Locations"). */
  site: string;
  /** The ISE node (PSN) that answered. */
  server: string;
  /** An administrator's login to the device itself (see codes.ts isAdminService). */
  admin: boolean;
}

const MAX_SPAN_MS = 86_400_000;

export function eventOf(r: FailureRecord, fallbackTime: number): FailureEvent {
  const t = placedTime(r.timestamp);
  const reason = clean(r.failureReason, 120);
  const endpoint = clean(r.callingStationId ?? r.macAddress, 64);
  const user = clean(r.userName, 64);
  return {
    time: t ?? fallbackTime,
    // The same count the mail shows for the record.
    weight: failedAttempts(r),
    spanMs: Math.min(MAX_SPAN_MS, Math.max(0, (numberField(r, 'TotalFailedTime') ?? 0) * 1000)),
    nas: clean(r.nasName ?? r.networkDeviceName, 64) || clean(r.nasIpAddress, 64),
    subject: user || endpoint,
    endpoint,
    code: reasonCode(reason) ?? reason.slice(0, 60),
    reason,
    port: /^ethernet/i.test(clean(r.nasPortType, 40)) ? clean(r.nasPortId, 64) : '',
    site: shortLocation(clean(r.location, 200)),
    server: clean(r.serverName, 64),
    admin: isAdminService(r.serviceType),
  };
}

/**
 * A numeric field in any of the spellings ISE uses for it: the syslog attribute name
 * (`TotalFailedAttempts`) or pxGrid's camelCase; a number or a numeric string. TotalFailedTime is
 * taken as seconds.
 */
function numberField(r: FailureRecord, name: string): number | undefined {
  const camel = name[0]!.toLowerCase() + name.slice(1);
  const v = r[name] ?? r[camel];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
}
