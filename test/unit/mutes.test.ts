// Mutes (issue 15): target parsing and matching, the store and its commands.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { mute } from '../../src/commands/mute';
import { listMutes } from '../../src/commands/mutes';
import { unmute } from '../../src/commands/unmute';
import { loadConfig } from '../../src/config/config';
import { loadMutes, mutesFile, readMutes } from '../../src/mutes/store';
import { canonicalMac, compileTarget, parseTarget } from '../../src/mutes/target';
import { left } from '../../src/mutes/words';
import type { FailureRecord } from '../../src/pxgrid/schemas';

const rec = (fields: Record<string, unknown>): FailureRecord => ({
  id: '1',
  timestamp: '2026-11-23T10:00:00Z',
  ...fields,
});

describe('targets', () => {
  test('MAC notations are one endpoint', () => {
    for (const m of ['00:11:22:AA:bb:cc', '00-11-22-aa-bb-cc', '001122aabbcc', '0011.22aa.bbcc'])
      expect(canonicalMac(m)).toBe('00:11:22:aa:bb:cc');
    expect(canonicalMac('00:11:22:aa:bb')).toBeUndefined();
    expect(canonicalMac('00:11-22:aa:bb:cc')).toBeUndefined();
  });

  test('each kind matches the fields it names', () => {
    const r = rec({
      userName: 'Alice',
      callingStationId: '00-11-22-33-44-55',
      nasName: 'sw-lab-01.example.net',
      networkDeviceName: 'lab1',
      nasIpAddress: '10.0.0.9',
      failureReason: '22040 Wrong password',
    });
    const hit = (t: string) => compileTarget(parseTarget(t))(r);
    expect(
      [
        'user:al*',
        'endpoint:0011.2233.4455',
        'nas:sw-lab-01',
        'nas:SW-LAB-01.example.net',
        'nas:lab1',
        'nas:10.0.0.9',
        'reason:22040',
      ].map(hit),
    ).toEqual(Array(7).fill(true));
    expect(['user:bob', 'endpoint:00:11:22:33:44:56', 'nas:sw-lab', 'nas:10.0.0', 'reason:2204'].map(hit)).toEqual(
      Array(5).fill(false),
    );
    expect(compileTarget(parseTarget('endpoint:00:11:22:33:44:55'))(rec({ macAddress: '00:11:22:33:44:55' }))).toBe(
      true,
    );
  });

  test('bad targets are usage errors that say what to write', () => {
    expect(() => parseTarget('sw-lab-01')).toThrow(
      /is not one of the four kinds: give user:GLOB, endpoint:MAC, nas:NAME-OR-IP or reason:CODE/,
    );
    expect(() => parseTarget('host:x')).toThrow(/not one of the four kinds/);
    expect(() => parseTarget('endpoint:zz')).toThrow(/not a MAC address/);
    expect(() => parseTarget('reason:wrong')).toThrow(/not a failure reason code/);
    expect(() => parseTarget('user:')).toThrow(/needs a value/);
  });
});

describe('store and commands', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setup = () => {
    dir = mkdtempSync(join(tmpdir(), 'mutes-'));
    return loadConfig({
      baseDir: dir,
      env: { STATE_DIR: 'data', MAIL_TIMEZONE: 'Europe/Zurich', ALERT_MODE: 'each-run' },
    });
  };
  const T0 = Date.parse('2026-11-23T09:00:00Z');
  const H = 3_600_000;

  test('mute, list, extend, unmute; file 0600; expired mutes stop applying and are dropped at the next write', () => {
    const cfg = setup();
    expect(mute(cfg, T0, 'nas:sw-lab-01', { for: '8h', note: 'lab rebuild', by: 'alice' }).message).toBe(
      'muted: nas:sw-lab-01 until 2026-11-23T17:00:00.000Z (id 1); ' +
        'matching failures raise no incident and leave the mail body, counted and attached; ' +
        "no count of the last day's failures to check it against: the last day's failures are counted only " +
        'while incidents are on (INCIDENTS=auto follows ALERT_MODE=each-run)',
    );
    expect(mute(cfg, T0, 'user:host/*', { for: '30m' }).message).toMatch(/^muted: user:host\/\* until .* \(id 2\)/);
    expect(statSync(mutesFile(cfg.stateDir)).mode & 0o777).toBe(0o600);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: () => undefined, debug: () => undefined };
    expect(listMutes(cfg, T0 + H, io).message).toBe('1 active mute');
    expect(lines).toEqual(['1   nas:sw-lab-01  until 2026-11-23 18:00:00 +01:00 (7h left)  by alice  "lab rebuild"']);
    const set = loadMutes(cfg.stateDir, T0 + H);
    expect(set.match(rec({ nasName: 'sw-lab-01' }))?.id).toBe(1);
    expect(set.match(rec({ userName: 'host/pc1' }))).toBeUndefined();
    // The same target again extends the mute and keeps its id and note.
    expect(mute(cfg, T0 + H, 'NAS:sw-lab-01', { for: '1d' }).message).toMatch(
      /^mute extended: nas:sw-lab-01 until 2026-11-24T10:00:00\.000Z \(id 1\)/,
    );
    expect(readMutes(cfg.stateDir).mutes.map((m) => [m.id, m.note])).toEqual([[1, 'lab rebuild']]);
    expect(mute(cfg, T0 + H, 'reason:5440', { for: '1h' }).message).toMatch(/\(id 3\)/);
    expect(unmute(cfg, T0 + H, '3').message).toBe('unmuted reason:5440 (id 3)');
    expect(() => unmute(cfg, T0 + H, '3')).toThrow('no active mute with id "3": run.js mutes lists the active ones');
    expect(() => unmute(cfg, T0 + H, '2')).toThrow(/no active mute with id "2"/);
  });

  test('--for is required and bounded; notes are one line', () => {
    const cfg = setup();
    expect(() => mute(cfg, T0, 'nas:x', {})).toThrow(
      '--for is missing: give how long to mute, from 1m to 366d, e.g. --for 8h',
    );
    expect(() => mute(cfg, T0, 'nas:x', { for: '30s' })).toThrow(/--for is "30s"/);
    expect(() => mute(cfg, T0, 'nas:x', { for: 'soon' })).toThrow(/--for is "soon"/);
    expect(() => mute(cfg, T0, 'nas:x', { for: '1h', note: 'a\nb' })).toThrow(
      '--note must be one line of at most 200 characters',
    );
  });

  test('a corrupt file is exit 2 naming it, never silently reset', () => {
    const cfg = setup();
    mute(cfg, T0, 'nas:x', { for: '1h' });
    writeFileSync(mutesFile(cfg.stateDir), '{"version":1,');
    expect(() => loadMutes(cfg.stateDir, T0)).toThrow(
      `state file ${mutesFile(cfg.stateDir)} is corrupt (not JSON); fix or delete it`,
    );
    writeFileSync(
      mutesFile(cfg.stateDir),
      JSON.stringify({
        version: 1,
        nextId: 2,
        mutes: [{ id: 1, target: 'bogus', created: new Date(T0).toISOString(), until: new Date(T0).toISOString() }],
      }),
    );
    expect(() => loadMutes(cfg.stateDir, T0)).toThrow(/holds an invalid mute/);
    expect(readFileSync(mutesFile(cfg.stateDir), 'utf8')).toContain('bogus');
  });

  test('time left', () => {
    expect([59_000, 61_000, H + 60_000, 3 * 86_400_000 + 2 * H + 5].map(left)).toEqual(['1m', '1m', '1h 1m', '3d 2h']);
  });
});
