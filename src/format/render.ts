import type { Digest, DetailRow, ReasonRow } from './digest';
import { clean, escapeHtml } from './sanitize';

export interface RenderOptions {
  subjectPrefix: string;
  maxRows: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** `2026-11-23 10:00:00 UTC`: one fixed zone so times in one mail compare at a glance. */
export function fmtTime(t: number | undefined): string {
  return t === undefined ? '?' : `${new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
}

export function subjectOf(d: Digest, prefix: string): string {
  const top = d.reasons()[0];
  const count = `${d.total} RADIUS failure${d.total === 1 ? '' : 's'}`;
  const users = `${d.distinctUsers} user${d.distinctUsers === 1 ? '' : 's'}`;
  const s = `${prefix} ${count}, ${users}${top ? `, top: ${top.reason} (${top.count})` : ''}`;
  // Record values reach a header only through here: cleaned (no CR/LF/controls) and capped.
  return clean(s, 140);
}

const DETAIL_COLUMNS = ['Last seen', 'Count', 'User', 'Endpoint', 'NAS', 'NAS IP', 'Reason', 'Location'] as const;
const detailCells = (r: DetailRow) => [fmtTime(r.last), String(r.count), r.user, r.endpoint, r.nasName, r.nasIp, r.reason, r.location];
const REASON_COLUMNS = ['Count', 'Users', 'Reason', 'First seen', 'Last seen'] as const;
const reasonCells = (r: ReasonRow) => [String(r.count), String(r.users), r.reason, fmtTime(r.first), fmtTime(r.last)];

export function renderText(d: Digest, opts: RenderOptions): string {
  const rows = d.details();
  const shown = rows.slice(0, opts.maxRows);
  const lines = [
    `${d.total} RADIUS authentication failure${d.total === 1 ? '' : 's'} from ${d.distinctUsers} user(s); newest ${fmtTime(d.newest)}.`,
    '',
    'By reason:',
    ...d.reasons().map((r) => `  ${r.count} x ${r.reason} (${r.users} users, ${fmtTime(r.first)} .. ${fmtTime(r.last)})`),
    '',
    'Details (identical failures collapsed, newest first):',
    ...shown.map((r) => `  ${detailCells(r).map((c, i) => `${DETAIL_COLUMNS[i]}: ${c || '-'}`).join(' | ')}`),
  ];
  const more = rows.length - shown.length + d.rowsDropped;
  if (more > 0) lines.push(`  ... and ${more} more row(s) not shown`);
  lines.push('', '-- ', 'Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.');
  return `${lines.join('\n')}\n`;
}

const CELL = 'style="border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top"';

function table(columns: readonly string[], rows: string[][]): string {
  const head = columns.map((c) => `<th ${CELL}>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td ${CELL}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px"><tr style="background:#f0f0f0">${head}</tr>\n${body}</table>`;
}

export function renderHtml(d: Digest, opts: RenderOptions): string {
  const rows = d.details();
  const shown = rows.slice(0, opts.maxRows);
  const more = rows.length - shown.length + d.rowsDropped;
  const summary = `${d.total} RADIUS authentication failure${d.total === 1 ? '' : 's'} from ${d.distinctUsers} user(s); newest ${fmtTime(d.newest)}.`;
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">',
    `<p style="font-size:15px"><b>${escapeHtml(summary)}</b></p>`,
    '<h3 style="font-size:14px">By reason</h3>',
    table(REASON_COLUMNS, d.reasons().map(reasonCells)),
    '<h3 style="font-size:14px">Details (identical failures collapsed, newest first)</h3>',
    table(DETAIL_COLUMNS, shown.map(detailCells)),
    more > 0 ? `<p>... and ${more} more row(s) not shown</p>` : '',
    '<p style="color:#666;font-size:12px">Sent by ise-to-mail from Cisco ISE pxGrid RADIUS failures.</p>',
    '</body></html>',
  ].join('\n');
}

export function render(d: Digest, opts: RenderOptions): RenderedMail {
  return { subject: subjectOf(d, opts.subjectPrefix), text: renderText(d, opts), html: renderHtml(d, opts) };
}
