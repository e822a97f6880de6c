import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { mailError } from '../core/errors';
import { MessageTooBig, type OutgoingMail, type Sent, sendMail } from '../mail/transport';
import { attachmentBudget, base64WireBytes } from './budget';

/**
 * Sending within the size cap. The attachment is built while records stream in, capped from the
 * start at what MAIL_MAX_BYTES leaves after RESERVE; the exact composed size then decides: over
 * MAIL_MAX_BYTES, or over a smaller SIZE the server announced, trailing blocks of the attachment
 * are dropped and the mail says how many rows were left out. Counts in the subject and body always
 * cover every record.
 */

/** Room assumed for headers, text and HTML parts while the attachment is built (checked later). */
export const RESERVE = 128 * 1024;
const ATTEMPTS = 4;

/** The gzip budget the batch's attachment starts with (generous: the exact fit comes later). */
export function initialAttachmentBudget(cfg: Config): number {
  return attachmentBudget(cfg.mail.maxBytes, Math.min(RESERVE, cfg.mail.maxBytes / 2));
}

/** Builds the message for an attachment budget (raw gzip bytes) and a size limit (bytes). */
export type Compose = (budget: number, limit: number) => OutgoingMail;

/** Sends the composed mail, shrinking the attachment until the message fits every limit. */
export async function sendFitted(cfg: Config, deadline: Deadline, compose: Compose): Promise<Sent> {
  let limit = cfg.mail.maxBytes;
  let byServer = false;
  let budget = Number.POSITIVE_INFINITY;
  for (let attempt = 0; ; attempt++) {
    const mail = compose(budget, limit);
    try {
      return await sendMail(cfg, deadline, mail, limit);
    } catch (err) {
      if (!(err instanceof MessageTooBig)) throw err;
      // Once the server named its SIZE, every later refusal is about that limit, not ours.
      byServer ||= err.byServer;
      const attached = mail.attachment?.size ?? 0;
      if (attached === 0 || attempt + 1 >= ATTEMPTS) throw tooBig(err, byServer, true);
      limit = Math.min(limit, err.limit);
      // Everything but the attachment's base64 body, as actually composed.
      const rest = err.size - base64WireBytes(attached);
      budget = Math.min(attached - 1, attachmentBudget(limit, rest));
    }
  }
}

/** Sends a message that cannot be refitted (test-mail, health mails): too big is a mail error. */
export async function sendAsIs(cfg: Config, deadline: Deadline, mail: OutgoingMail): Promise<Sent> {
  try {
    return await sendMail(cfg, deadline, mail, cfg.mail.maxBytes);
  } catch (err) {
    throw err instanceof MessageTooBig ? tooBig(err, err.byServer, false) : err;
  }
}

function tooBig(err: MessageTooBig, byServer: boolean, cut: boolean) {
  const over =
    `the message is ${err.size} bytes, over the ${byServer ? "mail server's SIZE" : 'MAIL_MAX_BYTES'} ` +
    `limit of ${err.limit}`;
  const fix = byServer ? 'the mail server accepts less: ask its admin for a larger limit' : 'raise MAIL_MAX_BYTES';
  return mailError(`${over}${cut ? ' even with the attachment cut down' : ''}; ${fix}`, err);
}
