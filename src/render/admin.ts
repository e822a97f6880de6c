import type { DetailRow } from '../rollup/rollup-state';

/**
 * Administrators' logins to the devices themselves (a firewall's REST API with external RADIUS
 * users, a fabric controller's login domain, a switch's VTY), grouped per device: they are their
 * own story, not network-access background. Built from the mail's detail rows (view.ts `admin`).
 */
export interface AdminRow {
  device: string;
  ip: string;
  location: string;
  /** Failed logins (records) and the attempts ISE counted. */
  count: number;
  attempts: number;
  /** Accounts and source addresses tried, sorted; at most MAX_NAMES of each. */
  accounts: string[];
  accountsMore: number;
  sources: string[];
  sourcesMore: number;
  reasons: string[];
  last: number | undefined;
}

/** `admin, root (+2)`: a few names and how many more. */
export const namesText = (names: string[], more: number): string =>
  `${names.join(', ') || '?'}${more > 0 ? ` (+${more})` : ''}`;

export const ADMIN_TITLE = 'Administrator logins (failed logins to the devices themselves)';

const MAX_NAMES = 5;
const MAX_DEVICES = 20;

export function adminLogins(details: readonly DetailRow[]): { rows: AdminRow[]; more: number } {
  const by = new Map<string, { row: DetailRow[] }>();
  for (const r of details) {
    if (!r.admin) continue;
    const key = `${r.nasName}\u0000${r.nasIp}`;
    const g = by.get(key) ?? { row: [] };
    g.row.push(r);
    by.set(key, g);
  }
  const rows = [...by.values()].map(({ row }) => summarise(row));
  rows.sort((a, b) => b.count - a.count || (a.device < b.device ? -1 : 1));
  return { rows: rows.slice(0, MAX_DEVICES), more: Math.max(0, rows.length - MAX_DEVICES) };
}

function summarise(rows: DetailRow[]): AdminRow {
  const first = rows[0]!;
  const names = (pick: (r: DetailRow) => string) => [...new Set(rows.map(pick).filter(Boolean))].sort();
  const accounts = names((r) => r.user);
  const sources = names((r) => r.endpoint);
  let last: number | undefined;
  for (const r of rows) if (r.last !== undefined && (last === undefined || r.last > last)) last = r.last;
  return {
    device: first.nasName,
    ip: first.nasIp,
    location: first.location,
    count: rows.reduce((n, r) => n + r.count, 0),
    attempts: rows.reduce((n, r) => n + r.attempts, 0),
    accounts: accounts.slice(0, MAX_NAMES),
    accountsMore: Math.max(0, accounts.length - MAX_NAMES),
    sources: sources.slice(0, MAX_NAMES),
    sourcesMore: Math.max(0, sources.length - MAX_NAMES),
    reasons: names((r) => r.reason).slice(0, 3),
    last,
  };
}
