// Issue 20 point 7: one list of incident rules. Whatever rule the engine may open, the state file
// written at the end of the run is read back by the next run (never "incidents.json is corrupt").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { RULES } from '../../src/config/incidents';
import type { Incident } from '../../src/incidents/incident';
import { emptyIncidentState, loadIncidentState, saveIncidentState } from '../../src/incidents/state';
import { T0 } from '../helpers/incidents';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const incident = (rule: Incident['rule']): Incident => ({
  id: `all:${rule}`,
  rule,
  scope: 'all',
  title: `${rule} incident`,
  evidence: ['seen'],
  users: ['anna'],
  usersCount: '1',
  endpoints: [],
  endpointsCount: '0',
  since: T0,
  last: T0,
  quietUntil: T0 + 1,
  openedAt: T0,
  failures: 3,
  reported: 0,
  mailed: false,
  silent: false,
});

describe('incidents.json', () => {
  test('an open incident of every rule is saved and read back as it was', () => {
    dir = mkdtempSync(join(tmpdir(), 'ise-incidents-'));
    const state = { ...emptyIncidentState(), open: RULES.map(incident) };
    saveIncidentState(dir, state);
    expect(loadIncidentState(dir)).toEqual(state);
  });
});
