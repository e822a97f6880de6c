import { clean } from '../core/sanitize';
import type { NasRow, Rollup } from '../rollup/rollup';
import { esc, link, para } from './layout';
import { wrap } from './wrap';

/**
 * "Look in ISE": where a mail's failures are in ISE, in every mail. RADIUS Live Logs are under
 * Operations > RADIUS > Live Logs, on the primary PAN only, and take no filter in the URL
 * (https://www.cisco.com/c/en/us/td/docs/security/ise/3-1/admin_guide/b_ise_admin_3_1/b_ISE_admin_31_maintain_monitor.html).
 * So the mail gives the menu path and which filter to type, and links the admin portal
 * (`https://<ISE>/admin/`) when ISE_ADMIN_URL names it.
 */

const STEPS = 'Operations > RADIUS > Live Logs';

/** The admin portal, when ISE_ADMIN_URL is set. */
const liveLogsUrl = (adminUrl: string | undefined): string | undefined => adminUrl && `${adminUrl}/admin/`;

/** Longer than this, a value is shown cut short elsewhere in the mail and is no name anyone types. */
const MAX_TYPED = 64;

/**
 * `value` when an operator can type it into a Live Logs filter and find the failures: not cut
 * short (`…`, or over MAX_TYPED), not cleaned (unsafe characters became `?`; a real `?` is rare in
 * a user or NAS name, so skipping it too costs little).
 */
function typeable(value: string | undefined): string | undefined {
  return value && clean(value, MAX_TYPED) === value && !/[?…]/.test(value) ? value : undefined;
}

/**
 * `; filter Network Device sw-access-b2 or Identity alice`: each names every failure of the mail, so
 * either shows all of them; `nas` and `user` only when the mail has exactly that one.
 */
export function liveLogsFilter(nas: string | undefined, user: string | undefined): string {
  const parts = [typeable(nas) && `Network Device ${nas}`, typeable(user) && `Identity ${user}`].filter(Boolean);
  return parts.length ? `; filter ${parts.join(' or ')}` : '';
}

/** The filter of a failure mail: its NAS when it has exactly one NAS name, its user when exactly one. */
export function mailFilter(d: Pick<Rollup, 'distinctUsers' | 'topUsers'>, nas: readonly NasRow[]): string {
  const names = new Set(nas.map((n) => n.name));
  return liveLogsFilter(
    names.size === 1 ? nas[0]!.name : undefined,
    d.distinctUsers === 1 ? d.topUsers(1)[0]?.value : undefined,
  );
}

/** The text: `Look in ISE:`, the URL alone on its line (a URL must not be broken), then the steps. */
export function lookLines(adminUrl: string | undefined, filter: string): string[] {
  const url = liveLogsUrl(adminUrl);
  return url
    ? ['Look in ISE:', url, ...wrap(`then ${STEPS}${filter}`, '  ')]
    : wrap(`Look in ISE: ${STEPS}${filter}`, '  ', '');
}

/** The same as one HTML paragraph. */
export function lookPara(adminUrl: string | undefined, filter: string): string {
  const url = liveLogsUrl(adminUrl);
  return para(`<b>Look in ISE:</b> ${url ? `${link(url)} ${esc(`then ${STEPS}`)}` : esc(STEPS)}${esc(filter)}`);
}
