import { escapeHtml } from '../core/sanitize';

/**
 * The frame every mail shares: cards on a grey page, each with a coloured band and a body. Email
 * clients' subset only (Outlook's Word engine, Gmail, Apple Mail): tables for layout, inline
 * styles, no classes, no <style>, no images, no scripts
 * (https://www.caniemail.com/). Every element names its font: a client's default is a serif.
 * Widths are fluid (100% up to a max-width), the frame's tables fixed-layout (their content never
 * widens them) and long values may break anywhere, so a 390 px phone never scrolls sideways.
 */
export const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif';
export const INK = '#1f2328';
export const MUTED = '#57606a';

export type Tone = 'calm' | 'alarm' | 'incident' | 'ok' | 'backfill';

const BAND: Record<Tone, string> = {
  calm: '#2b3a4a',
  alarm: '#b42318',
  incident: '#b42318',
  ok: '#1a7f37',
  backfill: '#5a4a8a',
};

export const esc = (s: string) => escapeHtml(s);

/** A word or two in small capitals above a title (`DIGEST`, `INCIDENT`). */
const kicker = (text: string) =>
  `<div style="${FONT};font-size:11px;letter-spacing:1px;text-transform:uppercase;opacity:0.85">${esc(text)}</div>`;

/** The coloured top of a card: kicker, title, then small lines. */
export function band(tone: Tone, label: string, title: string, lines: string[] = []): string {
  const small = lines.map((l) => `<div style="${FONT};font-size:13px;margin-top:3px">${esc(l)}</div>`).join('');
  return (
    `<tr><td bgcolor="${BAND[tone]}" style="background:${BAND[tone]};padding:12px 16px;${FONT};color:#ffffff">` +
    `${kicker(label)}<div style="${FONT};font-size:19px;font-weight:bold;line-height:1.3;margin-top:2px">` +
    `${esc(title)}</div>${small}</td></tr>`
  );
}

/** One card: its band, then the body rows (already HTML). */
export function card(top: string, body: string[]): string {
  return [
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
      'style="background:#ffffff;border:1px solid #d0d7de;margin:0 0 14px;table-layout:fixed">',
    top,
    `<tr><td style="padding:4px 16px 16px;${FONT};font-size:13px;color:${INK};overflow-wrap:anywhere;` +
      'word-break:break-word">',
    ...body,
    '</td></tr></table>',
  ].join('\n');
}

/** A strip inside a card, e.g. the yellow TEST note. */
export const strip = (text: string, bg: string, fg: string, rule: string) =>
  `<tr><td style="background:${bg};border-bottom:1px solid ${rule};padding:8px 16px;${FONT};font-size:13px;` +
  `font-weight:bold;color:${fg}">${esc(text)}</td></tr>`;

/** The column that holds the cards: a card inserted after it comes first (foldRecovery). */
export const COLUMN = '<div style="max-width:1000px;margin:0 auto;text-align:left">';

/** The whole document: cards stacked in one centred column, at most 1000 px wide. */
export function page(title: string, cards: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><meta name="viewport" ` +
      `content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
      'style="background:#f4f5f7;table-layout:fixed"><tr><td align="center" style="padding:12px 8px">',
    COLUMN,
    ...cards,
    '</div>',
    '</td></tr></table>',
    '</body></html>',
    '',
  ].join('\n');
}

export const h2 = (title: string) =>
  `<h2 style="${FONT};font-size:15px;font-weight:bold;color:${INK};margin:20px 0 6px">${esc(title)}</h2>`;
export const note = (text: string) =>
  `<p style="${FONT};font-size:12px;line-height:1.45;color:${MUTED};margin:6px 0">${esc(text)}</p>`;
export const para = (html: string, extra = '') =>
  `<p style="${FONT};font-size:13px;line-height:1.45;color:${INK};margin:8px 0;${extra}">${html}</p>`;
/** A small grey line under a value; only inside a cell of rows(), which sets the font. */
export const sub = (text: string, extra = '') =>
  `<div style="font-size:12px;color:${MUTED};margin-top:2px;${extra}">${esc(text)}</div>`;

/**
 * A link whose text is its own address (SpamAssassin scores link text that differs from the URL).
 * Only URLs we build from ISE_ADMIN_URL reach here, and they are escaped all the same.
 */
export const link = (url: string) => `<a href="${esc(url)}" style="color:#0969da;${FONT}">${esc(url)}</a>`;

/**
 * A list that reads as a table on a desktop and as a stack on a phone: each row a narrow left
 * cell (a count or a time) and one wide cell whose lines wrap.
 */
export function rows(items: Array<{ left: string; right: string; accent?: string }>): string {
  const td = `valign="top" style="border-bottom:1px solid #e3e7eb;padding:6px;${FONT};font-size:13px;line-height:1.4`;
  const tr = items.map(
    (r) =>
      `<tr><td width="1%" ${td};white-space:nowrap;text-align:right` +
      `${r.accent ? `;border-left:4px solid ${r.accent}` : ''}">${r.left}</td><td ${td}">${r.right}</td></tr>`,
  );
  return (
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
    `style="border-collapse:collapse;border-top:1px solid #c9d1d9">\n${tr.join('\n')}</table>`
  );
}

/** The footer: small print under a rule. */
export const footer = (lines: string[]) =>
  `<div style="border-top:1px solid #d0d7de;margin-top:18px;padding-top:6px">${lines.map(note).join('\n')}</div>`;
