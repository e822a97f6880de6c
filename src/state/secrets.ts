import type { Config } from '../config/config';
import { secretValues } from '../config/keys';
import { encodings } from '../core/redact';
import { loadAccount, type StoredAccount } from './credentials';

/**
 * The credentials as they travel on the wire, and as a server may quote them back in an error
 * reply (base64 padded or not, hex: core/redact.ts encodings). SMTP AUTH PLAIN sends
 * `\0user\0pass` (nodemailer leaves the authorization identity empty; some clients repeat the user
 * there), AUTH LOGIN the password alone (https://datatracker.ietf.org/doc/html/rfc4616), HTTP Basic
 * `user:pass` (RFC 7617).
 */
function wireForms(cfg: Config, stored: StoredAccount | undefined): string[] {
  const { user, pass } = cfg.smtp;
  const raw: string[] = [];
  if (pass) raw.push(...(user ? [`\0${user}\0${pass}`, `${user}\0${user}\0${pass}`] : []), pass);
  if (stored) raw.push(`${stored.nodeName}:${stored.password}`);
  return raw.flatMap(encodings);
}

/**
 * Every secret this run knows: MAIL_PASS, the key passphrase, the stored pxGrid password, and
 * their wire forms. Output and stored messages are scrubbed of them, a last line of defence
 * behind messages that are secret-free by construction.
 */
export function secretsOf(cfg: Config): string[] {
  let stored: StoredAccount | undefined;
  try {
    stored = loadAccount(cfg.stateDir, cfg.ise.nodeName);
  } catch {
    /* a corrupt account file is reported by the command that needs it */
  }
  return [...secretValues(cfg.raw), stored?.password, ...wireForms(cfg, stored)].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}
