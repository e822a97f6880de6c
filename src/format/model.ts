import { plural } from '../core/plural';
import { type AdminRow, adminLogins } from './admin';
import type { DetailRow, Digest, NasRow, ReasonRow, TopRow } from './digest';
import { filterNotes } from './filters';
import { hintFor, reasonCode } from './hints';
import { clean } from './sanitize';
import { type TimeFormat, timeFormat } from './time';

/** What both parts of the mail show, computed once so text and HTML never disagree. */
export interface MailModel {
  test: boolean;
  headline: string;
  facts: string;
  range: string;
  fmt: TimeFormat;
  reasons: Array<ReasonRow & { hint?: string }>;
  reasonsMore: number;
  nas: NasRow[];
  nasMore: number;
  users: TopRow[];
  endpoints: TopRow[];
  /** Failed administrator logins to the devices themselves, per device (admin.ts). */
  admin: AdminRow[];
  adminMore: number;
  /** Every kept detail row, newest first; renderers show the first `maxRows` (or fewer). */
  details: DetailRow[];
  /** Distinct rows the digest counted but did not keep (beyond its memory cap). */
  rowsDropped: number;
  maxRows: number;
  attachmentName?: string;
  /** Rows the attachment holds when the size cap cut it short (undefined: all of them). */
  attachmentRows?: number;
  footnotes: string[];
  /** Failures a mute kept out of this body, by mute (they are in the attachment). */
  muted: Array<[string, number]>;
  mutedTotal: number;
}

export interface RenderOptions {
  subjectPrefix: string;
  maxRows: number;
  /** IANA zone for every time shown. */
  timeZone: string;
  /** Name of the attachment that holds every record, when there is one. */
  attachmentName?: string;
  /** Rows in the attachment when the size cap left some out. */
  attachmentRows?: number;
  /** test-mail: marks subject and body as a test. */
  test?: boolean;
  /** Replaces the digest's own subject (an incident's subject leads the mail). */
  subject?: string;
}

const TOP_REASONS = 15;
const TOP_NAS = 10;
const TOP_N = 10;

/** `Location#All Locations#HQ#Floor-3` -> `HQ / Floor-3`: the hierarchy an engineer walks to. */
export function shortLocation(location: string): string {
  const parts = location.split('#').filter((p) => p && !/^(All Locations|Location)$/i.test(p));
  return parts.join(' / ');
}

export function buildModel(d: Digest, opts: RenderOptions): MailModel {
  const fmt = timeFormat(opts.timeZone);
  const reasons = d.reasons();
  const nas = d.nas();
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, 'user');
  const details = d.details();
  return {
    test: opts.test === true,
    headline: `${plural(d.total, 'RADIUS authentication failure')}`,
    facts:
      `${users}, ${plural(d.distinctEndpoints, 'endpoint')}, ${plural(nas.length, 'NAS', '')}` +
      `${d.mutedTotal ? `; ${d.mutedTotal} muted` : ''}`,
    range: `${fmt(d.oldest)} .. ${fmt(d.newest)} (times in ${opts.timeZone})`,
    fmt,
    reasons: reasons.slice(0, TOP_REASONS).map((r) => ({ ...r, hint: hintFor(r.reason)?.hint })),
    reasonsMore: Math.max(0, reasons.length - TOP_REASONS),
    nas: nas.slice(0, TOP_NAS),
    nasMore: Math.max(0, nas.length - TOP_NAS),
    users: repeated(d.topUsers(TOP_N)),
    endpoints: repeated(d.topEndpoints(TOP_N)),
    ...adminOf(details),
    details,
    rowsDropped: d.rowsDropped,
    maxRows: opts.maxRows,
    attachmentName: opts.attachmentName,
    attachmentRows: opts.attachmentRows,
    footnotes: filterNotes(d.filtered),
    muted: [...d.muted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    mutedTotal: d.mutedTotal,
  };
}

function adminOf(details: DetailRow[]): Pick<MailModel, 'admin' | 'adminMore'> {
  const { rows, more } = adminLogins(details);
  return { admin: rows, adminMore: more };
}

/** `12 users`, or `10000+ users` when the digest ran out of room to count them all. */
export function userCount(r: { users: number; usersCapped?: boolean }): string {
  return r.usersCapped ? `${r.users}+ users` : plural(r.users, 'user');
}

/** A top list is for repeat offenders: a value seen once is already in the details. */
const repeated = (rows: TopRow[]) => rows.filter((r) => r.count > 1);

/** `[ISE] 37 RADIUS failures, 12 users, top: 22040 Wrong password (21)`: cleaned and capped. */
export function subjectOf(d: Digest, opts: Pick<RenderOptions, 'subjectPrefix' | 'test'>): string {
  const top = d.reasons()[0];
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, 'user');
  const prefix = opts.test ? `${opts.subjectPrefix} [TEST]` : opts.subjectPrefix;
  let s = `${prefix} ${plural(d.total, 'RADIUS failure')}, ${users}`;
  if (top) {
    const code = reasonCode(top.reason);
    const known = hintFor(top.reason);
    s += `, top: ${known && code ? `${code} ${known.short}` : clean(top.reason, 60)} (${top.count})`;
  }
  // Record values reach a header only through here: cleaned (no CR/LF/controls/bidi) and capped
  // short enough for SMS gateways (https://github.com/prometheus/alertmanager/pull/153).
  return clean(s, 140);
}

/** Detail rows to show and how many more there are (in the attachment, or beyond the cap). */
export function detailSlice(m: MailModel, limit = m.maxRows): { shown: DetailRow[]; more: number } {
  const shown = m.details.slice(0, Math.min(limit, m.maxRows));
  return { shown, more: m.details.length - shown.length + m.rowsDropped };
}

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

export function footerLines(m: MailModel, shownTotal: number): string[] {
  const lines: string[] = [];
  const total = shownTotal + m.mutedTotal;
  if (m.footnotes.length) lines.push(`Not in this mail: ${m.footnotes.join('; ')}.`);
  if (m.mutedTotal) {
    const each = m.muted.map(([label, n]) => `${n} ${label}`).join(', ');
    lines.push(`Muted, so not above but in the attachment: ${each} (run.js mutes lists them).`);
  }
  if (m.attachmentName && m.attachmentRows !== undefined)
    lines.push(
      `Attached: ${m.attachmentName} with the first ${m.attachmentRows} of ${plural(total, 'failure')} of this ` +
        `mail (size cap), one row each.`,
    );
  else if (m.attachmentName)
    lines.push(`Attached: ${m.attachmentName} with all ${plural(total, 'failure')} of this mail, one row each.`);
  lines.push(
    'Hints are general guidance from Cisco ISE documentation; check Operations > RADIUS > Live Logs for the full ' +
      'steps.',
  );
  lines.push('Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.');
  return lines;
}

export const TEST_BANNER =
  'TEST MAIL from ise-to-mail test-mail: the failures below are samples, not from your ISE. If you can read ' +
  'this, SMTP works.';
