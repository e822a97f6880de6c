import * as z from 'zod';
import { writeFileAtomic } from './atomic';
import { readStateJson, stateFile } from './files';

/** The password ISE generated at AccountCreate. ISE never shows it again, so losing it means
 * the ISE admin must delete the client (AccountCreate, https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer). Stored 0600 in STATE_DIR. */
export interface StoredAccount {
  nodeName: string;
  password: string;
}

const schema = z.object({ version: z.literal(1), nodeName: z.string(), password: z.string().min(1) });

const RESET =
  'delete it, then have the ISE admin delete the pxGrid client (Administration > pxGrid Services) and run setup again';

export function loadAccount(stateDir: string, nodeName: string): StoredAccount | undefined {
  const stored = readStateJson(stateFile.credentials(stateDir), schema, RESET);
  // ISE node names are case-insensitive ("Authentication", https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer).
  if (!stored || stored.nodeName.toLowerCase() !== nodeName.toLowerCase()) return undefined;
  return { nodeName: stored.nodeName, password: stored.password };
}

export function saveAccount(stateDir: string, account: StoredAccount): void {
  writeFileAtomic(stateFile.credentials(stateDir), `${JSON.stringify({ version: 1, ...account })}\n`, 0o600);
}
