import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { mailError, usageError } from '../errors';
import type { Config } from '../config/config';
import type { Deadline } from '../deadline';

export interface OutgoingMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** `content` may be a factory of streams: a large attachment is then never one big string. */
  attachments?: Array<{ filename: string; content: Buffer | (() => Readable); contentType: string; size: number }>;
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
    super(`the message is ${size} bytes, over the ${byServer ? "mail server's SIZE" : 'MAIL_MAX_BYTES'} limit of ${limit}`);
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
export async function sendMail(cfg: Config, deadline: Deadline, mail: OutgoingMail, limit?: number): Promise<{ messageId: string }> {
  const [nodemailer, { default: MailComposer }] = await Promise.all([import('nodemailer'), import('nodemailer/lib/mail-composer')]);
  // Composed twice, streamed both times: once to measure, once to send. A storm mail is megabytes
  // and building it as one Buffer (plus nodemailer's base64 string of the attachment) cost ~15 MB
  // of peak RSS. Message-ID and Date are fixed, and the rest of nodemailer's output depends only on
  // the content (MIME boundaries are random but of fixed length), so both renderings have one size.
  const messageId = `<${randomUUID()}@${(cfg.mail.from ?? 'ise-to-mail').split('@').pop()}>`;
  const date = new Date();
  const render = () =>
    new MailComposer({
      from: { name: 'ISE RADIUS alerts', address: cfg.mail.from ?? '' },
      to: cfg.mail.dest,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: typeof a.content === 'function' ? a.content() : a.content })),
      messageId,
      date,
      disableFileAccess: true,
      disableUrlAccess: true,
    }).compile().createReadStream();
  const size = await byteCount(render());
  if (limit !== undefined && size > limit) throw new MessageTooBig(size, limit, false);
  const { smtp } = cfg;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    // starttls: refuse to send in plaintext when the server does not offer STARTTLS.
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    tls: smtp.ca ? { ca: readCa(smtp.ca) } : undefined,
    connectionTimeout: deadline.cap(CONNECT_MS),
    greetingTimeout: deadline.cap(GREETING_MS),
    socketTimeout: deadline.cap(SOCKET_MS),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const envelope = { from: cfg.mail.from ?? '', to: cfg.mail.dest, size };
    const info = await transport.sendMail({ envelope: envelope as { from: string; to: string[] }, raw: render() });
    return { messageId: String(info.messageId ?? '') };
  } catch (err) {
    const server = serverSizeLimit(err);
    if (server !== undefined) throw new MessageTooBig(size, server, true);
    throw smtpError(cfg, err);
  } finally {
    transport.close();
  }
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

/** One line with the likely fix; never the password. */
export function smtpError(cfg: Config, err: unknown) {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const at = `${cfg.smtp.host}:${cfg.smtp.port}`;
  const said = e.response ? `: server said "${oneLine(e.response)}"` : '';
  const hint = smtpHint(e, cfg);
  return mailError(`mail not delivered via ${at} (${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''})${said}; ${hint}. The failures will be sent again on the next run`, err);
}

function smtpHint(e: { code?: string; responseCode?: number; message?: string }, cfg: Config): string {
  const msg = e.message ?? '';
  if (e.code === 'EAUTH' || e.responseCode === 535) return 'check MAIL_USER and MAIL_PASS (for Amazon SES: SMTP credentials of the right region, not IAM keys)';
  if (e.responseCode === 552) return 'the server refused the message as too large: set MAIL_MAX_BYTES below its limit';
  if (e.responseCode === 554 || e.responseCode === 550 || e.responseCode === 553) return 'the server rejected the sender or a recipient: check MAIL_FROM (a verified identity for SES) and MAIL_DEST';
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(msg)) {
    return cfg.smtp.security === 'tls'
      ? 'this port speaks STARTTLS, not implicit TLS: set SMTP_SECURITY=starttls (ports 25/587/2587) or use port 465'
      : 'this port expects implicit TLS: set SMTP_SECURITY=tls (ports 465/2465)';
  }
  if (/STARTTLS/i.test(msg) || e.code === 'ETLS') return 'the server does not offer STARTTLS: use SMTP_SECURITY=tls on port 465, or SMTP_SECURITY=none only on a trusted network';
  if (/certificate|self[- ]signed|unable to verify|altname/i.test(msg)) return "the SMTP server's certificate is not trusted: set SMTP_CA to its CA (PEM), and use the host name in its certificate";
  if (e.code === 'ECONNREFUSED') return 'connection refused: check SMTP_SERVER and SMTP_PORT';
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNECTION' || /timeout/i.test(msg)) return 'no answer in time: check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell';
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(msg)) return 'the SMTP host name does not resolve: check SMTP_SERVER and DNS in Guestshell';
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return 'a temporary refusal by the server';
  return 'check the SMTP settings with the doctor command';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
