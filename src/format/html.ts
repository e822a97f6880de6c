import { ADMIN_TITLE, namesText } from './admin';
import type { DetailRow } from './digest';
import { countText, detailSlice, footerLines, type MailModel, moreText, shortLocation, TEST_BANNER } from './model';
import { clean, escapeHtml } from './sanitize';

/**
 * The HTML part. Email-client rules (Outlook's Word engine, Gmail): tables for layout, inline
 * styles only, no classes, no <style>, no images, no scripts; under ~100 KB or Gmail clips it
 * (https://www.spamresource.com/2022/01/what-is-gmail-clipping-and-what-to-do.html).
 */
export const HTML_BUDGET = 90_000;

const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif';
const TABLE =
  `width="100%" cellpadding="0" cellspacing="0" border="0" ` +
  `style="border-collapse:collapse;${FONT};font-size:13px;color:#1f2328"`;
const TH =
  'style="background:#eef1f4;border-bottom:2px solid #c9d1d9;padding:6px ' +
  '8px;text-align:left;font-size:12px;color:#424a53;white-space:nowrap"';
const TD = 'style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:left;vertical-align:top"';
const TDN =
  'width="1%" style="border-bottom:1px solid #e3e7eb;padding:6px ' +
  '8px;text-align:right;vertical-align:top;white-space:nowrap;font-weight:bold"';
const TDW =
  'style="border-bottom:1px solid #e3e7eb;padding:6px 8px;text-align:left;vertical-align:top;white-space:nowrap"';
const TDT =
  'style="border-bottom:1px solid #e3e7eb;padding:6px ' +
  '8px;text-align:left;vertical-align:top;white-space:nowrap;color:#57606a"';

/** A cell: text is always escaped here; `kind` picks number/time styling. */
type Cell = string | { text: string; kind?: 'num' | 'time' | 'nowrap'; sub?: string };

const esc = (s: string) => escapeHtml(s);

function cell(c: Cell): string {
  const v = typeof c === 'string' ? { text: c } : c;
  const style = v.kind === 'num' ? TDN : v.kind === 'time' ? TDT : v.kind === 'nowrap' ? TDW : TD;
  const sub = v.sub ? `<div style="color:#57606a;font-size:12px;margin-top:3px">${esc(v.sub)}</div>` : '';
  return `<td ${style}>${esc(v.text) || '&nbsp;'}${sub}</td>`;
}

function table(head: string[], rows: Cell[][]): string {
  const th = head.map((h) => `<th ${TH}>${esc(h)}</th>`).join('');
  return `<table role="presentation" ${TABLE}><tr>${th}</tr>\n${rows.map(row).join('\n')}</table>`;
}
const row = (cells: Cell[]) => `<tr>${cells.map(cell).join('')}</tr>`;

const h2 = (title: string) => `<h2 style="${FONT};font-size:15px;color:#1f2328;margin:22px 0 8px">${esc(title)}</h2>`;
const note = (text: string) => `<p style="${FONT};font-size:12px;color:#57606a;margin:6px 0">${esc(text)}</p>`;

function adminTable(m: MailModel): string[] {
  if (m.admin.length === 0) return [];
  const rows = m.admin.map((a): Cell[] => [
    { text: String(a.count), kind: 'num' },
    a.device,
    a.ip,
    shortLocation(a.location),
    namesText(a.accounts, a.accountsMore),
    namesText(a.sources, a.sourcesMore),
    { text: m.fmt(a.last), kind: 'time' },
  ]);
  const out = [h2(ADMIN_TITLE), table(['Count', 'Device', 'IP', 'Location', 'Accounts', 'From', 'Last seen'], rows)];
  if (m.adminMore) out.push(note(`... and ${m.adminMore} other device(s)`));
  return out;
}

function summary(m: MailModel): string[] {
  const { fmt } = m;
  const out = [...adminTable(m), h2('By reason')];
  out.push(
    table(
      ['Count', 'Users', 'Reason and likely fix', 'First seen', 'Last seen'],
      m.reasons.map((r) => [
        { text: String(r.count), kind: 'num', sub: r.attempts > r.count ? `${r.attempts} attempts` : undefined },
        `${r.users}${r.usersCapped ? '+' : ''}`,
        { text: r.reason, sub: r.hint },
        { text: fmt(r.first), kind: 'time' },
        { text: fmt(r.last), kind: 'time' },
      ]),
    ),
  );
  if (m.reasonsMore) out.push(note(`... and ${m.reasonsMore} other reason(s)`));
  out.push(h2('By NAS'));
  out.push(
    table(
      ['Count', 'NAS', 'IP', 'Location', 'Users', 'Last seen'],
      m.nas.map((n) => [
        { text: String(n.count), kind: 'num' },
        n.name,
        n.ip,
        shortLocation(n.location),
        `${n.users}${n.usersCapped ? '+' : ''}`,
        { text: fmt(n.last), kind: 'time' },
      ]),
    ),
  );
  if (m.nasMore) out.push(note(`... and ${m.nasMore} other NAS`));
  const users = topTable('User', m.users, 'no user failed more than once');
  const eps = topTable('Endpoint', m.endpoints, 'no endpoint failed more than once');
  out.push(
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td width="50%" ` +
      `valign="top" style="padding-right:8px">${h2('Top users')}${users}</td><td width="50%" valign="top" ` +
      `style="padding-left:8px">${h2('Top endpoints')}${eps}</td></tr></table>`,
  );
  return out;
}

function topTable(title: string, rows: MailModel['users'], none: string): string {
  const cells: Cell[][] = rows.map((r) => [{ text: String(r.count), kind: 'num' }, clean(r.value, 64)]);
  return table(['Count', title], cells.length ? cells : [['', `(${none})`]]);
}

/** Short values stay on one line ("svc-printer" must not break at its hyphen); long ones may wrap. */
const short = (text: string): Cell => (text.length <= 24 ? { text, kind: 'nowrap' } : text);

const detailCells = (m: MailModel, r: DetailRow): Cell[] => [
  { text: m.fmt(r.last), kind: 'time' },
  { text: countText(r), kind: 'num' },
  short(clean(r.user, 64)),
  { text: clean(r.endpoint, 40), kind: 'nowrap' },
  { text: clean(r.nasName, 40), kind: 'nowrap' },
  { text: r.nasIp, kind: 'nowrap' },
  clean(r.reason, 100),
];

function frame(m: MailModel, title: string, body: string[]): string {
  const banner = m.test
    ? `<tr><td style="background:#fff3bf;border-bottom:1px solid #e0c200;padding:10px ` +
      `18px;${FONT};font-size:13px;font-weight:bold;color:#5c4400">${esc(TEST_BANNER)}</td></tr>`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><meta name="viewport" ` +
      `content="width=device-width"><title>${esc(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
      'style="background:#f4f5f7"><tr><td align="center" style="padding:16px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
      'style="max-width:1000px;background:#ffffff;border:1px solid #d0d7de">',
    `<tr><td bgcolor="#b42318" style="background:#b42318;padding:14px 18px;${FONT};color:#ffffff"><div ` +
      `style="font-size:20px;font-weight:bold">${esc(m.headline)}</div><div ` +
      `style="font-size:13px;margin-top:4px">${esc(m.facts)}<br>${esc(m.range)}</div></td></tr>`,
    banner,
    `<tr><td style="padding:4px 18px 18px">`,
    ...body,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body></html>',
    '',
  ].join('\n');
}

/** The HTML part; detail rows stop where the budget would be exceeded (the rest are in the attachment). */
export function renderHtml(m: MailModel, total: number, title: string): { html: string; rowsShown: number } {
  const { shown } = detailSlice(m);
  const footer = footerLines(m, total).map(note);
  const head = [...summary(m), h2('Details (identical failures collapsed, newest first)')];
  const build = (n: number) => {
    const { more } = detailSlice(m, n);
    const details = table(
      ['Last seen', 'Count', 'User', 'Endpoint', 'NAS', 'NAS IP', 'Reason'],
      shown.slice(0, n).map((r) => detailCells(m, r)),
    );
    return frame(m, title, [
      ...head,
      details,
      more > 0 ? note(moreText(m, more)) : '',
      `<div style="border-top:1px solid #d0d7de;margin-top:18px;padding-top:6px">${footer.join('\n')}</div>`,
    ]);
  };
  let n = shown.length;
  let html = build(n);
  // Rows are at most a few hundred bytes each: drop them, bigger steps first, until it fits.
  while (n > 0 && Buffer.byteLength(html) > HTML_BUDGET) {
    n = Math.max(0, n - Math.max(1, Math.ceil(n / 8)));
    html = build(n);
  }
  return { html, rowsShown: n };
}
