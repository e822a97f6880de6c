import { readFileSync } from 'node:fs';
import { mailError, usageError } from '../errors';
import type { Config } from '../config/config';
import type { Deadline } from '../deadline';
import { withRetry } from '../retry';

export interface OutgoingMail {
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

const CONNECT_MS = 15_000;
const GREETING_MS = 15_000;
const SOCKET_MS = 60_000;

/**
 * Sends one message and resolves only when the server accepted it (250 after DATA): the caller
 * advances the cursor after that and never before. nodemailer is loaded here, lazily, so a run
 * with nothing to send never pays for it.
 */
export async function sendMail(cfg: Config, deadline: Deadline, mail: OutgoingMail): Promise<{ messageId: string }> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(transportOptions(cfg, deadline));
  const message = {
    from: { name: cfg.mail.fromName, address: cfg.mail.from ?? '' },
    to: cfg.mail.dest,
    subject: mail.subject,
    messageId: mail.messageId,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments,
  };
  try {
    // A 4xx reply or a dropped connection is temporary (greylisting, a busy relay): retry within
    // the deadline. A 5xx or an auth failure is final for this run.
    const info = await withRetry(() => transport.sendMail(message), deadline, { attempts: 3, baseDelayMs: 2000, transient: transientSmtp });
    return { messageId: String(info.messageId ?? '') };
  } catch (err) {
    throw smtpError(cfg, err);
  } finally {
    transport.close();
  }
}

/** How every connection to the SMTP server is made: runs, test-mail and doctor alike. */
export function transportOptions(cfg: Config, deadline: Deadline) {
  const { smtp } = cfg;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    // starttls: refuse to send in plaintext when the server does not offer STARTTLS.
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    tls: smtp.ca ? { ca: readCa(smtp.ca) } : undefined,
    ...timeouts(deadline),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function transientSmtp(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number; message?: string };
  if (e.responseCode !== undefined) return e.responseCode >= 400 && e.responseCode < 500 && e.code !== 'EAUTH';
  return /ECONNRESET|EPIPE|socket hang up/i.test(`${e.code} ${e.message}`);
}

/**
 * nodemailer's timeouts, inside the run deadline. Near the deadline all three would be equal and
 * the idle-socket timer could win the race, hiding the telling "Greeting never received": so the
 * connect and greeting timers end a little before the socket one.
 */
function timeouts(deadline: Deadline) {
  const socketTimeout = deadline.cap(SOCKET_MS);
  const before = (ms: number) => Math.max(1, Math.min(ms, socketTimeout - 250));
  return { connectionTimeout: before(CONNECT_MS), greetingTimeout: before(GREETING_MS), socketTimeout };
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read SMTP_CA ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path`);
  }
}

/** One line with the likely fix; never the password. */
export function smtpError(cfg: Config, err: unknown) {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const at = `${cfg.smtp.host}:${cfg.smtp.port}`;
  const said = e.response ? `: server said "${oneLine(e.response)}"` : '';
  const hint = smtpHint(e, cfg);
  // ESOCKET wraps the system error: show ECONNREFUSED, EHOSTUNREACH... which says more.
  const code = e.code === 'ESOCKET' ? (/\bE[A-Z]{4,}\b/.exec(e.message ?? '')?.[0] ?? e.code) : e.code;
  return mailError(`mail not delivered via ${at} (${code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''})${said}; ${hint}. The failures will be sent again on the next run`, err);
}

export function smtpHint(e: { code?: string; responseCode?: number; response?: string; message?: string }, cfg: Config): string {
  const msg = e.message ?? '';
  if (e.code === 'EAUTH' || e.responseCode === 535) return 'check MAIL_USER and MAIL_PASS (for Amazon SES: SMTP credentials of the right region, not IAM keys)';
  if (/not verified/i.test(`${e.response ?? ''} ${msg}`)) return 'Amazon SES: MAIL_FROM (and, in the SES sandbox, every MAIL_DEST address) must be a verified identity in this region; verify it in the SES console';
  if (e.responseCode === 554 || e.responseCode === 550 || e.responseCode === 553) return 'the server rejected the sender or a recipient: check MAIL_FROM (a verified identity for SES) and MAIL_DEST';
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(msg)) {
    return cfg.smtp.security === 'tls'
      ? 'this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls (ports 25/587/2587) or use port 465'
      : 'this port expects implicit TLS: set SMTP_SECURITY=tls (ports 465/2465)';
  }
  if (/STARTTLS/i.test(msg) || e.code === 'ETLS') return 'the server does not offer STARTTLS: use SMTP_SECURITY=tls on port 465, or SMTP_SECURITY=none only on a trusted network';
  if (/certificate|self[- ]signed|unable to verify|altname/i.test(msg)) return "the SMTP server's certificate is not trusted: set SMTP_CA to its CA (PEM), and use the host name in its certificate";
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(msg)) return 'connection refused: check SMTP_SERVER and SMTP_PORT';
  // Plain or STARTTLS client on an implicit-TLS port: the server waits for a TLS hello, we for its greeting.
  if (/greeting/i.test(msg) && cfg.smtp.security !== 'tls') return 'connected, but no SMTP greeting came: this port probably expects implicit TLS (set SMTP_SECURITY=tls, as for ports 465/2465), or the server is stuck';
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNECTION' || /timeout/i.test(msg)) return 'no answer in time: check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell';
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(msg)) return 'the SMTP host name does not resolve: check SMTP_SERVER and DNS in Guestshell';
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return 'a temporary refusal by the server';
  return 'check the SMTP settings with the doctor command';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
