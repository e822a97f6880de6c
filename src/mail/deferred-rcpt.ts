import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Config } from '../config/config';
import { mailError } from '../core/errors';
import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import type { SmtpFailure } from './smtp-errors';

export type Info = Omit<SMTPConnection.SentMessageInfo, 'rejectedErrors'> & {
  rejectedErrors?: Array<SmtpFailure & { recipient?: string }>;
};

/** The recipients the server refused with this message accepted: for now (4xx) or for good. */
export function refusedFor(info: Info, forNow: boolean): string[] {
  const errors = info.rejectedErrors ?? [];
  if (errors.length === 0 && !forNow) return (info.rejected ?? []).map(String);
  const temporary = (e: SmtpFailure) => (e.responseCode ?? 0) >= 400 && (e.responseCode ?? 0) < 500;
  return errors.filter((e) => temporary(e) === forNow).map((e) => String(e.recipient));
}

/**
 * A recipient refused for now (450/451/452: greylisting, a full mailbox, too many recipients) while
 * the others took the message is sent it again alone, within the deadline. If the refusal outlasts
 * that, the run does not count as delivered (a mail error: exit 5, the cursor stays), so the next
 * run sends the failures again, to every recipient: the refused one is owed them, and the others
 * get them twice rather than that one never (at least once). A 5xx refusal stays final: reported.
 */
export async function sendDeferred(cfg: Config, first: Info, send: (to: string[]) => Promise<Info>): Promise<void> {
  let pending = refusedFor(first, true);
  let last: SmtpFailure | undefined;
  // withRetry waits and tries again while all of them are refused; a round that delivers to some goes on.
  for (let round = 0; pending.length > 0 && round < 3; round++) {
    const before = pending.length;
    try {
      const info: Info = await send(pending);
      last = info.rejectedErrors?.[0];
      pending = refusedFor(info, true);
    } catch (err) {
      last = err as SmtpFailure;
      break;
    }
    if (pending.length >= before) break;
  }
  if (pending.length === 0) return;
  const e = last ?? first.rejectedErrors?.[0] ?? {};
  const said = e.response ? `: server said "${clean(e.response, 200)}"` : '';
  const got = cfg.mail.dest.length - refusedFor(first, true).length - refusedFor(first, false).length;
  throw mailError(
    `mail delivered to ${plural(got, 'recipient')}, but the server refused ${pending.join(', ')} for now ` +
      `(${e.responseCode ?? 'error'})${said} past the retries, so the run does not count as delivered ` +
      '(the others get these failures twice): check that mailbox and its mail server (greylisting, a full ' +
      'mailbox), or take it out of MAIL_DEST',
    last,
  );
}
