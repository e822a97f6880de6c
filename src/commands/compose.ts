import type { Config } from '../config/config';
import type { Deadline } from '../deadline';
import { mailError } from '../errors';
import { render } from '../format/render';
import { attachmentBudget, base64WireBytes } from '../format/sizecap';
import { leadWith, noteLead, stormLead } from '../format/storm';
import { MessageTooBig, sendMail, type OutgoingMail } from '../mail/transport';
import type { Batch } from './batch';

/**
 * The poll's mail, and sending it within the size cap (issue 7). The CSV attachment is built while
 * records stream in, capped from the start at what MAIL_MAX_BYTES leaves after RESERVE; the exact
 * composed size then decides: over MAIL_MAX_BYTES, or over a smaller SIZE the server announced,
 * trailing blocks of the attachment are dropped and the mail says how many rows were left out.
 * Counts in the subject and body always cover every record.
 */

/** Room assumed for headers, text and HTML parts while the attachment is built (checked later). */
export const RESERVE = 128 * 1024;
const ATTEMPTS = 4;

/** The gzip budget the batch's attachment writer starts with. */
export function initialAttachmentBudget(cfg: Config): number {
  return attachmentBudget(cfg.mail.maxBytes, RESERVE);
}

export type Compose = (budget: number, limit: number) => OutgoingMail;

export function composer(cfg: Config, batch: Batch): Compose {
  return (budget, limit) => {
    const d = batch.digest;
    const csv = batch.attachment;
    csv.trimTo(budget);
    const storm = d.total > cfg.stormThreshold;
    let mail = render(d, { subjectPrefix: storm ? '[ISE] STORM:' : '[ISE]', maxRows: 50 });
    if (csv.omitted > 0) {
      mail = leadWith(mail, noteLead(`The attached CSV holds the first ${csv.rows} of ${d.total} failures: ${csv.omitted} row(s) were left out to keep the mail within ${limit} bytes. All counts in this mail are exact.`));
    }
    if (storm) mail = leadWith(mail, stormLead(batch.groups, d.total, cfg.stormThreshold));
    const attachment = { filename: 'ise-radius-failures.csv.gz', content: () => csv.stream(), contentType: 'application/gzip', size: csv.bytes };
    return { ...mail, attachments: csv.rows > 0 ? [attachment] : [] };
  };
}

/** Sends the composed mail, shrinking the attachment until the message fits every limit. */
export async function sendFitted(cfg: Config, deadline: Deadline, compose: Compose): Promise<OutgoingMail> {
  let limit = cfg.mail.maxBytes;
  let budget = Number.POSITIVE_INFINITY;
  for (let attempt = 0; ; attempt++) {
    const mail = compose(budget, limit);
    try {
      await sendMail(cfg, deadline, mail, limit);
      return mail;
    } catch (err) {
      if (!(err instanceof MessageTooBig)) throw err;
      const attached = mail.attachments?.[0]?.size ?? 0;
      if (attached === 0 || attempt + 1 >= ATTEMPTS) throw tooBig(err);
      limit = Math.min(limit, err.limit);
      // Everything but the attachment's base64 body, as actually composed.
      const rest = err.size - base64WireBytes(attached);
      budget = Math.min(attached - 1, attachmentBudget(limit, rest));
    }
  }
}

function tooBig(err: MessageTooBig) {
  const fix = err.byServer ? 'the mail server accepts less: ask for a larger limit or set MAIL_MAX_BYTES below it' : 'raise MAIL_MAX_BYTES';
  return mailError(`${err.message} even with the attachment cut down; ${fix}. The failures will be sent again on the next run`, err);
}
