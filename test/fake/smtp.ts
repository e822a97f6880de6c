// Fake SMTP relay on 127.0.0.1 built on smtp-server; every accepted message is parsed
// with mailparser so tests can assert on headers, text and attachments.

import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { sharedPki, type TestPki } from './pki';

export interface SmtpReply {
  code: number;
  message: string;
}

export interface FakeSmtpOptions {
  pki?: TestPki;
  /** Implicit TLS (port-465 style) with the PKI's server cert. */
  secure?: boolean;
  /** Offer STARTTLS; off by default so plain clients are not pushed into TLS. */
  starttls?: boolean;
  /** When set, AUTH is required and wrong credentials get 535. */
  auth?: { user: string; pass: string };
  /** AUTH methods offered (smtp-server's default: PLAIN and LOGIN). */
  authMethods?: string[];
  /**
   * The 535 reply quotes the credentials as the client sent them, as some servers do: base64 (true),
   * base64 without its `=` padding, or hex.
   */
  echoAuth?: boolean | 'unpadded' | 'hex';
  /** Advertised SIZE limit; bigger messages are refused with 552. */
  size?: number;
  rejectRcpt?: SmtpReply;
  /** With rejectRcpt: refuse only these addresses (default: every recipient). */
  rejectOnly?: string[];
  /** With rejectRcpt: refuse only the first N times (greylisting lifted later); default: always. */
  rejectRcptTimes?: number;
  rejectData?: SmtpReply;
  /**
   * A content filter after DATA, as a mail gateway's: refuses (default 554 5.7.1) a message whose
   * subject, text, HTML or (gunzipped) attachment contains `marker`. `refused` counts the refusals.
   */
  refuseContaining?: { marker: string; reply?: SmtpReply; refused?: number };
  /** Awaited before each RCPT TO is answered: lets a test act (kill the client) mid-transaction. */
  beforeRcpt?: () => Promise<void>;
  /** Awaited once the whole message arrived, before the 250 after the final dot: a slow relay. */
  beforeDataReply?: () => Promise<void>;
  /**
   * Drop the connection without a reply in the next `times` transactions (default 1): `data` at the
   * first chunk of the message, `after-dot` once the whole message arrived (the server may have
   * queued it; the client cannot know).
   */
  drop?: { at: 'data' | 'after-dot'; times?: number };
}

export interface ReceivedMessage {
  envelope: SMTPServerSession['envelope'];
  /** Authenticated user of the session, if any. */
  user?: string;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface FakeSmtp {
  port: number;
  messages: ReceivedMessage[];
  /** Answer the next `n` MAIL FROM commands with a transient error (default 451). */
  failNext(n: number, code?: number, message?: string): void;
  waitForMessages(n: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

function replyError(r: SmtpReply): Error {
  return Object.assign(new Error(r.message), { responseCode: r.code });
}

function collect(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => parts.push(c));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

interface State {
  opts: FakeSmtpOptions;
  /** Client sockets, to drop one as a relay dying mid-transaction would. */
  sockets: Set<Socket>;
  dropsLeft: number;
  messages: ReceivedMessage[];
  failures: { left: number; reply: SmtpReply };
  waiters: Set<() => void>;
}

async function receive(st: State, stream: SMTPServerDataStream, session: SMTPServerSession) {
  const raw = await collect(stream);
  if (stream.sizeExceeded) {
    throw replyError({ code: 552, message: 'Error: message exceeds fixed maximum message size' });
  }
  if (st.opts.rejectData) throw replyError(st.opts.rejectData);
  const parsed = await simpleParser(raw);
  const filter = st.opts.refuseContaining;
  if (filter && contentOf(parsed).includes(filter.marker)) {
    filter.refused = (filter.refused ?? 0) + 1;
    throw replyError(filter.reply ?? { code: 554, message: '5.7.1 message content rejected' });
  }
  await st.opts.beforeDataReply?.();
  const user = typeof session.user === 'string' ? session.user : undefined;
  st.messages.push({ envelope: structuredClone(session.envelope), user, raw, parsed });
  st.waiters.forEach((w) => w());
}

/** Everything a content filter reads: subject, text and HTML parts, attachments (gunzipped). */
function contentOf(parsed: ParsedMail): string {
  const parts = [parsed.subject ?? '', parsed.text ?? '', typeof parsed.html === 'string' ? parsed.html : ''];
  for (const a of parsed.attachments) {
    const gz = a.content[0] === 0x1f && a.content[1] === 0x8b;
    parts.push((gz ? gunzipSync(a.content) : a.content).toString('utf8'));
  }
  return parts.join('\n');
}

/** Closes the client's connection mid-DATA or after the final dot, never answering. */
function dropDuring(st: State, stream: SMTPServerDataStream, session: SMTPServerSession, at: 'data' | 'after-dot') {
  const hangUp = () => {
    for (const s of st.sockets) if (s.remotePort === session.remotePort) s.destroy();
  };
  stream.on('error', () => undefined);
  if (at === 'data') stream.once('data', hangUp);
  else collect(stream).then(hangUp, hangUp);
}

/** What a careless server quotes back: the AUTH PLAIN argument, or the last AUTH LOGIN line. */
function echo(
  opts: FakeSmtpOptions,
  auth: { method: string; username?: string | null; password?: string | null },
): string {
  if (!opts.echoAuth) return '';
  const sent = auth.method === 'PLAIN' ? `\0${auth.username}\0${auth.password}` : (auth.password ?? '');
  const forms = {
    true: () => Buffer.from(sent).toString('base64'),
    unpadded: () => Buffer.from(sent).toString('base64').replace(/=+$/, ''),
    hex: () => Buffer.from(sent).toString('hex'),
  };
  return ` (got ${forms[String(opts.echoAuth) as keyof typeof forms]()})`;
}

function handlers(st: State): Partial<SMTPServerOptions> {
  const { opts } = st;
  return {
    onAuth(auth, _session, cb) {
      const ok = opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass;
      if (!ok) return cb(replyError({ code: 535, message: `Authentication credentials invalid${echo(opts, auth)}` }));
      cb(null, { user: auth.username });
    },
    onMailFrom(_address, _session, cb) {
      if (st.failures.left <= 0) return cb();
      st.failures.left -= 1;
      cb(replyError(st.failures.reply));
    },
    onRcptTo(address, _session, cb) {
      let refused = opts.rejectRcpt && (!opts.rejectOnly || opts.rejectOnly.includes(address.address));
      if (refused && opts.rejectRcptTimes !== undefined) refused = opts.rejectRcptTimes-- > 0;
      const answer = () => cb(refused && opts.rejectRcpt ? replyError(opts.rejectRcpt) : null);
      if (opts.beforeRcpt) opts.beforeRcpt().then(answer, answer);
      else answer();
    },
    onData(stream, session, cb) {
      if (st.opts.drop && st.dropsLeft > 0) {
        st.dropsLeft -= 1;
        return dropDuring(st, stream, session, st.opts.drop.at);
      }
      receive(st, stream, session).then(
        () => cb(),
        (err: Error) => cb(err),
      );
    },
  };
}

function serverOptions(st: State): SMTPServerOptions {
  const { opts } = st;
  const pki = opts.pki ?? sharedPki();
  const disabled = [...(opts.starttls ? [] : ['STARTTLS']), ...(opts.auth ? [] : ['AUTH'])];
  return {
    secure: opts.secure === true,
    key: pki.serverKeyPem,
    cert: pki.serverCertPem,
    disabledCommands: disabled,
    authOptional: !opts.auth,
    ...(opts.authMethods ? { authMethods: opts.authMethods } : {}),
    // Lets tests exercise AUTH over plain TCP; real relays would insist on TLS first.
    allowInsecureAuth: true,
    size: opts.size,
    logger: false,
    // smtp-server looks up the client's reverse DNS on every connection; on loopback that only costs time.
    disableReverseLookup: true,
    // close() must not wait the default 30 s for idle client connections.
    closeTimeout: 100,
    ...handlers(st),
  };
}

interface Connection {
  init(): void;
  connectionReady(): void;
  _setListeners(ready: () => void): void;
}

/**
 * smtp-server holds every greeting back 100 ms to catch clients that talk first (`init()` in
 * node_modules/smtp-server/dist/cjs/smtp-connection.js). No test here is about early talkers, and
 * the wait added 100 ms to every mail of the suite, hundreds of them: greet at once, as the
 * bench's sink does (scripts/bench-peer.mjs). Uses smtp-server's private `_setListeners`; the
 * version is pinned in package.json, and every mail test fails if the patch stops greeting.
 */
function greetAtOnce(server: SMTPServer): void {
  const connections = (server as unknown as { connections: Set<Connection> }).connections;
  const add = connections.add.bind(connections);
  connections.add = (c: Connection) => {
    c.init = () => c._setListeners(() => c.connectionReady());
    return add(c);
  };
}

function waitFor(st: State, n: number, timeoutMs: number): Promise<ReceivedMessage[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (st.messages.length < n) return;
      cleanup();
      resolve(st.messages.slice());
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`fake SMTP: expected ${n} message(s), got ${st.messages.length} in ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      st.waiters.delete(check);
    };
    st.waiters.add(check);
    check();
  });
}

export async function startSmtp(opts: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const st: State = {
    opts,
    messages: [],
    waiters: new Set(),
    failures: { left: 0, reply: { code: 451, message: '' } },
    sockets: new Set(),
    dropsLeft: opts.drop ? (opts.drop.times ?? 1) : 0,
  };
  const server = new SMTPServer(serverOptions(st));
  greetAtOnce(server);
  // Without a listener an 'error' event (e.g. a client resetting) would crash the test run.
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    st.sockets.add(socket);
    socket.once('close', () => st.sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages: st.messages,
    failNext(n, code = 451, message = 'Requested action aborted: local error in processing') {
      st.failures = { left: n, reply: { code, message } };
    },
    waitForMessages: (n, timeoutMs = 5000) => waitFor(st, n, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        try {
          server.close(() => resolve());
        } catch {
          resolve(); // already closed: closing twice must not fail a test's cleanup
        }
      }),
  };
}
