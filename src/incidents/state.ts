import * as z from 'zod/mini';
import { RULES } from '../config/incidents';
import { type Dict, dict } from '../core/dict';
import { arrOf, checkOf } from '../core/shape';
import { writeFileAtomic } from '../state/atomic';
import { stateFile as files, readStateJson } from '../state/files';
import { type BaselineState, emptyBaseline } from './baseline';
import { type Incident, type Resolved, SCOPES } from './incident';
import type { RecentState } from './recent';
import { emptyWindow, type WindowState } from './rolling-window';

/**
 * STATE_DIR/incidents.json: open incidents, closed ones not yet reported, reasons seen, the
 * learned baselines and the rolling window. Bounded: caps on every list keep it to tens of KB.
 */
export interface IncidentState {
  version: 1;
  /** First run with incidents on: the learning period starts here. */
  since?: number;
  lastRun?: number;
  open: Incident[];
  resolved: Resolved[];
  reasons: Dict<number>;
  baseline: BaselineState;
  window: WindowState;
  /** The last day's failures by what a mute matches (absent in files of older versions). */
  recent?: RecentState;
}

export const emptyIncidentState = (): IncidentState => ({
  version: 1,
  open: [],
  resolved: [],
  reasons: dict(),
  baseline: emptyBaseline(),
  window: emptyWindow(),
});

export const incidentsFile = files.incidents;

function incidentShape() {
  const str = z.string();
  const num = z.number();
  const bool = z.boolean();
  const strs = z.array(str);
  return z.object({
    id: str,
    // The rule names come from the list the engine runs: a new rule cannot be refused here.
    rule: z.enum(RULES),
    scope: z.enum(SCOPES),
    nas: z.optional(str),
    code: z.optional(str),
    subject: z.optional(str),
    endpoint: z.optional(str),
    port: z.optional(str),
    codes: z.optional(strs),
    reason: z.optional(str),
    hint: z.optional(str),
    title: str,
    evidence: strs,
    users: strs,
    usersCount: str,
    endpoints: strs,
    endpointsCount: str,
    since: num,
    last: num,
    quietUntil: num,
    openedAt: num,
    failures: num,
    reported: num,
    mailed: bool,
    silent: bool,
  });
}

const stateFile = checkOf(() => {
  const str = z.string();
  const num = z.number();
  const bool = z.boolean();
  const nums = z.record(str, num);
  return z.object({
    version: z.literal(1),
    since: z.optional(num),
    lastRun: z.optional(num),
    open: z.array(incidentShape()),
    resolved: z.array(z.object({ id: str, title: str, since: num, last: num, failures: num, unmailed: bool })),
    reasons: nums,
    baseline: z.object({
      week: arrOf(num, 168),
      weekN: arrOf(num, 168),
      day: arrOf(num, 24),
      dayN: arrOf(num, 24),
      shares: nums,
      nas: nums,
    }),
    window: z.object({
      nas: z.record(str, nums),
      lock: z.record(str, z.object({ ev: z.array(z.tuple([num, num])), nas: str, code: str })),
    }),
    recent: z.optional(z.object({ from: num, hours: z.array(recentHour()) })),
  });
});

/** One hour of the last day's counts (recent.ts): per kind the kept keys and the rest counted. */
function recentHour() {
  const num = z.number();
  const byKind = <T extends z.ZodMiniType>(t: T) => z.object({ user: t, endpoint: t, nas: t, reason: t });
  return z.object({ at: num, n: num, keys: byKind(z.record(z.string(), num)), other: byKind(num) });
}

const RESET = 'delete it to start learning afresh (open incidents are then forgotten; no failure is lost)';

export function loadIncidentState(dir: string): IncidentState | undefined {
  return readStateJson(incidentsFile(dir), stateFile, RESET) as IncidentState | undefined;
}

export function saveIncidentState(dir: string, state: IncidentState): void {
  writeFileAtomic(incidentsFile(dir), JSON.stringify(state));
}
