import { join } from 'node:path';
import { RULES } from '../config/incidents';
import { type Dict, dict } from '../core/dict';
import { arr, bool, checkOf, literal, num, obj, oneOf, optional, record, str, tuple } from '../core/shape';
import { writeFileAtomic } from '../state/atomic';
import { readStateJson } from '../state/files';
import { type BaselineState, emptyBaseline } from './baseline';
import { type Incident, type Resolved, SCOPES } from './incident';
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
}

export const emptyIncidentState = (): IncidentState => ({
  version: 1,
  open: [],
  resolved: [],
  reasons: dict(),
  baseline: emptyBaseline(),
  window: emptyWindow(),
});

export const incidentsFile = (dir: string) => join(dir, 'incidents.json');

const strs = arr(str);
const incident = obj({
  id: str,
  rule: oneOf(RULES),
  scope: oneOf(SCOPES),
  nas: optional(str),
  code: optional(str),
  subject: optional(str),
  endpoint: optional(str),
  port: optional(str),
  codes: optional(strs),
  reason: optional(str),
  hint: optional(str),
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
const stateFile = checkOf(
  obj({
    version: literal(1),
    since: optional(num),
    lastRun: optional(num),
    open: arr(incident),
    resolved: arr(obj({ id: str, title: str, since: num, last: num, failures: num, unmailed: bool })),
    reasons: record(num),
    baseline: obj({
      week: arr(num, 168),
      weekN: arr(num, 168),
      day: arr(num, 24),
      dayN: arr(num, 24),
      shares: record(num),
      nas: record(num),
    }),
    window: obj({
      nas: record(record(num)),
      lock: record(obj({ ev: arr(tuple(num, num)), nas: str, code: str })),
    }),
  }),
);

const RESET = 'delete it to start learning afresh (open incidents are then forgotten; no failure is lost)';

export function loadIncidentState(dir: string): IncidentState | undefined {
  return readStateJson(incidentsFile(dir), stateFile, RESET) as IncidentState | undefined;
}

export function saveIncidentState(dir: string, state: IncidentState): void {
  writeFileAtomic(incidentsFile(dir), JSON.stringify(state));
}
