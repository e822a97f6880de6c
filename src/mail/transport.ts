import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { errCode } from '../core/errcode';
import { AppError, usageError } from '../core/errors';
import { holdForData } from '../core/interrupt';
import { withRetry } from '../core/retry';
import { refusedFor, sendDeferred } from './deferred-rcpt';
import { newMessageId } from './message-id';
import { buildMime, type MimeInput } from './mime';
import { type SmtpAuth, smtpSend } from './smtp';
import { droppedConnection, type SmtpFailure, smtpError } from './smtp-errors';

export { smtpError } from './smtp-errors';

export interface OutgoingMail {
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
  /** At most one; streamed from its gzip blocks (a large attachment is never one buffer), `size` in bytes. */
  attachment?: MimeInput['attachment'];
}

export interface Sent {
  messageId: string;
  /** Recipients the server refused while it accepted the message for the others. */
  rejected: string[];
}

const CONNECT_MS = 15_000;
const GREETING_MS = 15_000;
const SOCKET_MS = 60_000;

/** The composed message exceeds a size limit: ours (MAIL_MAX_BYTES) or the server's SIZE. */
export class MessageTooBig extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
    readonly byServer: boolean,
  ) {
    super(
      `the message is ${size} bytes, over the ${byServer ? "mail server's SIZE" : 'MAIL_MAX_BYTES'} limit of ${limit}`,
    );
  }
}

/**
 * Sends one message and resolves only when the server accepted it (250 after DATA): the caller
 * advances the cursor after that and never before. The SMTP engine is loaded here, lazily, so a
 * run with nothing to send never pays for it.
 *
 * The message is composed first (mime.ts), so its exact size is known: over `limit` it is not sent
 * at all (MessageTooBig), and the size is declared in MAIL FROM (RFC 1870). nodemailer's
 * SMTPConnection compares that with the SIZE the server announced after EHLO and refuses locally,
 * naming the server's limit ("Message size larger than allowed N", see
 * https://nodemailer.com/extras/smtp-connection/, envelope.size); that becomes MessageTooBig too,
 * so the caller can shrink the message and retry.
 */
export async function sendMail(cfg: Config, deadline: Deadline, mail: OutgoingMail, limit?: number): Promise<Sent> {
  const now = deadline.now();
  const messageId = mail.messageId ?? newMessageId(cfg.mail.from, now);
  const mime = buildMime({
    from: { name: cfg.mail.fromName, address: cfg.mail.from ?? '' },
    to: cfg.mail.dest,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId,
    date: now,
    attachment: mail.attachment,
  });
  if (limit !== undefined && mime.size > limit) throw new MessageTooBig(mime.size, limit, false);
  const envelope = { from: cfg.mail.from ?? '', to: cfg.mail.dest, size: mime.size };
  try {
    // A 4xx reply or a dropped connection is temporary (greylisting, a busy relay): retry within
    // the deadline. A 5xx or an auth failure is final for this run.
    const send = (to: string[]) =>
      withRetry(
        () => attempt(connectionOptions(cfg, deadline), smtpAuth(cfg), { ...envelope, to }, mime.stream()),
        deadline,
        {
          attempts: 3,
          baseDelayMs: 2000,
          transient: transientSmtp,
        },
      );
    const info = await send(cfg.mail.dest);
    await sendDeferred(cfg, info, send);
    return { messageId, rejected: refusedFor(info, false) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const server = serverSizeLimit(err);
    if (server !== undefined) throw new MessageTooBig(mime.size, server, true);
    throw smtpError(cfg, err);
  }
}

/**
 * One SMTP transaction. The engine starts reading the message once the server said 354 (it pipes
 * the stream, which then emits 'resume'): from there on a stop waits for the server's answer, so
 * a mail it accepts is recorded instead of sent again (src/core/interrupt.ts). A failed attempt
 * lets the stop go at once.
 */
async function attempt(...args: Parameters<typeof smtpSend>) {
  const message = args[3];
  let release: () => void = () => undefined;
  message.once('resume', () => {
    release = holdForData();
  });
  try {
    return await smtpSend(...args);
  } catch (err) {
    release();
    throw err;
  }
}

export function smtpAuth(cfg: Config): SmtpAuth | undefined {
  return cfg.smtp.user ? { user: cfg.smtp.user, pass: cfg.smtp.pass ?? '' } : undefined;
}

/** How every connection to the SMTP server is made: runs, test-mail and doctor alike. */
export function connectionOptions(cfg: Config, deadline: Deadline): SMTPConnection.Options {
  const { smtp } = cfg;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    // starttls: refuse to send in plaintext when the server does not offer STARTTLS.
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    // SMTP_CA adds to the CAs Node trusts (a public mail relay must still verify).
    tls: smtp.ca ? trustingAlso(readCa(smtp.ca)) : undefined,
    ...timeouts(deadline),
  };
}

function transientSmtp(err: unknown): boolean {
  const e = err as SmtpFailure;
  if (serverSizeLimit(err) !== undefined) return false;
  if (e.responseCode !== undefined) return e.responseCode >= 400 && e.responseCode < 500 && e.code !== 'EAUTH';
  return droppedConnection(e);
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

/** The server's SIZE limit when nodemailer refused the message for it. */
function serverSizeLimit(err: unknown): number | undefined {
  const e = err as { code?: string; message?: string };
  const m = e.code === 'EMESSAGE' ? /larger than allowed (\d+)/.exec(e.message ?? '') : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * A TLS context trusting Node's bundled root CAs and `pem` besides. Node's `ca` option replaces the
 * defaults, and `[...rootCertificates, pem]` re-parses ~140 roots on every run (~30 ms on Node 18
 * and 20, measured). The native `addCACert` of a default context copies the already parsed root
 * store and adds to it (SecureContext::AddCACert in
 * https://github.com/nodejs/node/blob/v20.x/src/crypto/crypto_context.cc); a runtime without it
 * gets the documented list (https://nodejs.org/api/tls.html#tlsrootcertificates).
 */
function trustingAlso(pem: string): { secureContext: SecureContext } | { ca: string[] } {
  const secureContext = createSecureContext();
  const native = (secureContext as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return { ca: [...rootCertificates, pem] };
  native.addCACert(pem);
  return { secureContext };
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read SMTP_CA ${file} (${errCode(err, 'error')}): check the path`);
  }
}
