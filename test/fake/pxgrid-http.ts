// HTTP plumbing for the fake pxGrid node: body parsing, Basic auth, client-cert facts,
// and response writers that honour the noContentType and truncate switches.

import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Everything a handler needs about one request. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  body: unknown;
  user?: string;
  pass?: string;
  /** Client presented a cert that chains to the test CA. */
  certOk: boolean;
  certCn?: string;
  /** A truncate fault is armed for this request. */
  truncate: boolean;
  noContentType: boolean;
  /** The HTTP Date header to send; undefined sends none. */
  date?: string;
}

const BODY_LIMIT = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Requests to pxGrid are tiny; a huge one means a client bug, not a test of ours.
      if (size > BODY_LIMIT) req.destroy(new Error('request body too large'));
      else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON when it parses, the raw text otherwise (kept for the log), undefined when empty. */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The body as a JSON object; an absent body counts as `{}`, anything else is undefined. */
export function bodyObject(body: unknown): Record<string, unknown> | undefined {
  if (body === undefined) return {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return body as Record<string, unknown>;
  }
  return undefined;
}

export function basicAuth(header: string | undefined): { user: string; pass: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i < 0) return { user: text, pass: '' };
  return { user: text.slice(0, i), pass: text.slice(i + 1) };
}

export function peerCert(req: IncomingMessage): { certOk: boolean; certCn?: string } {
  const sock = req.socket as TLSSocket;
  if (!sock.authorized) return { certOk: false };
  const cert = sock.getPeerCertificate();
  const cn = cert.subject?.CN;
  return { certOk: Boolean(cert.raw), certCn: Array.isArray(cn) ? cn[0] : cn };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 alphanumerics, the shape of ISE's generated passwords and secrets. */
export function randomSecret(len = 16): string {
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

function headers(ctx: Ctx, extra: Record<string, string | number> = {}) {
  const h: Record<string, string | number> = { ...extra };
  if (!ctx.noContentType) h['Content-Type'] = 'application/json';
  // Node adds its own Date unless told not to: the fake sends the one of its clock (or none).
  ctx.res.sendDate = false;
  if (ctx.date !== undefined) h.Date = ctx.date;
  return h;
}

/** Sends a complete body; with a truncate fault only half of it, then kills the socket. */
export function send(ctx: Ctx, status: number, text = ''): void {
  const buf = Buffer.from(text, 'utf8');
  ctx.res.writeHead(status, headers(ctx, { 'Content-Length': buf.length }));
  if (!ctx.truncate) {
    ctx.res.end(buf);
    return;
  }
  // The declared Content-Length stays the full size, so the client must notice the gap.
  ctx.res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => ctx.req.socket.destroy());
}

export function sendJson(ctx: Ctx, status: number, value: unknown): void {
  send(ctx, status, JSON.stringify(value));
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    // 'close' too: a client that hangs up never lets the buffer drain.
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams chunks (chunked encoding) honouring backpressure; for very large bodies. `hang` leaves
 * the reply open after the last chunk (a server that stalls mid-body).
 */
export async function sendStream(
  ctx: Ctx,
  status: number,
  chunks: Iterable<string | Buffer>,
  hang = false,
): Promise<void> {
  if (ctx.truncate) {
    // Truncation needs a known length to be detectable, so render it whole (tests only).
    send(ctx, status, [...chunks].join(''));
    return;
  }
  ctx.res.writeHead(status, headers(ctx));
  for (const chunk of chunks) {
    if (ctx.res.destroyed) return;
    if (!ctx.res.write(chunk)) await drained(ctx.res);
  }
  if (!hang) ctx.res.end();
}
