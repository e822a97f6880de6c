import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';
import type { Digest } from '../format/digest';
import { render } from '../format/render';
import { type Lead, leadWith } from '../format/storm';
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

/** The domain of MAIL_FROM for Message-ID, restricted to host-name characters. */
export function messageIdDomain(from: string | undefined): string {
  const domain = (from ?? '').split('@').pop() ?? '';
  return /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?$/.test(domain) && domain.includes('.')
    ? domain.toLowerCase()
    : 'ise-to-mail.invalid';
}

/** `<ise-to-mail.lr3k2x.9f1c0a7b3e2d4c5f@example.net>`: unique, on our own domain part. */
export function newMessageId(from: string | undefined, now: number): string {
  return `<ise-to-mail.${now.toString(36)}.${randomBytes(8).toString('hex')}@${messageIdDomain(from)}>`;
}

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
}

/** Renders the digest with its (finished) attachment into one message ready for sendMail. */
export function composeMail(cfg: Config, digest: Digest, opts: ComposeOptions): OutgoingMail {
  const built = digest.attachment();
  const attachment = built && built.rows > 0 ? built : undefined;
  let rendered = render(digest, {
    subjectPrefix: opts.subjectPrefix ?? cfg.mail.subjectPrefix,
    maxRows: cfg.mail.maxRows,
    timeZone: cfg.mail.timezone,
    attachmentName: attachment?.filename,
    attachmentRows: attachment && attachment.omitted > 0 ? attachment.rows : undefined,
    test: opts.test,
    subject: opts.subject,
    mutes: opts.mutes,
  });
  for (const lead of opts.leads ?? []) rendered = leadWith(rendered, lead);
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
