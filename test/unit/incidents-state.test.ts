// Issue 20 point 7: one list of incident rules. Whatever rule the engine may open, the state file
// written at the end of the run is read back by the next run (never "incidents.json is corrupt").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { RULES } from '../../src/config/incidents';
import type { Incident } from '../../src/incidents/incident';
import { emptyIncidentState, loadIncidentState, saveIncidentState } from '../../src/incidents/state';
import { DAY, fail, learned, MIN, poll, SECRET, T0 } from '../helpers/incidents';

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

describe('names from the wire that are also names of Object.prototype (issue 23 point 14)', () => {
  const NOW = T0 + 2 * DAY;
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
  test('a NAS so named has a learned baseline like any other: one failure opens nothing', () => {
    for (const nas of NAMES) {
      const r = poll(learned(), NOW, [fail(NOW - MIN, { nasName: nas, userName: 'anna', failureReason: SECRET })], {
        settings: { rules: new Set(['nas-wide'] as const) },
      });
      expect(r.verdict.opened.map((i) => i.title)).toEqual([]);
    }
  });
  test('a reason so named is known once seen: no new-reason incident when it comes back', () => {
    const seen = (t: number) => NAMES.map((reason) => fail(t - MIN, { failureReason: reason }));
    // Seen in the first hour of the learning day only, then quiet: known, not new, the day after.
    const base = learned(1.5, (t) => (t < T0 + 60 * MIN ? seen(t) : []));
    const r = poll(base, NOW, seen(NOW), { settings: { rules: new Set(['new-reason'] as const) } });
    expect(r.verdict.opened.map((i) => i.title)).toEqual([]);
  });
  test('the state with such names survives a save and a reload', () => {
    dir = mkdtempSync(join(tmpdir(), 'ise-incidents-'));
    const bg = (t: number) => NAMES.map((nas) => fail(t - MIN, { nasName: nas, failureReason: nas }));
    const state = learned(1.5, bg);
    saveIncidentState(dir, state);
    const back = loadIncidentState(dir)!;
    expect(Object.keys(back.reasons).sort()).toEqual(Object.keys(state.reasons).sort());
    expect(Object.getOwnPropertyDescriptor(back.reasons, '__proto__')?.value).toBeTypeOf('number');
    const r = poll(back, NOW, bg(NOW));
    expect(r.verdict.opened.map((i) => i.title)).toEqual([]);
  });
});
