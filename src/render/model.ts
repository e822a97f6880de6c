import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import { reasonCode } from '../pxgrid/reason';
import { filterNotes } from '../rollup/filters';
import type { DetailRow, NasRow, ReasonRow, Rollup, TopRow } from '../rollup/rollup';
import { timelineSpan } from '../rollup/timeline';
import { type AdminRow, adminLogins } from './admin';
import { type Bars, barsOf } from './chart';
import { hintFor } from './hints';
import type { Lead } from './lead';
import { mailFilter } from './look';
import { type Clock, clockFor } from './time';

/** Where the mail comes from and where to look: ISE_ADMIN_URL, DEVICE_NAME, the ISE nodes. */
export interface MailContext {
  /** The sending device (DEVICE_NAME, else the host name). */
  device: string;
  /** The ISE deployment as configured: pxGrid host(s) with port. */
  ise: string;
  /** ISE_ADMIN_URL, when set. */
  adminUrl?: string;
}

/** What both parts of the mail show, computed once so text and HTML never disagree. */
export interface MailModel {
  test: boolean;
  backfill: boolean;
  /** The few words above the headline: `RADIUS failures`, `Digest`, `Backfill`. */
  label: string;
  headline: string;
  facts: string;
  range: string;
  clock: Clock;
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
  /** Every mute active when the mail was made (`user:* until ... (id 3)`), matched or not. */
  activeMutes: readonly string[];
  bars?: Bars;
  /** Legend words of the chart's top reasons. */
  barLabels: string[];
  /** Sections before the summary, top first; `top` ones lead as cards of their own. */
  leads: Lead[];
  context?: MailContext;
  /** What to type into Live Logs to see every failure of this mail (look.ts); '' when no one value does. */
  liveLogs: string;
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
  /** A --since backfill: says BACKFILL, never "new". */
  backfill?: boolean;
  /** Replaces the digest's own subject (an incident's subject leads the mail). */
  subject?: string;
  /** The active mutes, named in the footer of every mail. */
  mutes?: readonly string[];
  /** The words above the headline (default `RADIUS failures`). */
  label?: string;
  /** The period the mail covers (a digest's), for the chart's axis; else oldest to newest failure. */
  period?: { from: number; to: number };
  /** Always draw the chart (digest and incident mails); otherwise only for a span of 10 minutes or more. */
  chart?: boolean;
  /** Sections before the summary, top first. */
  leads?: Lead[];
  context?: MailContext;
}

const TOP_REASONS = 15;
const TOP_NAS = 10;
const TOP_N = 10;
const CHART_SPAN = 10 * 60_000;

/** `Location#All Locations#HQ#Floor-3` -> `HQ / Floor-3`: the hierarchy an engineer walks to. */
export function shortLocation(location: string): string {
  const parts = location.split('#').filter((p) => p && !/^(All Locations|Location)$/i.test(p));
  return parts.join(' / ');
}

export function buildModel(d: Rollup, opts: RenderOptions): MailModel {
  const from = opts.period?.from ?? d.oldest;
  const to = opts.period?.to ?? d.newest;
  const clock = clockFor(opts.timeZone, from, to);
  const reasons = d.reasons();
  const nas = d.nas();
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, 'user');
  const top = reasons.slice(0, 3).map((r) => r.reason);
  // Over the period, else over the failures with a plausible time (a broken clock is no axis).
  const span = opts.period ?? timelineSpan(d.state.timeline);
  const chart =
    span && (opts.chart || span.to - span.from >= CHART_SPAN)
      ? barsOf(d.state.timeline, span.from, span.to, top)
      : undefined;
  const details = d.details();
  return {
    test: opts.test === true,
    backfill: opts.backfill === true,
    label:
      opts.label ??
      (opts.test
        ? 'Test mail'
        : opts.backfill
          ? 'BACKFILL (--since), may repeat mailed failures'
          : 'New since the last run'),
    headline: plural(d.total, 'RADIUS authentication failure'),
    facts:
      `${users}, ${plural(d.distinctEndpoints, 'endpoint')}, ${plural(nas.length, 'NAS', '')}` +
      `${d.mutedTotal ? `; ${d.mutedTotal} muted` : ''}`,
    range: clock.range(from, to),
    clock,
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
    activeMutes: opts.mutes ?? [],
    bars: chart,
    barLabels: (chart?.keys ?? []).map(reasonLabel),
    leads: opts.leads ?? [],
    context: opts.context,
    liveLogs: opts.leads?.some((l) => l.filters) ? '' : mailFilter(d, nas),
  };
}

/** `22040 Wrong password`: the code and the catalogue's few words, else the reason cut short. */
export function reasonLabel(reason: string): string {
  const code = reasonCode(reason);
  const known = hintFor(reason);
  return known && code ? `${code} ${known.short}` : clean(reason, 40);
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
export function subjectOf(d: Rollup, opts: Pick<RenderOptions, 'subjectPrefix' | 'test' | 'backfill'>): string {
  const top = d.reasons()[0];
  const users = d.usersCapped ? `${d.distinctUsers}+ users` : plural(d.distinctUsers, 'user');
  const prefix = `${opts.subjectPrefix}${opts.test ? ' [TEST]' : ''}${opts.backfill ? ' BACKFILL' : ''}`;
  let s = `${prefix} ${plural(d.total, 'RADIUS failure')}, ${users}`;
  if (top) s += `, top: ${reasonLabel(top.reason)} (${top.count})`;
  // Record values reach a header only through here: cleaned (no CR/LF/controls/bidi) and capped
  // short enough for SMS gateways (https://github.com/prometheus/alertmanager/pull/153).
  return clean(s, 140);
}

/** Detail rows to show and how many more there are (in the attachment, or beyond the cap). */
export function detailSlice(m: MailModel, limit = m.maxRows): { shown: DetailRow[]; more: number } {
  const shown = m.details.slice(0, Math.min(limit, m.maxRows));
  return { shown, more: m.details.length - shown.length + m.rowsDropped };
}
