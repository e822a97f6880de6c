import type { IncidentSettings, RuleName } from '../config/incidents';
import type { Dict } from '../core/dict';
import { plural } from '../core/plural';
import type { Baseline } from './baseline';
import { STORE_DOWN, USER_LEVEL } from './codes';
import type { Scope } from './incident';
import { splitNasKey, type Windows } from './rolling-window';
import type { RunTally, Tally } from './tally';
import { about, codeWithCause, manyUsersHint, mins, nasWideThreshold, siteOf, who } from './words';

/** What one rule found in this run, before it is merged with the others and with open incidents. */
export interface Candidate {
  rule: RuleName;
  scope: Scope;
  nas?: string;
  code?: string;
  subject?: string;
  endpoint?: string;
  port?: string;
  codes?: string[];
  title: string;
  evidence: string[];
  hint?: string;
  tally: Tally | undefined;
}

export interface RuleInput {
  now: number;
  /** Time since the previous run; undefined on the first. */
  intervalMs: number | undefined;
  settings: IncidentSettings;
  run: RunTally;
  windows: Windows;
  baseline: Baseline;
  /** Reason code -> when last seen, before this run. */
  reasons: Readonly<Dict<number>>;
  /** The learning period is over: new-reason may speak. */
  learned: boolean;
  /** Per reason (and '' for all), this run's failures that already belong to an open incident. */
  claimed: Map<string, number>;
}

/** The key of `RuleInput.claimed` that counts every reason together. */
export const ALL_REASONS = '\u0000all';

export function nasWide(x: RuleInput): Candidate[] {
  const { min, factor, windowMs } = x.settings.nasWide;
  const out: Candidate[] = [];
  for (const [key, tally] of x.run.byNasCode) {
    const [nas, code] = splitNasKey(key);
    const n = x.windows.distinct(key);
    const usual = x.baseline.nasLevel(nas) * x.baseline.busyness(x.now);
    if (n < nasWideThreshold(min, factor, usual)) continue;
    out.push({
      rule: 'nas-wide',
      scope: 'nas',
      nas,
      code,
      tally,
      hint: manyUsersHint(code),
      title:
        `${nas}${siteOf(tally)}: ${n} ${x.windows.mostlyUsers(key) ? 'users' : 'endpoints'} failing ` +
        `${codeWithCause(code, tally.reason, n)}`,
      evidence: [
        `${n} distinct users/endpoints failed with "${tally.reason}" on NAS ${nas} within ${mins(windowMs)}; ` +
          `this NAS usually has ${usual < 0.05 ? 'none' : `about ${about(usual)}`} per reason ` +
          `(INCIDENT_NAS_WIDE_MIN ${min}).`,
      ],
    });
  }
  return out;
}

export function newReason(x: RuleInput): Candidate[] {
  if (!x.learned) return [];
  const out: Candidate[] = [];
  for (const [code, tally] of x.run.byCode) {
    const seen = x.reasons[code];
    if (seen !== undefined && seen >= x.now - x.settings.newReason.memoryMs) continue;
    // The identity-store rule speaks for AD outages, when it shows network-wide (not on one timeout).
    if (STORE_DOWN.has(code) && x.settings.rules.has('identity-store')) continue;
    // One user's disabled or expired account is that user's business, however rare the code.
    if (USER_LEVEL.has(code) && Math.max(tally.users.size, tally.endpoints.size) < NEW_USER_LEVEL_SUBJECTS) continue;
    const days = Math.round(x.settings.newReason.memoryMs / 86_400_000);
    out.push({
      rule: 'new-reason',
      scope: 'reason',
      code,
      tally,
      title:
        `new reason ${codeWithCause(code, tally.reason, tally.users.size)}: ${plural(tally.weight, 'failure')}, ` +
        `${who(tally)}${siteOf(tally)}`,
      evidence: [
        `"${tally.reason}" was not seen in the last ${plural(days, 'day')}: ${plural(tally.weight, 'failure')} ` +
          `from ${who(tally)} on ${plural(tally.nas.size, 'NAS', '')} in this poll.`,
      ],
    });
  }
  return out;
}

/** A new code about one user's own account opens an incident only on this many users/endpoints. */
const NEW_USER_LEVEL_SUBJECTS = 3;

/** Spikes carried by fewer distinct users/endpoints are one noisy device: the lockout rule's job. */
const SPIKE_SUBJECTS = 3;

export function spike(x: RuleInput): Candidate[] {
  const rate = x.baseline.rate(x.now);
  if (rate === undefined || x.intervalMs === undefined) return [];
  const { min, factor } = x.settings.spike;
  const minutes = x.intervalMs / 60_000;
  const expectedAll = rate * minutes;
  const out: Candidate[] = [];
  for (const [code, tally] of x.run.byCode) {
    const expected = x.baseline.share(code) * expectedAll;
    const subjects = Math.max(tally.users.size, tally.endpoints.size);
    // A locked-out phone or a broken NAS already has its incident: it is no evidence of a spike.
    const weight = tally.weight - (x.claimed.get(code) ?? 0);
    if (weight < min || weight <= factor * Math.max(expected, 1) || subjects < SPIKE_SUBJECTS) continue;
    out.push({
      rule: 'spike',
      scope: 'reason',
      code,
      tally,
      hint: manyUsersHint(code),
      title:
        `${codeWithCause(code, tally.reason, tally.users.size)}: ${tally.weight} failures, ${who(tally)}` +
        `${siteOf(tally)}, normally ${about(expected)}`,
      evidence: [
        `${plural(tally.weight, 'failure')} with "${tally.reason}" in ${mins(x.intervalMs)}, where about ` +
          `${about(expected)} are normal at this hour of the week; ${who(tally)} on ` +
          `${plural(tally.nas.size, 'NAS', '')}.`,
      ],
    });
  }
  // What an open incident already holds is that incident's news, not a second one.
  const free = x.run.weight - (x.claimed.get(ALL_REASONS) ?? 0);
  if (out.length === 0 && free >= min && free > factor * Math.max(expectedAll, 1)) {
    out.push({
      rule: 'spike',
      scope: 'all',
      tally: undefined,
      title: `spike: ${free} failures in ${mins(x.intervalMs)}, normally ${about(expectedAll)}`,
      evidence: [
        `${plural(free, 'failure')} in ${mins(x.intervalMs)} outside any open incident, where about ` +
          `${about(expectedAll)} are normal at this hour of the week; no single reason stands out.`,
      ],
    });
  }
  return out;
}

export function lockout(x: RuleInput): Candidate[] {
  const { min, windowMs } = x.settings.lockout;
  const out: Candidate[] = [];
  for (const [subject, entry] of x.windows.lock) {
    const tally = x.run.bySubject.get(subject);
    const n = x.windows.lockWeight(subject);
    if (!tally || n < min) continue;
    const reason = x.run.byCode.get(entry.code)?.reason ?? entry.code;
    out.push({
      rule: 'lockout',
      scope: 'subject',
      subject,
      code: entry.code,
      nas: entry.nas,
      // Only the user's password and lockout codes: a busy user's other failures are not the lockout.
      codes: x.settings.lockout.reasons.length ? [...x.settings.lockout.reasons] : undefined,
      tally,
      title: `${subject}${siteOf(tally)}: ${n} failures in ${mins(windowMs)}, ${codeWithCause(entry.code, reason)}`,
      evidence: [
        `${subject} failed ${plural(n, 'time')} within ${mins(windowMs)} (latest on ${entry.nas || '?'}: ` +
          `"${reason}"): a device with a stale password, or someone guessing; the directory may lock the account.`,
      ],
    });
  }
  return out;
}

export function storm(x: RuleInput): Candidate[] {
  if (x.run.records <= x.settings.stormThreshold) return [];
  const top = [...x.run.byCode.entries()].sort((a, b) => b[1].weight - a[1].weight)[0];
  const topText = top ? `, top ${codeWithCause(top[0], top[1].reason)}` : '';
  return [
    {
      rule: 'storm',
      scope: 'all',
      tally: undefined,
      title: `storm: ${x.run.records} failures in one poll${topText}`,
      evidence: [
        `${plural(x.run.records, 'failure')} in one poll, more than STORM_THRESHOLD (${x.settings.stormThreshold}).`,
      ],
    },
  ];
}
