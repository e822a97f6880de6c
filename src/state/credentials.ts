import { statSync } from 'node:fs';
import * as z from 'zod/mini';
import { errCode } from '../core/errcode';
import { stateError } from '../core/errors';
import { checkOf } from '../core/shape';
import { reserveFileAtomic } from './atomic';
import { readStateJson, stateFile } from './files';

/** The password ISE generated at AccountCreate. ISE never shows it again, so losing it means
 * the ISE admin must delete the client (AccountCreate,
 * https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer). Stored 0600 in STATE_DIR. */
export interface StoredAccount {
  nodeName: string;
  password: string;
}

const accountFile = checkOf(() =>
  z.object({ version: z.literal(1), nodeName: z.string(), password: z.string().check(z.minLength(1)) }),
);

const RESET =
  'delete it, then have the ISE admin delete the pxGrid client (Administration > pxGrid Services) and run setup again';

/** Room reserved for the account file: ISE's generated passwords are far shorter than this. */
const PASSWORD_ROOM = 1024;

const serialize = (account: StoredAccount) => `${JSON.stringify({ version: 1, ...account })}\n`;

export function loadAccount(stateDir: string, nodeName: string): StoredAccount | undefined {
  const stored = readAccountFile(stateFile.credentials(stateDir));
  // ISE node names are case-insensitive ("Authentication",
  // https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer).
  if (!stored || stored.nodeName.toLowerCase() !== nodeName.toLowerCase()) return undefined;
  return { nodeName: stored.nodeName, password: stored.password };
}

/**
 * The account file as last read, and the file's identity then. A run needs it two or three times
 * (the secrets to redact, then the pxGrid credentials): it is read once, and again only once the
 * file changed (another inode, size or mtime: every write of ours renames a new file into place).
 * Errors are never kept: a missing, unreadable or corrupt file is reported on every call, as before.
 */
let cached: { file: string; stamp: string; value: AccountFile } | undefined;
type AccountFile = ReturnType<typeof accountFile>;

function readAccountFile(file: string): AccountFile {
  const stamp = fileStamp(file);
  if (stamp && cached?.file === file && cached.stamp === stamp) return cached.value;
  cached = undefined;
  const value = readStateJson(file, accountFile, RESET);
  if (stamp) cached = { file, stamp, value };
  return value;
}

/** The file's identity, or undefined when stat fails (readStateJson then reports why, if it must). */
function fileStamp(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true, throwIfNoEntry: false });
    return s && `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * Before AccountCreate: sets aside room for the account file, so the password ISE shows once is
 * never lost to a full or read-only STATE_DIR. Fails with the fix, before anything is asked of ISE.
 */
export function reserveAccount(stateDir: string, nodeName: string) {
  const file = stateFile.credentials(stateDir);
  let room: ReturnType<typeof reserveFileAtomic>;
  try {
    room = reserveFileAtomic(file, Buffer.byteLength(serialize({ nodeName, password: 'x'.repeat(PASSWORD_ROOM) })));
  } catch (err) {
    const code = errCode(err, 'error');
    const full = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
    throw stateError(
      full
        ? `STATE_DIR ${stateDir} has no room for the pxGrid account file (${code}): free space on the flash ` +
            `(IOS: dir bootflash:) and run again; nothing was asked of ISE yet`
        : `STATE_DIR ${stateDir} is not writable (${code}): point STATE_DIR at a directory created from inside ` +
            `Guestshell, e.g. under /bootflash/guest-share; nothing was asked of ISE yet`,
    );
  }
  return {
    save: (account: StoredAccount) => {
      cached = undefined;
      try {
        room.commit(serialize(account));
      } catch (err) {
        room.abandon();
        // The file is not there, and the password ISE showed once is gone with this process.
        throw stateError(
          `cannot write ${file} (${errCode(err, 'error')}) although room was reserved, ` +
            'so the password ISE generated for this client is lost: check the flash (IOS: dir bootflash:), then ' +
            `have the ISE admin delete the pxGrid client ${account.nodeName} (Administration > pxGrid Services) ` +
            'and run setup again',
        );
      }
    },
    abandon: () => room.abandon(),
  };
}
