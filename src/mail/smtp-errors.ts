import { getSystemErrorName } from 'node:util';
import type { Config } from '../config/config';
import { AppError, mailError } from '../core/errors';

export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  errno?: number;
  /** The SMTP command the reply answered; `DATA` with EMESSAGE: the reply after the final dot. */
  command?: string;
}

/** A permanent refusal after the final dot: the server read the message and refused its content. */
export function contentRefused(e: SmtpFailure): boolean {
  return e.code === 'EMESSAGE' && e.command === 'DATA' && (e.responseCode ?? 0) >= 500 && e.responseCode !== 552;
}

/**
 * The server closed or reset the connection without a reply (nodemailer's ECONNECTION, or a
 * socket error ECONNRESET/EPIPE), e.g. mid-DATA or after the final dot: temporary, like a reset.
 * The server may have queued the message anyway, so a retry can deliver it twice (at least once).
 * See https://nodemailer.com/errors/ for nodemailer's codes.
 */
export function droppedConnection(e: SmtpFailure): boolean {
  if (e.responseCode !== undefined) return false;
  if (e.code === 'ECONNECTION') return true;
  const system = typeof e.errno === 'number' && e.errno < 0 ? getSystemErrorName(e.errno) : undefined;
  return e.code === 'ESOCKET' && (system === 'ECONNRESET' || system === 'EPIPE');
}

/** What failed: a run sending its mail (retried within the run), or doctor's session without a message. */
export type SmtpTask = 'send' | 'check';

/** One line with the server's reply and the likely fix; never the password. */
export function smtpError(cfg: Config, err: unknown, task: SmtpTask = 'send') {
  const e = err as SmtpFailure;
  const said = e.response ? `: server said "${oneLine(e.response)}"` : '';
  const hint = smtpHint(e, cfg, task);
  // ESOCKET wraps the system error: show ECONNREFUSED, EHOSTUNREACH... which says more.
  const code = e.code === 'ESOCKET' ? (/\bE[A-Z]{4,}\b/.exec(e.message ?? '')?.[0] ?? e.code) : e.code;
  const what = task === 'send' ? `mail not delivered via ${cfg.smtp.host}:${cfg.smtp.port}` : 'SMTP check failed';
  const line = `${what} (${code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''})${said}; ${hint}`;
  return task === 'send' && contentRefused(e)
    ? new AppError('mail-content', line, { cause: err })
    : mailError(line, err);
}

export function smtpHint(e: SmtpFailure, cfg: Config, task: SmtpTask = 'send'): string {
  const msg = e.message ?? '';
  if (e.code === 'EAUTH' || e.responseCode === 535)
    return 'check MAIL_USER and MAIL_PASS (for Amazon SES: SMTP credentials of the right region, not IAM keys)';
  if (/not verified/i.test(`${e.response ?? ''} ${msg}`))
    return (
      'Amazon SES: MAIL_FROM (and, in the SES sandbox, every MAIL_DEST address) must be a verified identity ' +
      'in this region; verify it in the SES console'
    );
  if (e.responseCode === 552) return 'the server refused the message as too large: set MAIL_MAX_BYTES below its limit';
  if (contentRefused(e))
    return (
      "the server refused the message's content (a content, spam or DLP filter; a value in a failure record, " +
      "such as a user name a supplicant chose, can trigger it): see the mail server's log for the rule"
    );
  if (e.responseCode === 554 || e.responseCode === 550 || e.responseCode === 553)
    return 'the server rejected the sender or a recipient: check MAIL_FROM (a verified identity for SES) and MAIL_DEST';
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(msg)) {
    return cfg.smtp.security === 'tls'
      ? 'this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls (ports 25/587/2587) or use port 465'
      : 'this port expects implicit TLS: set SMTP_SECURITY=tls (ports 465/2465)';
  }
  // Before the STARTTLS test: a refused certificate during the upgrade is reported as a STARTTLS error.
  if (/certificate|self[- ]signed|unable to verify|altname/i.test(msg))
    return (
      "the SMTP server's certificate is not trusted: set SMTP_CA to its CA (PEM), and use the host name in " +
      'its certificate'
    );
  if (/STARTTLS/i.test(msg) || e.code === 'ETLS')
    return (
      'the server does not offer STARTTLS: use SMTP_SECURITY=tls on port 465, or SMTP_SECURITY=none only on ' +
      'a trusted network'
    );
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(msg))
    return 'connection refused: check SMTP_SERVER and SMTP_PORT';
  // Plain or STARTTLS client on an implicit-TLS port: the server waits for a TLS hello, we for its greeting.
  if (/greeting/i.test(msg) && cfg.smtp.security !== 'tls')
    return (
      'connected, but no SMTP greeting came: this port probably expects implicit TLS (set ' +
      'SMTP_SECURITY=tls, as for ports 465/2465), or the server is stuck'
    );
  if (droppedConnection(e))
    return (
      `the mail server dropped the connection without a reply${task === 'send' ? ' (retried within the run)' : ''}: ` +
      'check that it is up and accepts mail from this device, its log says why'
    );
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(msg))
    return 'no answer in time: check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell';
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(msg))
    return 'the SMTP host name does not resolve: check SMTP_SERVER and DNS in Guestshell';
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return 'a temporary refusal by the server';
  return task === 'send'
    ? 'check the SMTP settings with the doctor command'
    : "check SMTP_SERVER, SMTP_PORT and SMTP_SECURITY; the mail server's log says why";
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
