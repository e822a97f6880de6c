import { randomBytes } from 'node:crypto';

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
