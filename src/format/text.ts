import { ADMIN_TITLE, namesText } from './admin';
import type { DetailRow } from './digest';
import {
  countText,
  detailSlice,
  footerLines,
  type MailModel,
  moreText,
  shortLocation,
  TEST_BANNER,
  userCount,
} from './model';
import { clean } from './sanitize';

/** The plain-text part: the same content as the HTML part, readable in any client or pager. */
export function renderText(m: MailModel, total: number, rowLimit?: number): string {
  const { fmt } = m;
  const out: string[] = [];
  if (m.test) out.push(`*** ${TEST_BANNER} ***`, '');
  out.push(`${m.headline}: ${m.facts}`, m.range, '');
  out.push(...adminLines(m));
  out.push('BY REASON');
  for (const r of m.reasons) {
    out.push(`  ${r.count} x ${r.reason}`);
    const attempts = r.attempts > r.count ? `, ${r.attempts} attempts (repeats ISE reported once)` : '';
    out.push(`      ${userCount(r)}, first ${fmt(r.first)}, last ${fmt(r.last)}${attempts}`);
    if (r.hint) out.push(`      Hint: ${r.hint}`);
  }
  if (m.reasonsMore) out.push(`  ... and ${m.reasonsMore} other reason(s)`);
  out.push('', 'BY NAS');
  for (const n of m.nas) {
    const loc = shortLocation(n.location);
    out.push(
      `  ${n.count} x ${n.name || '?'} (${n.ip || 'no IP'})${loc ? `, ${loc}` : ''}, ` +
        `${userCount(n)}, last ${fmt(n.last)}`,
    );
  }
  if (m.nasMore) out.push(`  ... and ${m.nasMore} other NAS`);
  out.push('', 'TOP USERS', ...topLines(m.users, 'no user failed more than once'));
  out.push('', 'TOP ENDPOINTS', ...topLines(m.endpoints, 'no endpoint failed more than once'));
  const { shown, more } = detailSlice(m, rowLimit);
  out.push(
    '',
    'DETAILS (identical failures collapsed, newest first)',
    '  last seen | count | user | endpoint | NAS (IP) | reason',
  );
  out.push(...shown.map((r) => `  ${detailLine(m, r)}`));
  if (more > 0) out.push(`  ${moreText(m, more)}`);
  out.push('', '-- ', ...footerLines(m, total));
  return `${out.join('\n')}\n`;
}

function detailLine(m: MailModel, r: DetailRow): string {
  const cells = [
    m.fmt(r.last),
    countText(r, 'x'),
    clean(r.user, 64) || '-',
    clean(r.endpoint, 40) || '-',
    `${r.nasName || '?'} (${r.nasIp || '-'})`,
    clean(r.reason, 100) || '-',
  ];
  return cells.join(' | ');
}

function adminLines(m: MailModel): string[] {
  if (m.admin.length === 0) return [];
  const out = [ADMIN_TITLE.toUpperCase()];
  for (const a of m.admin) {
    const loc = shortLocation(a.location);
    out.push(
      `  ${countText(a)} x ${a.device || '?'} (${a.ip || 'no IP'})${loc ? `, ${loc}` : ''}: ` +
        `${namesText(a.accounts, a.accountsMore)} from ${namesText(a.sources, a.sourcesMore)}, last ${m.fmt(a.last)}`,
    );
  }
  if (m.adminMore) out.push(`  ... and ${m.adminMore} other device(s)`);
  return [...out, ''];
}

function topLines(rows: MailModel['users'], none: string): string[] {
  return rows.length ? rows.map((r) => `  ${r.count} x ${clean(r.value, 64) || '(none)'}`) : [`  (${none})`];
}
