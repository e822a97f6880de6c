// The incident engine run by run over hand-made failures: shared by the incident unit tests.
import { defaultIncidents, type IncidentSettings } from '../../src/config/incidents';
import { IncidentEngine } from '../../src/incidents/engine';
import type { IncidentState } from '../../src/incidents/state';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { makeFailure } from '../fake/records';

export const MIN = 60_000;
export const DAY = 86_400_000;
export const T0 = Date.parse('2026-11-16T00:00:00Z'); // a Monday
export const SECRET = '11036 The Message-Authenticator RADIUS attribute is invalid';
export const AD_PW =
  '24408 User authentication against Active Directory failed since user has entered the wrong password';

let seq = 0;
export function fail(t: number, o: Partial<FailureRecord> = {}): FailureRecord {
  return makeFailure({ timestamp: new Date(t).toISOString(), ...o } as never, seq++) as unknown as FailureRecord;
}

/** Runs the engine once over `records` at `now`; `delivered` says the mail went out. */
export function poll(
  state: IncidentState | undefined,
  now: number,
  records: FailureRecord[],
  opts: {
    settings?: Partial<IncidentSettings>;
    delivered?: boolean;
    isMuted?: (r: FailureRecord) => boolean;
    /** ISE's clock (its Date header), when it differs from the device's `now`. */
    iseNow?: number;
  } = {},
) {
  const engine = new IncidentEngine(state, {
    settings: { ...defaultIncidents(), ...opts.settings },
    now,
  });
  engine.clock(opts.iseNow);
  // As Batch.deliver does: a muted failure is known, not evidence.
  for (const r of records)
    if (opts.isMuted?.(r)) engine.known(r);
    else engine.observe(r);
  const verdict = engine.evaluate();
  return { verdict, state: engine.nextState(opts.delivered ?? true), engine };
}

/** A state past its learning day, with quiet background runs every 10 minutes for `days`. */
export function learned(days = 1.5, background: (t: number) => FailureRecord[] = () => []): IncidentState {
  let state: IncidentState | undefined;
  for (let t = T0; t < T0 + days * DAY; t += 10 * MIN) state = poll(state, t, background(t)).state;
  return state!;
}

export const users = (n: number, t: number, o: Partial<FailureRecord>) =>
  Array.from({ length: n }, (_, i) =>
    fail(t + i * 1000, {
      userName: `user${i}`,
      callingStationId: `00:00:00:00:00:${String(i).padStart(2, '0')}`,
      ...o,
    }),
  );
