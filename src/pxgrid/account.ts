import type { Config } from '../config/config';
import { AppError } from '../core/errors';
import { mustFinish } from '../core/interrupt';
import { loadAccount, reserveAccount } from '../state/credentials';
import { stateFile } from '../state/files';
import { accountActivate, accountCreate, type PxControl } from './control';
import type { BasicAuth } from './http';

/**
 * The pxGrid client account every command needs first: its credentials (stored, created, or a
 * certificate's), AccountActivate, and what its state asks of the ISE admin.
 */
export interface SessionOptions {
  stateDir: string;
  /** Sent with AccountActivate; ISE shows it to the admin next to the client (tool + version). */
  description: string;
}

export interface Credentials {
  auth: BasicAuth;
  /** The password file, for password accounts; undefined for certificate accounts. */
  file?: string;
  /** AccountCreate ran just now (this call made the client on ISE). */
  created: boolean;
}

const CLIENTS = 'Administration > pxGrid Services > Client Management > Clients';

/** The account steps every command shares: credentials, then AccountActivate. */
export async function activate(
  cfg: Config,
  control: PxControl,
  opts: SessionOptions,
): Promise<Credentials & { state: string }> {
  const creds = await credentials(cfg, control, opts.stateDir);
  const res = await accountActivate(control, creds.auth, opts.description, creds.file);
  return { ...creds, state: res.accountState.toUpperCase() };
}

/** PENDING/DISABLED/other as exit 3 with the admin's next step; undefined when ENABLED. */
export function accountStateError(nodeName: string, state: string, again = 'run again'): AppError | undefined {
  if (state === 'ENABLED') return undefined;
  if (state === 'PENDING') {
    return new AppError(
      'account-pending',
      `pxGrid client ${nodeName} is PENDING approval: an ISE admin must approve it under ${CLIENTS} (ISE 2.x: ` +
        `All Clients), then ${again}`,
    );
  }
  if (state === 'DISABLED') {
    return new AppError(
      'account-disabled',
      `pxGrid client ${nodeName} is DISABLED on ISE: an ISE admin must enable it under ${CLIENTS} (ISE 2.x: All ` +
        `Clients), then ${again}`,
    );
  }
  return new AppError(
    'account',
    `pxGrid client ${nodeName} is in state ${state}, not ENABLED: check it under ${CLIENTS}, then ${again}`,
  );
}

/**
 * Certificate accounts authenticate with the TLS client certificate and an empty password and
 * never call AccountCreate. Password accounts use the stored password, or create the client.
 */
export async function credentials(cfg: Config, control: PxControl | undefined, stateDir: string): Promise<Credentials> {
  const nodeName = cfg.ise.nodeName;
  if (cfg.ise.cert) return { auth: { user: nodeName, pass: '' }, created: false };
  const file = stateFile.credentials(stateDir);
  const stored = loadAccount(stateDir, nodeName);
  if (stored) return { auth: { user: stored.nodeName, pass: stored.password }, file, created: false };
  if (!control) throw new AppError('account', `no pxGrid account yet (${file} is missing): run setup`);
  const room = reserveAccount(stateDir, nodeName);
  const create = async () => {
    try {
      const made = await accountCreate(control, nodeName);
      // Saved at once, into the room reserved above: ISE never shows this password again.
      room.save({ nodeName, password: made.password });
      return made;
    } catch (err) {
      room.abandon();
      throw err;
    }
  };
  const made = await mustFinish(create());
  return { auth: { user: nodeName, pass: made.password }, file, created: true };
}
