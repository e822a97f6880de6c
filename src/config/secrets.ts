import { loadAccount } from '../state/credentials';
import type { Config } from './config';
import { secretValues } from './keys';

/**
 * Every secret this run knows: MAIL_PASS, the key passphrase, and the stored pxGrid password.
 * Output and stored messages are scrubbed of them, a last line of defence behind messages that
 * are secret-free by construction.
 */
export function secretsOf(cfg: Config): string[] {
  let stored: string | undefined;
  try {
    stored = loadAccount(cfg.stateDir, cfg.ise.nodeName)?.password;
  } catch {
    /* a corrupt account file is reported by the command that needs it */
  }
  return [...secretValues(cfg.raw), stored].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((acc, s) => acc.split(s).join('***'), text);
}
