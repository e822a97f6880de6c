import type { Rollup } from '../rollup/rollup';
import { renderHtml } from './html';
import { buildModel, type RenderOptions, subjectOf } from './model';
import { renderText } from './text';

export type { RenderOptions } from './model';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Subject, plain text and HTML of one digest. Summary first (by reason with hints, by NAS, top
 * users/endpoints), then collapsed details newest first; both parts show the same rows.
 */
export function render(d: Rollup, opts: RenderOptions): RenderedMail {
  const subject = opts.subject ?? subjectOf(d, opts);
  const model = buildModel(d, opts);
  const { html, rowsShown } = renderHtml(model, d.total, subject);
  // The text part shows the rows the HTML part had room for, no more: both say the same.
  return { subject, text: renderText(model, d.total, rowsShown), html };
}
