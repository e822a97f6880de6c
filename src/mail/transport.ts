import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { usageError } from '../core/errors';
import { withRetry } from '../core/retry';
import { newMessageId } from './message';
import { droppedConnection, type SmtpFailure, smtpError } from './smtp-errors';

export { smtpError, smtpHint } from './smtp-errors';

export interface OutgoingMail {
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
  /** `content` may be a factory of streams: a large attachment is then never one big buffer. */
  attachments?: Array<{ filename: string; content: Buffer | (() => Readable); contentType: string; size?: number }>;
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
 * advances the cursor after that and never before. nodemailer is loaded here, lazily, so a run
 * with nothing to send never pays for it.
 *
 * The message is composed first, so its exact size is known: over `limit` it is not sent at all
 * (MessageTooBig), and the size is declared in MAIL FROM (RFC 1870). nodemailer compares that with
 * the SIZE the server announced after EHLO and refuses locally, naming the server's limit
 * ("Message size larger than allowed N", see https://nodemailer.com/extras/smtp-connection/,
 * envelope.size); that becomes MessageTooBig too, so the caller can shrink the message and retry.
 */
export async function sendMail(cfg: Config, deadline: Deadline, mail: OutgoingMail, limit?: number): Promise<Sent> {
  const [nodemailer, { default: MailComposer }] = await Promise.all([
    import('nodemailer'),
    import('nodemailer/lib/mail-composer'),
  ]);
  // Composed twice, streamed both times: once to measure, once to send. A storm mail is megabytes
  // and building it as one Buffer (plus nodemailer's base64 string of the attachment) cost ~15 MB
  // of peak RSS. Message-ID and Date are fixed, and the rest of nodemailer's output depends only on
  // the content (MIME boundaries are random but of fixed length), so both renderings have one size.
  const date = new Date(deadline.now());
  // Pinned here, not left to nodemailer: both renderings then carry the same Message-ID, and the
  // caller learns the one in the header (nodemailer's info.messageId for a raw message is its own).
  const messageId = mail.messageId ?? newMessageId(cfg.mail.from, deadline.now());
  const render = () =>
    new MailComposer({
      from: { name: cfg.mail.fromName, address: cfg.mail.from ?? '' },
      to: cfg.mail.dest,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: typeof a.content === 'function' ? a.content() : a.content,
      })),
      messageId,
      date,
      disableFileAccess: true,
      disableUrlAccess: true,
    })
      .compile()
      .createReadStream();
  const size = await byteCount(render());
  if (limit !== undefined && size > limit) throw new MessageTooBig(size, limit, false);
  const transport = nodemailer.createTransport(transportOptions(cfg, deadline));
  const envelope = { from: cfg.mail.from ?? '', to: cfg.mail.dest, size } as { from: string; to: string[] };
  try {
    // A 4xx reply or a dropped connection is temporary (greylisting, a busy relay): retry within
    // the deadline. A 5xx or an auth failure is final for this run.
    const info = await withRetry(() => transport.sendMail({ envelope, raw: render() }), deadline, {
      attempts: 3,
      baseDelayMs: 2000,
      transient: transientSmtp,
    });
    return { messageId, rejected: (info.rejected ?? []).map(String) };
  } catch (err) {
    const server = serverSizeLimit(err);
    if (server !== undefined) throw new MessageTooBig(size, server, true);
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
    // SMTP_CA adds to the system CAs (a public mail relay must still verify): Node's `ca` option
    // replaces the defaults, so they are passed along (https://nodejs.org/api/tls.html#tlsrootcertificates).
    tls: smtp.ca ? { ca: [...rootCertificates, readCa(smtp.ca)] } : undefined,
    ...timeouts(deadline),
    disableFileAccess: true,
    disableUrlAccess: true,
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

/**
 * Bytes of the message as it goes over SMTP: nodemailer's composer leaves some bare LF line breaks
 * that its SMTP data stream turns into CRLF (RFC 5321 §2.3.8), so each counts twice.
 */
async function byteCount(stream: AsyncIterable<Buffer | string>): Promise<number> {
  let n = 0;
  let previous = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    n += chunk.length;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      if ((i > 0 ? chunk[i - 1] : previous) !== 0x0d) n++;
    }
    if (chunk.length > 0) previous = chunk[chunk.length - 1]!;
  }
  return n;
}

/** The server's SIZE limit when nodemailer refused the message for it. */
function serverSizeLimit(err: unknown): number | undefined {
  const e = err as { code?: string; message?: string };
  const m = e.code === 'EMESSAGE' ? /larger than allowed (\d+)/.exec(e.message ?? '') : null;
  return m ? Number(m[1]) : undefined;
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read SMTP_CA ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path`);
  }
}
