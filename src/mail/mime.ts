import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { headerText, phrase } from './mime-header';

/**
 * The MIME message (RFC 5322, RFC 2045-2047) of one mail: multipart/mixed holding a
 * multipart/alternative (plain text and HTML, quoted-printable UTF-8) and at most one base64
 * attachment. Written here instead of by nodemailer's composer, whose code was half of dist/run.js:
 * the message is composed once, its exact size is known before it is sent (every line ends in
 * CRLF, the attachment's base64 size is arithmetic), and the attachment streams from its gzip
 * blocks without ever being one buffer.
 */
export interface MimeInput {
  from: { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The Date header (ms since the epoch). */
  date: number;
  /** Extra header fields, values plain ASCII. */
  headers?: Record<string, string>;
  attachment?: { filename: string; contentType: string; size: number; stream: () => AsyncIterable<Buffer> };
}

export interface MimeMessage {
  /** Bytes of the message as sent (before SMTP's dot-stuffing, which RFC 1870 leaves out of SIZE). */
  size: number;
  /** The message, anew on each call (a retry sends it again). */
  stream(): Readable;
}

const CRLF = '\r\n';

export function buildMime(m: MimeInput): MimeMessage {
  const tag = randomBytes(12).toString('hex');
  const mixed = `----=_ise-to-mail_${tag}_mixed`;
  const alt = `----=_ise-to-mail_${tag}_alt`;
  const a = m.attachment;
  const head = [
    ...headerFields(m, mixed),
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative;${CRLF} boundary="${alt}"`,
    '',
    `--${alt}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(m.text),
    `--${alt}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(m.html),
    `--${alt}--`,
    '',
    ...(a ? attachmentHead(a, mixed) : []),
  ].join(CRLF);
  const before = Buffer.from(head, 'utf8');
  const after = Buffer.from(`--${mixed}--${CRLF}`, 'latin1');
  const size = before.length + (a ? base64WireBytes(a.size) : 0) + after.length;
  return {
    size,
    stream: () => Readable.from(parts(before, a?.stream(), after), { objectMode: false }),
  };
}

/** The message's header: the extra fields first, then the standard ones. */
function headerFields(m: MimeInput, mixed: string): string[] {
  return [
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `From: ${phrase(m.from.name)} <${m.from.address}>`,
    `To: ${m.to.join(', ')}`,
    `Subject: ${headerText(m.subject, 'Subject: '.length)}`,
    `Message-ID: ${m.messageId}`,
    `Date: ${new Date(m.date).toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
  ];
}

/** The attachment part's header; its base64 lines follow as a stream. */
function attachmentHead(a: NonNullable<MimeInput['attachment']>, mixed: string): string[] {
  return [
    `--${mixed}`,
    `Content-Type: ${a.contentType}; name=${a.filename}`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename=${a.filename}`,
    '',
    '',
  ];
}

async function* parts(before: Buffer, attachment: AsyncIterable<Buffer> | undefined, after: Buffer) {
  yield before;
  if (attachment) yield* base64Lines(attachment);
  yield after;
}

/** 57 raw bytes make one 76-character line of base64. */
const LINE_BYTES = 57;

/** base64 in CRLF-ended lines of 76 characters, across chunk boundaries (RFC 2045 §6.8). */
async function* base64Lines(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole = data.length - (data.length % LINE_BYTES);
    if (whole > 0) yield encodeLines(data, 0, whole);
    carry = Buffer.from(data.subarray(whole));
  }
  if (carry.length) yield encodeLines(carry, 0, carry.length);
}

function encodeLines(data: Buffer, start: number, end: number): Buffer {
  const text = data.toString('base64', start, end);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return Buffer.from(`${lines.join(CRLF)}${CRLF}`, 'latin1');
}

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text: lines end in CRLF, no encoded line is longer
 * than 76 characters, white space before a line break and every byte outside printable ASCII
 * (and `=`) is written =XX. Line breaks become CRLF; a text that ends with one keeps it.
 */
export function quotedPrintable(text: string): string {
  if (text === '') return '';
  const out: string[] = [];
  for (const line of text.replace(/\r?\n$/, '').split(/\r?\n/)) {
    if (line.length <= 76 && QP_PLAIN.test(line)) out.push(line);
    else out.push(...qpLine(line));
  }
  return /\n$/.test(text) ? `${out.join(CRLF)}${CRLF}` : out.join(CRLF);
}

/** A line that needs no encoding: printable ASCII but `=`, no white space at its end (or empty). */
const QP_PLAIN = /^(?:[\t\x20-\x3c\x3e-\x7e]*[\x21-\x3c\x3e-\x7e])?$/;
/** Characters written as =XX: all but printable ASCII, tab and space; `=` itself. */
const QP_SPECIAL = /[^\t\x20-\x3c\x3e-\x7e]/gu;

function qpLine(line: string): string[] {
  let enc = line.replace(QP_SPECIAL, (c) => {
    let hex = '';
    for (const b of Buffer.from(c, 'utf8')) hex += `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    return hex;
  });
  const last = enc.charCodeAt(enc.length - 1);
  if (last === 32 || last === 9) enc = `${enc.slice(0, -1)}=${last === 32 ? '20' : '09'}`;
  // Soft breaks (`=` at the end) keep lines within 76 characters, never inside an =XX.
  const lines: string[] = [];
  let i = 0;
  while (enc.length - i > 76) {
    let end = i + 75;
    if (enc[end - 1] === '=') end -= 1;
    else if (enc[end - 2] === '=') end -= 2;
    lines.push(`${enc.slice(i, end)}=`);
    i = end;
  }
  lines.push(enc.slice(i));
  return lines;
}

/**
 * Bytes on the wire for `raw` bytes of base64-encoded content (RFC 2045 §6.8): 3 bytes become 4
 * characters, in lines of at most 76 characters, each ended by CRLF.
 */
export function base64WireBytes(raw: number): number {
  const chars = 4 * Math.ceil(raw / 3);
  return chars + 2 * Math.ceil(chars / 76);
}
