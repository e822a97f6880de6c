import type { Config } from '../config/config';
import { secretValues } from '../config/keys';
import { loadAccount } from './credentials';

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
