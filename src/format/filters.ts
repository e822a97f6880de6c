import type { Filters } from '../config/config';
import type { FailureRecord } from '../pxgrid/schemas';
import { reasonCode } from './hints';

/** The variable whose rule dropped a record; the mail footer counts by it. */
export type FilterName = 'EXCLUDE_REASONS' | 'INCLUDE_REASONS' | 'EXCLUDE_USERS' | 'EXCLUDE_NAS';

/** Returns the filter that drops this record, or undefined when the record is mailed. */
export type RecordFilter = (record: FailureRecord) => FilterName | undefined;

export const NO_FILTERS: Filters = { excludeReasons: [], includeReasons: [], excludeUsers: [], excludeNas: [] };

/** `host/*` -> /^host\/.*$/i: only `*` and `?` are special, everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '');

export function compileFilters(f: Filters): RecordFilter {
  const excludeReasons = new Set(f.excludeReasons);
  const includeReasons = new Set(f.includeReasons);
  const users = f.excludeUsers.map(globToRegExp);
  const nas = new Set(f.excludeNas.map((n) => n.toLowerCase()));
  return (r) => {
    const code = reasonCode(typeof r.failureReason === 'string' ? r.failureReason : '');
    if (code !== undefined && excludeReasons.has(code)) return 'EXCLUDE_REASONS';
    if (includeReasons.size > 0 && (code === undefined || !includeReasons.has(code))) return 'INCLUDE_REASONS';
    if (users.length > 0) {
      const user = typeof r.userName === 'string' ? r.userName : '';
      if (users.some((re) => re.test(user))) return 'EXCLUDE_USERS';
    }
    if (nas.size > 0 && [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => nas.has(str(v))))
      return 'EXCLUDE_NAS';
    return undefined;
  };
}

/** Footer lines such as `120 more matched EXCLUDE_USERS`, in a stable order. */
export function filterNotes(counts: ReadonlyMap<FilterName, number>): string[] {
  const order: FilterName[] = ['EXCLUDE_REASONS', 'INCLUDE_REASONS', 'EXCLUDE_USERS', 'EXCLUDE_NAS'];
  return order.flatMap((name) => {
    const n = counts.get(name) ?? 0;
    if (n === 0) return [];
    return [name === 'INCLUDE_REASONS' ? `${n} more did not match INCLUDE_REASONS` : `${n} more matched ${name}`];
  });
}
