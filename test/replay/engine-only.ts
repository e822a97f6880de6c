// `npm run replay -- --engine-only`: the same week through the incident engine in-process, without
// mail, cursor or pxGrid: seconds instead of minutes, to see what the rules would open.
import { defaultIncidents, type IncidentSettings } from '../../src/config/incidents';
import { IncidentEngine } from '../../src/incidents/engine';
import type { IncidentState } from '../../src/incidents/state';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import type { OpenedIncident } from './injected';

const STEP = 10 * 60_000;

export interface EngineOpened {
  at: number;
  incident: OpenedIncident & { title: string };
}

export function engineOnly(
  records: FailureRecord[],
  start: number,
  end: number,
  settings: Partial<IncidentSettings> = {},
) {
  let state: IncidentState | undefined;
  const opened: EngineOpened[] = [];
  const all = { ...defaultIncidents(), ...settings };
  let k = 0;
  for (let t = start + STEP; t <= end; t += STEP) {
    const engine = new IncidentEngine(state, { settings: all, now: t });
    while (k < records.length && new Date(records[k]!.timestamp as string).getTime() <= t)
      engine.observe(records[k++]!);
    for (const i of engine.evaluate().opened) opened.push({ at: t, incident: { ...i } });
    state = engine.nextState(true);
    // How many failures each incident held while open (a lockout must hold only its user's).
    for (const i of state.open) {
      const o = opened.find((x) => x.incident.id === i.id && x.incident.openedAt === i.openedAt);
      if (o) o.incident.failures = Math.max(o.incident.failures ?? 0, i.failures);
    }
  }
  return { opened, state };
}
