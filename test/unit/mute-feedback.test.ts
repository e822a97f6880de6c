// `mute` says how many of the last day's failures the target would have caught, counted by the real
// incident engine and saved in incidents.json as a run saves it; none (a typo) or all is a WARN.
import { describe, expect, it } from 'vitest';
import { mute } from '../../src/commands/mute';
import { loadConfig } from '../../src/config/config';
import { defaultIncidents } from '../../src/config/incidents';
import { IncidentEngine } from '../../src/incidents/engine';
import { loadIncidentState, saveIncidentState } from '../../src/incidents/state';
import { makeStateDir } from '../../src/state/files';
import { makeFailure } from '../fake/records';
import { configDir } from '../helpers/config';

const H = 3_600_000;
const NOW = Date.parse('2026-11-23T10:20:00Z');

/** A run of the engine at `at` that sees these NAS names (muted/filtered ones via `known`). */
function engineRun(dir: string, at: number, nas: string[], known: string[] = []) {
  const engine = new IncidentEngine(loadIncidentState(dir), { settings: defaultIncidents(), now: at });
  nas.forEach((name, i) => engine.observe(makeFailure({ nasName: name, networkDeviceName: name }, i)));
  known.forEach((name, i) => engine.known(makeFailure({ nasName: name, networkDeviceName: name }, 100 + i)));
  saveIncidentState(dir, engine.nextState(true));
}

function world(env: Record<string, string> = { ALERT_MODE: 'digest' }) {
  const cfg = loadConfig({ baseDir: configDir(), env: { MAIL_TIMEZONE: 'UTC', ...env } });
  makeStateDir(cfg.stateDir);
  return cfg;
}

/** A day of runs: the oldest (30 h ago) saw nothing, 26 h ago sw-old, then the access switches. */
function day() {
  const cfg = world();
  engineRun(cfg.stateDir, NOW - 30 * H, []);
  engineRun(cfg.stateDir, NOW - 26 * H, ['sw-old', 'sw-old']);
  engineRun(cfg.stateDir, NOW - 5 * H, ['access-sw05', 'access-sw05', 'access-sw06']);
  engineRun(cfg.stateDir, NOW - 10 * 60_000, ['access-sw05'], ['access-sw07']);
  return cfg;
}

const tail = (message: string) => message.slice(message.indexOf('attached; ') + 'attached; '.length);

describe('mute: the last day against the new target', () => {
  it('counts what it would have caught, muted and filtered failures included', () => {
    const out = mute(day(), NOW, 'nas:access-sw05', { for: '2h' });
    expect(out.status).toBe('OK');
    expect(tail(out.message)).toBe('it matches 3 of the 5 failures seen in the last 24 h');
  });

  it('a typo matches none: WARN, with the NAS names that did fail', () => {
    const out = mute(day(), NOW, 'nas:acess-sw05', { for: '2h' });
    expect({ exit: out.exitCode, status: out.status }).toEqual({ exit: 0, status: 'WARN' });
    expect(out.message).toMatch(/^muted: nas:acess-sw05 until .* \(id 1\);/);
    expect(tail(out.message)).toBe(
      'it matches none of the 5 failures seen in the last 24 h: check the spelling ' +
        '(most seen: access-sw05, access-sw06, access-sw07)',
    );
  });

  it('failures older than a day do not count', () => {
    const out = mute(day(), NOW, 'nas:sw-old', { for: '2h' });
    expect(out.status).toBe('WARN');
    expect(tail(out.message)).toMatch(/^it matches none of the 5 failures seen in the last 24 h/);
  });

  it('a target that catches everything: WARN, it empties the mail body', () => {
    const out = mute(day(), NOW, 'reason:22040', { for: '2h' });
    expect(out.status).toBe('WARN');
    expect(tail(out.message)).toBe(
      'it matches all 5 failures seen in the last 24 h: every one leaves the mail body; narrow the target ' +
        'if that was not meant',
    );
  });

  it('counting began less than a day ago: says since when', () => {
    const cfg = world();
    engineRun(cfg.stateDir, NOW - 2 * H, ['access-sw05', 'access-sw06']);
    const out = mute(cfg, NOW, 'nas:access-sw06', { for: '2h' });
    expect(tail(out.message)).toBe('it matches 1 of the 2 failures seen since 2026-11-23T08:20:00.000Z');
  });

  it('runs in the same hour add up; beyond the 50 NAS kept per hour it says what was not itemised', () => {
    const cfg = world();
    const many = Array.from({ length: 60 }, (_, i) => `sw-${String(i).padStart(2, '0')}`);
    engineRun(cfg.stateDir, NOW - 30 * H, []);
    engineRun(cfg.stateDir, NOW - 20 * 60_000, ['sw-00', 'sw-00', ...many]);
    engineRun(cfg.stateDir, NOW - 10 * 60_000, ['sw-00']);
    expect(tail(mute(cfg, NOW, 'nas:sw-00', { for: '1h' }).message)).toBe(
      'it matches 4 or more of the 63 failures seen in the last 24 h (10 not itemised)',
    );
    const rare = mute(cfg, NOW, 'nas:sw-59', { for: '1h' });
    expect(rare.status).toBe('OK');
    expect(tail(rare.message)).toBe(
      'it matches none of the itemised ones of the 63 failures seen in the last 24 h; 10 were not itemised',
    );
  });

  it('a user name holding a NUL is counted whole, not split', () => {
    const cfg = world();
    engineRun(cfg.stateDir, NOW - 30 * H, []);
    const engine = new IncidentEngine(loadIncidentState(cfg.stateDir), { settings: defaultIncidents(), now: NOW });
    engine.observe(makeFailure({ userName: 'eve\u0000x' }, 1));
    engine.observe(makeFailure({ userName: 'bob' }, 2));
    saveIncidentState(cfg.stateDir, engine.nextState(true));
    expect(tail(mute(cfg, NOW, 'user:eve*', { for: '1h' }).message)).toBe(
      'it matches 1 of the 2 failures seen in the last 24 h',
    );
  });

  it('no data: says so instead of guessing (incidents off, or no run yet)', () => {
    const off = mute(world({ ALERT_MODE: 'each-run' }), NOW, 'nas:access-sw05', { for: '2h' });
    expect(off.status).toBe('OK');
    expect(tail(off.message)).toBe(
      "no count of the last day's failures to check it against: the last day's failures are counted only " +
        'while incidents are on (INCIDENTS=auto follows ALERT_MODE=each-run)',
    );
    const fresh = mute(world(), NOW, 'nas:access-sw05', { for: '2h' });
    expect(tail(fresh.message)).toBe(
      "no count of the last day's failures to check it against: the next run with incidents on starts counting",
    );
  });
});
