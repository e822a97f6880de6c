import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import type { DetailRow } from '../rollup/rollup';
import type { MailContext, MailModel } from './model';

/** The sentences both parts of a failure mail share: the text and the HTML part say the same. */

export const TEST_BANNER = 'TEST MAIL from ise-to-mail test-mail: samples, not from your ISE. SMTP works.';

export function moreText(m: MailModel, more: number): string {
  const rows = plural(more, 'more row');
  if (!m.attachmentName) return `... and ${rows} not shown`;
  return m.attachmentRows === undefined
    ? `... and ${rows} in the attachment ${m.attachmentName}`
    : `... and ${rows} not shown (the attachment holds the first ${m.attachmentRows} failures)`;
}

/**
 * `3x`, or `3x (57 attempts)` when ISE's "Suppress Repeated Failed Clients" folded more attempts
 * into these records than there are records.
 */
export const countText = (r: { count: number; attempts: number }, unit = ''): string =>
  r.attempts > r.count ? `${r.count}${unit} (${r.attempts} attempts)` : `${r.count}${unit}`;

/** `NAS sw-access-a1 (10.10.1.11), port Gi1/0/14, PSN ise-psn-01`: where a row's failure happened. */
export function whereText(r: DetailRow): string {
  const nas = `NAS ${clean(r.nasName, 40) || '?'}${r.nasIp ? ` (${r.nasIp})` : ''}`;
  return [nas, r.port && `port ${r.port}`, r.psn && `PSN ${r.psn}`].filter(Boolean).join(', ');
}

/** `alice, 3C:22:FB:10:0A:7E`: who failed. */
export const whoText = (r: DetailRow) =>
  [clean(r.user, 64) || '(no user name)', clean(r.endpoint, 40)].filter(Boolean).join(', ');

export function footerLines(m: MailModel, shownTotal: number): string[] {
  const lines: string[] = [];
  const total = shownTotal + m.mutedTotal;
  if (m.footnotes.length) lines.push(`Not in this mail: ${m.footnotes.join('; ')}.`);
  if (m.mutedTotal) {
    const each = m.muted.map(([label, n]) => `${n} ${label}`).join(', ');
    lines.push(`Muted, so not above but in the attachment: ${each} (run.js mutes lists them).`);
  }
  if (m.activeMutes.length) lines.push(`Active mutes: ${m.activeMutes.join('; ')} (run.js mutes lists them).`);
  if (m.attachmentName && m.attachmentRows !== undefined)
    lines.push(
      `Attached: ${m.attachmentName} with the first ${m.attachmentRows} of ${plural(total, 'failure')} of this ` +
        `mail (size cap), one row each.`,
    );
  else if (m.attachmentName)
    lines.push(`Attached: ${m.attachmentName} with all ${plural(total, 'failure')} of this mail, one row each.`);
  lines.push('Hints are general guidance from Cisco ISE documentation, not a diagnosis.');
  lines.push(sentBy(m.context));
  return lines;
}

/** The last line of every mail: which ISE and which device. */
export function sentBy(ctx: MailContext | undefined): string {
  if (!ctx) return 'Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.';
  return `Sent by ise-to-mail on ${ctx.device}, from Cisco ISE ${ctx.ise} (pxGrid).`;
}
