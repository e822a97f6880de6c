// doctor's alert-policy lines, in-process: whether incidents are on and why, when the rules stop
// learning, how many mutes are active. Real config, real state files, no fakes needed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mute } from '../../src/commands/mute';
import { loadConfig } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import type { System } from '../../src/core/outcome';
import { policyLines } from '../../src/doctor/policy-lines';
import { DoctorReport } from '../../src/doctor/report';
import { emptyIncidentState, saveIncidentState } from '../../src/incidents/state';
import { makeStateDir } from '../../src/state/files';
import { configDir } from '../helpers/config';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function doctorLines(env: Record<string, string>, prepare?: (stateDir: string) => void) {
  const baseDir = configDir();
  const cfg = loadConfig({ baseDir, env: { MAIL_TIMEZONE: 'UTC', ...env } });
  makeStateDir(cfg.stateDir);
  prepare?.(cfg.stateDir);
  const sys: System = { pid: 1, now: () => NOW, alive: () => false, baseDir, env };
  const lines: string[] = [];
  const report = new DoctorReport({ out: (l) => lines.push(l), err: () => undefined, debug: () => undefined });
  policyLines({ cfg, sys, deadline: new Deadline(10_000, sys.now) }, report);
  return { lines, report, cfg };
}

const line = (lines: string[], name: string) => lines.filter((l) => l.slice(5).startsWith(`${name}:`));

describe('doctor: incidents', () => {
  it('each-run with INCIDENTS=auto: off, and says why and how to turn them on', () => {
    const { lines } = doctorLines({ ALERT_MODE: 'each-run' });
    expect(line(lines, 'incidents')).toEqual([
      'info incidents: off: INCIDENTS=auto follows ALERT_MODE=each-run (INCIDENTS=on turns them on)',
    ]);
  });

  it('INCIDENTS=off in digest mode: off, named as the reason', () => {
    const { lines } = doctorLines({ ALERT_MODE: 'digest', INCIDENTS: 'off' });
    expect(line(lines, 'incidents')).toEqual(['info incidents: off: INCIDENTS=off']);
  });

  it('digest mode before the first run: on, learning starts with the first run', () => {
    const { lines } = doctorLines({ ALERT_MODE: 'digest', INCIDENT_LEARNING: '2d' });
    expect(line(lines, 'incidents')).toEqual([
      'info incidents: on: INCIDENTS=auto follows ALERT_MODE=digest; learning for 2d from the first run ' +
        '(INCIDENT_LEARNING): no incident mails until then; rules: storm, identity-store, guessing, admin-login, ' +
        'nas-wide, new-reason, spike, lockout',
    ]);
  });

  it('INCIDENTS=on, first run 3 h ago: learning until 21 h from now', () => {
    const { lines } = doctorLines({ ALERT_MODE: 'each-run', INCIDENTS: 'on' }, (dir) =>
      saveIncidentState(dir, { ...emptyIncidentState(), since: NOW - 3 * 3_600_000 }),
    );
    expect(line(lines, 'incidents')).toEqual([
      'info incidents: on: INCIDENTS=on; learning until 2026-11-24 07:00:00 +00:00 (INCIDENT_LEARNING 1d): ' +
        'no incident mails until then; rules: storm, identity-store, guessing, admin-login, ' +
        'nas-wide, new-reason, spike, lockout',
    ]);
  });

  it('learning over, some rules off: says since when and which rules are on', () => {
    const { lines } = doctorLines({ ALERT_MODE: 'digest', INCIDENT_SPIKE: '0', INCIDENT_STORM: 'no' }, (dir) =>
      saveIncidentState(dir, { ...emptyIncidentState(), since: NOW - 5 * 86_400_000 }),
    );
    expect(line(lines, 'incidents')).toEqual([
      'info incidents: on: INCIDENTS=auto follows ALERT_MODE=digest; learned since 2026-11-19 10:00:00 +00:00; ' +
        'rules: identity-store, guessing, admin-login, nas-wide, ' +
        'new-reason, lockout',
    ]);
  });

  it('a corrupt incidents.json is a FAIL naming the file (the next run would stop at it)', () => {
    const { lines, report } = doctorLines({ ALERT_MODE: 'digest' }, (dir) =>
      writeFileSync(join(dir, 'incidents.json'), '{"version":1'),
    );
    expect(line(lines, 'incidents')).toEqual([expect.stringMatching(/^FAIL incidents: .*incidents\.json/)]);
    expect(report.outcome().exitCode).toBe(2);
  });
});

describe('doctor: mutes', () => {
  it('says so when none is active', () => {
    const { lines } = doctorLines({});
    expect(line(lines, 'mutes')).toEqual(['info mutes: none active (run.js mute adds one)']);
  });

  it('counts and lists the active ones', () => {
    const { lines } = doctorLines({}, (dir) => {
      const cfg = loadConfig({ baseDir: join(dir, '..'), env: { STATE_DIR: dir, MAIL_TIMEZONE: 'UTC' } });
      mute(cfg, NOW, 'nas:sw-lab-01', { for: '8h' });
      mute(cfg, NOW, 'reason:22040', { for: '1h' });
    });
    expect(line(lines, 'mutes')).toEqual([
      'info mutes: 2 active mutes: nas:sw-lab-01 until 2026-11-23 18:00:00 +00:00; reason:22040 until ' +
        '2026-11-23 11:00:00 +00:00 (run.js mutes)',
    ]);
  });
});
