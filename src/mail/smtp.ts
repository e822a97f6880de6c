import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/**
 * One SMTP session with nodemailer's protocol engine (SMTPConnection, https://nodemailer.com/extras/smtp-connection/),
 * driven the way nodemailer's own SMTP transport drives it: connect (implicit TLS or STARTTLS as
 * configured), AUTH only when the server offers it, send, close. Only the engine is loaded: the
 * rest of nodemailer (its composer, other transports, service tables) was most of dist/run.js.
 */
export interface SmtpAuth {
  user: string;
  pass: string;
}

async function open(options: SMTPConnection.Options): Promise<SMTPConnection> {
  const { default: SMTPConnectionClass } = await import('nodemailer/lib/smtp-connection');
  return new SMTPConnectionClass(options);
}

/**
 * Runs `step` on a connected session, authenticated when the server offers AUTH (`authed` says
 * whether it did). Settles once: the first error (socket, protocol, timeout) or an unexpected close
 * rejects; the connection is always closed.
 */
async function session<T>(
  options: SMTPConnection.Options,
  auth: SmtpAuth | undefined,
  step: (c: SMTPConnection, done: (err: unknown, value?: T) => void, authed: boolean) => void,
): Promise<T> {
  const connection = await open(options);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (err: unknown, value?: T) => {
      if (settled) return;
      settled = true;
      connection.close();
      if (err) reject(err);
      else resolve(value as T);
    };
    connection.once('error', (err) => done(err));
    connection.once('end', () => {
      // As nodemailer's transport: give a pending callback a moment, then call it an unexpected close.
      const timer = setTimeout(() => {
        const err = Object.assign(new Error('Unexpected socket close'), {
          code: (connection as unknown as { _socket?: { upgrading?: boolean } })._socket?.upgrading
            ? 'ETLS'
            : undefined,
        });
        done(err);
      }, 1000);
      timer.unref();
    });
    connection.connect(() => {
      if (settled) return;
      // No Nagle delay: the message and the terminating dot are separate small writes, and the
      // second one waited for the server's delayed ACK (~40 ms per mail on Linux, measured).
      (connection as unknown as { _socket?: Socket })._socket?.setNoDelay(true);
      // nodemailer's credentials shape: an empty password fails locally as "Missing credentials".
      const login = auth && { type: 'LOGIN', user: auth.user, credentials: { user: auth.user, pass: auth.pass } };
      // allowsAuth: the server offered AUTH (untyped in @types/nodemailer).
      if (!login || !(connection as unknown as { allowsAuth: boolean }).allowsAuth)
        return step(connection, done, false);
      connection.login(login as SMTPConnection.AuthenticationCredentials, (err) => {
        if (err) done(err);
        else step(connection, done, true);
      });
    });
  });
}

/** Sends one message; resolves with the server's answer once it accepted it (250 after DATA). */
export function smtpSend(
  options: SMTPConnection.Options,
  auth: SmtpAuth | undefined,
  envelope: SMTPConnection.Envelope & { size?: number },
  message: Readable,
): Promise<SMTPConnection.SentMessageInfo> {
  return session(options, auth, (c, done) => c.send(envelope, message, (err, info) => done(err, info)));
}

/**
 * Connects, negotiates TLS and AUTH as a send would, then says goodbye: doctor's SMTP check.
 * Resolves with whether AUTH took place (a server that offers none is sent to without it).
 */
export function smtpVerify(options: SMTPConnection.Options, auth: SmtpAuth | undefined): Promise<boolean> {
  return session<boolean>(options, auth, (c, done, authed) => {
    c.quit();
    done(undefined, authed);
  });
}
