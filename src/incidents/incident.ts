import type { RuleName } from '../config/incidents';
import { GUESSING, storeDown } from './codes';
import type { FailureEvent } from './event';

/**
 * An incident: something a rule found that the team must see now, tracked from the mail that
 * opens it to the mail that says it is resolved. Its scope decides which failures belong to it.
 */
export type Scope = 'nas' | 'reason' | 'subject' | 'all' | 'source' | 'store' | 'admin';
export const SCOPES = ['nas', 'reason', 'subject', 'all', 'source', 'store', 'admin'] as const satisfies Scope[];

export interface Incident {
  /**
   * Stable key: `nas:<nas>:<code>`, `reason:<code>`, `subject:<user>`, `all:<rule>`, `source:<endpoint>`
   * or `source:<nas> <port>` (guessing), `store:ad`, `admin:nas:<nas>` or `admin:user:<user>`.
   */
  id: string;
  rule: RuleName;
  scope: Scope;
  nas?: string;
  code?: string;
  subject?: string;
  /** Guessing: the endpoint, or the wired port (`GigabitEthernet1/0/7`) on `nas`, it comes from. */
  endpoint?: string;
  port?: string;
  /**
   * The only codes it holds: a lockout its user's password and lockout codes (absent: all); a
   * network-wide incident the codes of one likely cause (absent: its `code`).
   */
  codes?: string[];
  /** A full reason text, for the hint and the mail. */
  reason?: string;
  /** What to do, when the rule knows better than the reason's own hint. */
  hint?: string;
  /** Short headline: what and where (`sw-access-b2: 12 users failing 11036`). */
  title: string;
  /** Lines of evidence, written when it opened. */
  evidence: string[];
  /** Affected users and endpoints when it opened: a sample and the distinct count. */
  users: string[];
  usersCount: string;
  endpoints: string[];
  endpointsCount: string;
  /** Time of the first and of the latest matching failure. */
  since: number;
  last: number;
  /** Closes when a run at or after this time saw no matching failure. */
  quietUntil: number;
  openedAt: number;
  /** Weighted failures (TotalFailedAttempts counted) since it opened. */
  failures: number;
  /** How many of them a delivered mail has reported (the rest are ONGOING in the next mail). */
  reported: number;
  /** The mail that opens it was accepted (or it is silent). */
  mailed: boolean;
  /** Opened while the rules were still learning: kept, never mailed. */
  silent: boolean;
}

/** What the next mail must say about incidents. */
export interface Verdict {
  /** To mail now: opened in this run, or opened earlier by a run whose mail did not go out. */
  opened: Incident[];
  /** Open incidents with failures no mail has reported yet, and how many (weighted). */
  ongoing: Array<{ incident: Incident; failures: number }>;
  /** Closed incidents the next mail reports (this run's and any not yet mailed). */
  resolved: Resolved[];
}

/** What the next mail says about an incident that closed. */
export interface Resolved {
  id: string;
  title: string;
  since: number;
  last: number;
  failures: number;
  /** It closed before its opening mail could go out. */
  unmailed: boolean;
}

export type Match = Pick<Incident, 'scope' | 'nas' | 'code' | 'subject' | 'endpoint' | 'port' | 'codes'>;

export function matches(i: Match, e: FailureEvent): boolean {
  if (e.admin) return i.scope === 'all' || (i.scope === 'admin' && (e.nas === i.nas || e.subject === i.subject));
  switch (i.scope) {
    case 'nas':
      return e.nas === i.nas && e.code === i.code;
    case 'reason':
      return i.codes ? i.codes.includes(e.code) : e.code === i.code;
    case 'subject':
      return e.subject === i.subject && (i.codes === undefined || i.codes.includes(e.code));
    case 'source':
      return (
        e.subject !== e.endpoint &&
        GUESSING.has(e.code) &&
        (i.port ? e.nas === i.nas && e.port === i.port : e.endpoint === i.endpoint)
      );
    case 'store':
      return storeDown(e);
    case 'admin':
      return false;
    case 'all':
      return true;
  }
}

/** Order in a mail and in its subject: the widest first. */
const RANK: Record<RuleName, number> = {
  storm: 0,
  'identity-store': 1,
  guessing: 2,
  'admin-login': 3,
  'nas-wide': 4,
  spike: 5,
  'new-reason': 6,
  lockout: 7,
};
export const byRank = (a: Incident, b: Incident) =>
  RANK[a.rule] - RANK[b.rule] || b.failures - a.failures || (a.id < b.id ? -1 : 1);
