import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../state/atomic';
import { readStateJson } from '../state/files';
import { type BaselineState, emptyBaseline } from './baseline';
import type { Incident, Resolved } from './incident';
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
  reasons: Record<string, number>;
  baseline: BaselineState;
  window: WindowState;
}

export const emptyIncidentState = (): IncidentState => ({
  version: 1,
  open: [],
  resolved: [],
  reasons: {},
  baseline: emptyBaseline(),
  window: emptyWindow(),
});

export const incidentsFile = (dir: string) => join(dir, 'incidents.json');

const num = z.number().finite();
const strs = z.array(z.string());
const incident = z.object({
  id: z.string(),
  rule: z.enum(['nas-wide', 'new-reason', 'spike', 'lockout', 'storm']),
  scope: z.enum(['nas', 'reason', 'subject', 'all']),
  nas: z.string().optional(),
  code: z.string().optional(),
  subject: z.string().optional(),
  reason: z.string().optional(),
  title: z.string(),
  evidence: strs,
  users: strs,
  usersCount: z.string(),
  endpoints: strs,
  endpointsCount: z.string(),
  since: num,
  last: num,
  quietUntil: num,
  openedAt: num,
  failures: num,
  reported: num,
  mailed: z.boolean(),
  silent: z.boolean(),
});
const schema = z.object({
  version: z.literal(1),
  since: num.optional(),
  lastRun: num.optional(),
  open: z.array(incident),
  resolved: z.array(
    z.object({ id: z.string(), title: z.string(), since: num, last: num, failures: num, unmailed: z.boolean() }),
  ),
  reasons: z.record(z.string(), num),
  baseline: z.object({
    week: z.array(num).length(168),
    weekN: z.array(num).length(168),
    day: z.array(num).length(24),
    dayN: z.array(num).length(24),
    shares: z.record(z.string(), num),
    nas: z.record(z.string(), num),
  }),
  window: z.object({
    nas: z.record(z.string(), z.record(z.string(), num)),
    lock: z.record(z.string(), z.object({ ev: z.array(z.tuple([num, num])), nas: z.string(), code: z.string() })),
  }),
});

const RESET = 'delete it to start learning afresh (open incidents are then forgotten; no failure is lost)';

export function loadIncidentState(dir: string): IncidentState | undefined {
  return readStateJson(incidentsFile(dir), schema, RESET) as IncidentState | undefined;
}

export function saveIncidentState(dir: string, state: IncidentState): void {
  writeFileAtomic(incidentsFile(dir), JSON.stringify(state));
}
