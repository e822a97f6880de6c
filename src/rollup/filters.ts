import type { Filters } from '../config/config';
import { reasonCode } from '../pxgrid/reason';
import type { FailureRecord } from '../pxgrid/schemas';

/** The variable whose rule dropped a record; the mail footer counts by it. */
export type FilterName = 'EXCLUDE_REASONS' | 'INCLUDE_REASONS' | 'EXCLUDE_USERS' | 'EXCLUDE_NAS';

/** Returns the filter that drops this record, or undefined when the record is mailed. */
export type RecordFilter = (record: FailureRecord) => FilterName | undefined;

export const NO_FILTERS: Filters = { excludeReasons: [], includeReasons: [], excludeUsers: [], excludeNas: [] };

/**
 * A case-insensitive glob matcher where only `*` and `?` are special. Greedy match that remembers
 * the last `*` only: O(name x glob) whatever the input, where a regular expression such as
 * /^.*a.*a.*a.*b$/ backtracks exponentially on hostile names.
 * See: https://research.swtch.com/glob
 */
export function globMatcher(glob: string): (text: string) => boolean {
  const p = Array.from(glob.toLowerCase());
  return (text) => {
    const s = Array.from(text.toLowerCase());
    let i = 0;
    let j = 0;
    let star = -1; // position in p just after the last `*` seen
    let resume = 0; // position in s where that `*` resumes matching
    while (i < s.length) {
      if (j < p.length && (p[j] === '?' || (p[j] !== '*' && p[j] === s[i]))) {
        i++;
        j++;
      } else if (j < p.length && p[j] === '*') {
        star = ++j;
        resume = i;
      } else if (star >= 0) {
        j = star;
        i = ++resume;
      } else return false;
    }
    while (p[j] === '*') j++;
    return j === p.length;
  };
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '');

export function compileFilters(f: Filters): RecordFilter {
  const excludeReasons = new Set(f.excludeReasons);
  const includeReasons = new Set(f.includeReasons);
  const users = f.excludeUsers.map(globMatcher);
  const nas = new Set(f.excludeNas.map((n) => n.toLowerCase()));
  // No rule set (the usual case): no per-record work at all.
  if (excludeReasons.size + includeReasons.size + users.length + nas.size === 0) return () => undefined;
  return (r) => {
    const code = reasonCode(typeof r.failureReason === 'string' ? r.failureReason : '');
    if (code !== undefined && excludeReasons.has(code)) return 'EXCLUDE_REASONS';
    if (includeReasons.size > 0 && (code === undefined || !includeReasons.has(code))) return 'INCLUDE_REASONS';
    if (users.length > 0) {
      const user = typeof r.userName === 'string' ? r.userName : '';
      if (users.some((match) => match(user))) return 'EXCLUDE_USERS';
    }
    if (nas.size > 0 && [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => nas.has(str(v))))
      return 'EXCLUDE_NAS';
    return undefined;
  };
}

/** Footer lines such as `120 more matched EXCLUDE_USERS`, in a stable order. */
export function filterNotes(counts: ReadonlyMap<FilterName, number>, more = true): string[] {
  const order: FilterName[] = ['EXCLUDE_REASONS', 'INCLUDE_REASONS', 'EXCLUDE_USERS', 'EXCLUDE_NAS'];
  // "more": beside the failures a mail shows; a summary line of a run that mailed none says just the count.
  const n = (name: FilterName) => `${counts.get(name)}${more ? ' more' : ''}`;
  return order.flatMap((name) => {
    if ((counts.get(name) ?? 0) === 0) return [];
    return [name === 'INCLUDE_REASONS' ? `${n(name)} did not match INCLUDE_REASONS` : `${n(name)} matched ${name}`];
  });
}
