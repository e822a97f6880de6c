import { clean } from '../core/sanitize';
import type { DetailRow } from '../rollup/rollup';
import { ADMIN_TITLE, namesText } from './admin';
import { COLORS, chartHtml } from './chart';
import { band, card, esc, footer, h2, note, page, rows, strip, sub } from './layout';
import { lookPara } from './look';
import { detailSlice, type MailModel, shortLocation, userCount } from './model';
import { countText, footerLines, moreText, TEST_BANNER, whereText, whoText } from './words';

/** Gmail clips a message over ~100 KB (https://www.spamresource.com/2022/01/what-is-gmail-clipping-and-what-to-do.html). */
export const HTML_BUDGET = 90_000;

const num = (n: string | number, small?: string) => `<b>${esc(String(n))}</b>${small ? sub(small) : ''}`;

/** Failed logins to the devices themselves, per device: their own section, before the routine ones. */
function adminRows(m: MailModel): string[] {
  if (m.admin.length === 0) return [];
  const items = m.admin.map((a) => {
    const loc = shortLocation(a.location);
    const where = `${a.device || '?'} (${a.ip || 'no IP'})${loc ? `, ${loc}` : ''}`;
    const who = `${namesText(a.accounts, a.accountsMore)} from ${namesText(a.sources, a.sourcesMore)}`;
    return { left: num(countText(a)), right: `<b>${esc(where)}</b>${sub(`${who}, last ${m.clock.short(a.last)}`)}` };
  });
  const out = [h2(ADMIN_TITLE), rows(items)];
  if (m.adminMore) out.push(note(`... and ${m.adminMore} other device(s)`));
  return out;
}

function summary(m: MailModel): string[] {
  const { clock } = m;
  const out = [...adminRows(m), h2('By reason')];
  const top = m.bars?.keys ?? [];
  out.push(
    rows(
      m.reasons.map((r) => ({
        left: num(countText(r).split(' ')[0]!, userCount(r)),
        accent: top.includes(r.reason) ? COLORS[top.indexOf(r.reason)] : undefined,
        right:
          `<b>${esc(r.reason)}</b>${r.hint ? sub(r.hint, 'color:#424a53') : ''}` +
          sub(
            `${clock.span(r.first, r.last)}` +
              `${r.attempts > r.count ? `, ${r.attempts} attempts (repeats ISE reported once)` : ''}`,
          ),
      })),
    ),
  );
  if (m.reasonsMore) out.push(note(`... and ${m.reasonsMore} other reason(s)`));
  out.push(h2('By NAS'));
  out.push(
    rows(
      m.nas.map((n) => {
        const loc = shortLocation(n.location);
        const meta = `${loc ? `${loc}, ` : ''}last ${clock.short(n.last)}`;
        return {
          left: num(n.count, userCount(n)),
          right: `<b>${esc(n.name || '?')}</b> ${esc(n.ip)}${sub(meta)}`,
        };
      }),
    ),
  );
  if (m.nasMore) out.push(note(`... and ${m.nasMore} other NAS`));
  out.push(
    `<div>${half('Top users', m.users, 'no user failed more than once')}` +
      `${half('Top endpoints', m.endpoints, 'no endpoint failed more than once')}</div>`,
  );
  return out;
}

/** Side by side on a desktop, one under the other on a phone (inline-block, max-width). */
function half(title: string, list: MailModel['users'], none: string): string {
  const body = list.length
    ? rows(list.map((r) => ({ left: num(r.count), right: esc(clean(r.value, 64)) })))
    : note(`(${none})`);
  return (
    '<div style="display:inline-block;width:100%;max-width:470px;vertical-align:top;margin-right:8px">' +
    `${h2(title)}${body}</div>`
  );
}

const detailRow = (m: MailModel, r: DetailRow, alone: boolean) => ({
  left: `${esc(m.clock.short(r.last))}${sub(countText(r, 'x'))}`,
  right:
    `<b>${esc(whoText(r))}</b><div style="margin-top:2px">${esc(whereText(r))}</div>${sub(clean(r.reason, 100))}` +
    (alone && r.session ? sub(`Audit session ${r.session}`) : ''),
});

/** The band and the lines under it: what, how many, when (date and zone once, here). */
function top(m: MailModel): string {
  const tone = m.backfill ? 'backfill' : 'calm';
  const head = band(tone, m.label, m.headline, [m.facts, `${m.range} (${m.clock.zone})`]);
  return m.test ? `${head}\n${strip(TEST_BANNER, '#fff3bf', '#5c4400', '#e0c200')}` : head;
}

/** The HTML part; detail rows stop where the budget would be exceeded (the rest are in the attachment). */
export function renderHtml(m: MailModel, total: number, title: string): { html: string; rowsShown: number } {
  const { shown } = detailSlice(m);
  const cards = m.leads.filter((l) => l.top).map((l) => l.html);
  const head = [
    ...m.leads.filter((l) => !l.top).map((l) => l.html),
    lookPara(m.context?.adminUrl, m.liveLogs),
    m.bars ? chartHtml(m.bars, m.clock, m.barLabels) : '',
    ...summary(m),
    h2('Details (identical failures collapsed, newest first)'),
  ].filter(Boolean);
  const alone = m.details.length === 1 && m.details[0]!.count === 1;
  const build = (n: number) => {
    const { more } = detailSlice(m, n);
    const details = rows(shown.slice(0, n).map((r) => detailRow(m, r, alone)));
    const body = [...head, details, more > 0 ? note(moreText(m, more)) : '', footer(footerLines(m, total))];
    return page(title, [...cards, card(top(m), body.filter(Boolean))]);
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
