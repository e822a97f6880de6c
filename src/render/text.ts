import { clean } from '../core/sanitize';
import type { DetailRow } from '../rollup/rollup';
import { ADMIN_TITLE, namesText } from './admin';
import { sparkline } from './chart';
import { lookLines } from './look';
import { detailSlice, type MailModel, shortLocation, userCount } from './model';
import { countText, footerLines, moreText, TEST_BANNER, whereText, whoText } from './words';
import { wrap, wrapAll } from './wrap';

/**
 * The plain-text part: the same content in the same order as the HTML part, wrapped at 78
 * columns (wrap.ts), readable in any client, pager or terminal.
 */
export function renderText(m: MailModel, total: number, rowLimit?: number): string {
  const { clock } = m;
  const out: string[] = [];
  for (const lead of m.leads.filter((l) => l.top)) out.push(...lead.text);
  out.push(`${m.label}: ${m.headline}`, m.facts, `${m.range} (${clock.zone})`, '');
  if (m.test) out.push(TEST_BANNER, '');
  for (const lead of m.leads.filter((l) => !l.top)) out.push(...lead.text);
  out.push(...lookLines(m.context?.adminUrl, m.liveLogs), '');
  if (m.bars) out.push(...sparkline(m.bars, clock), '');
  out.push(...adminLines(m));
  out.push('BY REASON');
  for (const r of m.reasons) {
    out.push(...wrap(r.reason, '         ', `  ${String(r.count).padStart(5)}  `));
    const attempts = r.attempts > r.count ? `, ${r.attempts} attempts (repeats ISE reported once)` : '';
    out.push(`         ${userCount(r)}, ${clock.span(r.first, r.last)}${attempts}`);
    if (r.hint) out.push(...wrap(`Hint: ${r.hint}`, '         '));
  }
  if (m.reasonsMore) out.push(`  ... and ${m.reasonsMore} other reason(s)`);
  out.push('', 'BY NAS');
  for (const n of m.nas) {
    const loc = shortLocation(n.location);
    const nas = `${n.name || '?'} (${n.ip || 'no IP'})${loc ? `, ${loc}` : ''}`;
    out.push(...wrap(nas, '         ', `  ${String(n.count).padStart(5)}  `));
    out.push(`         ${userCount(n)}, last ${clock.short(n.last)}`);
  }
  if (m.nasMore) out.push(`  ... and ${m.nasMore} other NAS`);
  out.push('', 'TOP USERS', ...topLines(m.users, 'no user failed more than once'));
  out.push('', 'TOP ENDPOINTS', ...topLines(m.endpoints, 'no endpoint failed more than once'));
  const { shown, more } = detailSlice(m, rowLimit);
  out.push('', 'DETAILS (identical failures collapsed, newest first)');
  const alone = m.details.length === 1 && m.details[0]!.count === 1;
  for (const r of shown) out.push(...detailLines(m, r, alone));
  if (more > 0) out.push(`  ${moreText(m, more)}`);
  out.push('', '-- ', ...footerLines(m, total));
  return `${wrapAll(out).join('\n')}\n`;
}

function detailLines(m: MailModel, r: DetailRow, alone: boolean): string[] {
  const head = `  ${m.clock.short(r.last)}  ${countText(r, 'x')}  `;
  return [
    ...wrap(whoText(r), '      ', head),
    ...wrap(whereText(r), '      '),
    ...wrap(clean(r.reason, 100) || '-', '      '),
    ...(alone && r.session ? wrap(`Audit session ${r.session}`, '      ') : []),
  ];
}

/** Failed logins to the devices themselves, per device: their own section, before the routine ones. */
function adminLines(m: MailModel): string[] {
  if (m.admin.length === 0) return [];
  const out = [ADMIN_TITLE.toUpperCase()];
  for (const a of m.admin) {
    const loc = shortLocation(a.location);
    const where = `${a.device || '?'} (${a.ip || 'no IP'})${loc ? `, ${loc}` : ''}`;
    out.push(...wrap(where, '         ', `  ${countText(a).padStart(5)}  `));
    const who = `${namesText(a.accounts, a.accountsMore)} from ${namesText(a.sources, a.sourcesMore)}`;
    out.push(...wrap(`${who}, last ${m.clock.short(a.last)}`, '         ', '         '));
  }
  if (m.adminMore) out.push(`  ... and ${m.adminMore} other device(s)`);
  return [...out, ''];
}

function topLines(rows: MailModel['users'], none: string): string[] {
  return rows.length
    ? rows.map((r) => `  ${String(r.count).padStart(5)}  ${clean(r.value, 64) || '(none)'}`)
    : [`  (${none})`];
}
