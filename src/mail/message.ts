import { attachmentFilename } from '../attachment/attachment';
import type { Config } from '../config/config';
import type { Lead } from '../render/lead';
import type { MailContext, RenderOptions } from '../render/model';
import { render } from '../render/render';
import type { Rollup } from '../rollup/rollup';
import { newMessageId } from './message-id';
import type { OutgoingMail } from './transport';

/**
 * Headers that mark the alert as machine mail: auto-responders must not answer it (RFC 3834 §5,
 * https://www.rfc-editor.org/rfc/rfc3834) and Exchange/Outlook should not send out-of-office
 * replies (X-Auto-Response-Suppress,
 * https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/ced68690-498a-4567-9d14-5c01f974d8b1).
 * No record value ever goes into a header except through the cleaned subject.
 */
export const MACHINE_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

export interface ComposeOptions {
  now: number;
  test?: boolean;
  /** Overrides MAIL_SUBJECT_PREFIX (storm mode adds `STORM:`). */
  subjectPrefix?: string;
  /** Sections put first in both parts, the last one on top (storm groups, size-cap note). */
  leads?: Lead[];
  /** The whole subject, when an incident leads the mail (already cleaned and capped). */
  subject?: string;
  /** The active mutes, for the footer. */
  mutes?: readonly string[];
  /** How the mail shows itself and its period: BACKFILL, the digest's label and period, the chart. */
  show?: Pick<RenderOptions, 'backfill' | 'label' | 'period' | 'chart'>;
  /** --dry-run: no attachment is built, but the body says what the real mail attaches. */
  preview?: boolean;
}

/** The ISE deployment, the sending device and the admin portal, for every mail's footer and links. */
export function mailContext(cfg: Config): MailContext {
  return {
    device: cfg.mail.device,
    ise: cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(', ') || '(ISE_HOST not set)',
    adminUrl: cfg.mail.adminUrl,
  };
}

/** Renders the digest with its (finished) attachment into one message ready for sendMail. */
export function composeMail(cfg: Config, digest: Rollup, opts: ComposeOptions): OutgoingMail {
  const built = digest.attachment();
  const attachment = built && built.rows > 0 ? built : undefined;
  const rendered = render(digest, {
    ...opts.show,
    subjectPrefix: opts.subjectPrefix ?? cfg.mail.subjectPrefix,
    maxRows: cfg.mail.maxRows,
    timeZone: cfg.mail.timezone,
    attachmentName:
      opts.preview && cfg.mail.attach !== 'none' ? attachmentFilename(cfg.mail.attach) : attachment?.filename,
    attachmentRows: attachment && attachment.omitted > 0 ? attachment.rows : undefined,
    test: opts.test,
    subject: opts.subject,
    mutes: opts.mutes,
    // Pushed in order, the last on top.
    leads: [...(opts.leads ?? [])].reverse(),
    context: mailContext(cfg),
  });
  return {
    ...rendered,
    messageId: newMessageId(cfg.mail.from, opts.now),
    headers: { ...MACHINE_HEADERS },
    attachment: attachment && {
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.bytes,
      stream: () => attachment.stream(),
    },
  };
}
