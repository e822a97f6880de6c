import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { parseEnvFile } from '../../src/config/envfile';
import { requireSettings } from '../../src/config/require';
import { parseDuration, parseSince } from '../../src/config/values';
import { configDir, FULL, usageMessage } from '../helpers/config';

describe('config file', () => {
  test('accepts what an env.sh holds', () => {
    const { entries } = parseEnvFile(
      [
        '# comment',
        '',
        'export ISE_HOST=ise1.example.net',
        "MAIL_PASS='p#ss word'",
        'MAIL_DEST="a@x.net, b@x.net" # trailing',
        'SMTP_PORT=587 # comment',
        'MAIL_FROM="q\\"uote"',
      ].join('\n'),
      'f',
    );
    expect(Object.fromEntries(entries.map((e) => [e.key, e.value]))).toEqual({
      ISE_HOST: 'ise1.example.net',
      MAIL_PASS: 'p#ss word',
      MAIL_DEST: 'a@x.net, b@x.net',
      SMTP_PORT: '587',
      MAIL_FROM: 'q"uote',
    });
  });

  test('an unknown key is an error that names it and its line', () => {
    const dir = configDir();
    writeFileSync(join(dir, 'ise-to-mail.env'), 'ISE_HOST=x\nSMPT_SERVER=typo\n');
    expect(usageMessage(() => loadConfig({ baseDir: dir, env: {} }))).toMatch(/line 2: unknown key SMPT_SERVER/);
  });

  test('flags > environment > file > defaults; relative paths resolve against run.js, aliases work', () => {
    const dir = configDir();
    writeFileSync(
      join(dir, 'ise-to-mail.env'),
      'ISE_IP=file.example.net\nSTATE_DIR=file-state\nMAIL_PORT=2525\nISE_CA=certs/ca.pem\n',
    );
    const cfg = loadConfig({
      baseDir: dir,
      env: { ISE_HOST: 'env.example.net:9999' },
      flags: { STATE_DIR: 'flag-state' },
    });
    expect(cfg.ise.hosts).toEqual([{ host: 'env.example.net', port: 9999 }]);
    expect(cfg.stateDir).toBe(join(dir, 'flag-state'));
    expect(cfg.ise.ca).toBe(join(dir, 'certs/ca.pem'));
    expect(cfg.smtp).toMatchObject({ port: 2525, security: 'starttls' });
    expect(cfg.overlapMs).toBe(600_000);
    expect(cfg.deadlineMs).toBe(150_000);
  });

  test('SMTP security and port defaults follow the contract', () => {
    const dir = configDir();
    const smtp = (env: Record<string, string>) => loadConfig({ baseDir: dir, env }).smtp;
    expect(smtp({})).toMatchObject({ port: 465, security: 'tls' });
    expect(smtp({ SMTP_PORT: '2465' })).toMatchObject({ security: 'tls' });
    expect(smtp({ SMTP_PORT: '25' })).toMatchObject({ security: 'starttls' });
    expect(smtp({ SMTP_SECURITY: 'none' })).toMatchObject({ port: 25 });
    expect(smtp({ SMTP_SECURITY: 'starttls' })).toMatchObject({ port: 587 });
  });

  test('values are read without surrounding blanks, passwords exactly as written', () => {
    const dir = configDir();
    const cfg = loadConfig({
      baseDir: dir,
      env: { SMTP_SECURITY: ' starttls ', MAIL_ATTACH: 'json ', MAIL_PASS: ' p w ', PXGRID_KEY_PASSPHRASE: ' k ' },
    });
    expect(cfg.smtp).toMatchObject({ security: 'starttls', port: 587, pass: ' p w ' });
    expect(cfg.mail.attach).toBe('json');
    expect(cfg.ise.keyPassphrase).toBe(' k ');
  });

  test('each error names the variable and says what is wrong', () => {
    const dir = configDir();
    const load = (env: Record<string, string>) => () =>
      requireSettings(loadConfig({ baseDir: dir, env }), ['ise', 'mail']);
    expect(usageMessage(load({ ...FULL, SMTP_PORT: 'abc' }))).toMatch(
      /^SMTP_PORT must be a port number \(from the environment\)/,
    );
    expect(usageMessage(load({ ...FULL, SMTP_SECURITY: 'ssl' }))).toMatch(
      /SMTP_SECURITY must be tls, starttls or none/,
    );
    expect(usageMessage(load({ ...FULL, MAIL_DEST: 'noc@x.net, not-an-address' }))).toMatch(
      /MAIL_DEST has an invalid address: not-an-address/,
    );
    expect(usageMessage(load({ ...FULL, CURSOR_OVERLAP: 'soon' }))).toMatch(/CURSOR_OVERLAP must be a duration/);
    expect(usageMessage(load({ ...FULL, ISE_HOST: '' }))).toMatch(/^ISE_HOST is not set/);
    expect(usageMessage(load({ ...FULL, ISE_CA: '' }))).toMatch(/^ISE_CA is not set/);
    expect(usageMessage(load({ ...FULL, MAIL_FROM: '' }))).toMatch(/^MAIL_FROM is not set/);
    expect(usageMessage(load({ ...FULL, MAIL_FROM: '', MAIL_USER: 'AKIAEXAMPLE' }))).toMatch(
      /^MAIL_FROM \(taken from MAIL_USER\) is not a mail address: "AKIAEXAMPLE"/,
    );
    expect(usageMessage(load({ ...FULL, MAIL_FROM: 'x@y.z>, evil@a.b' }))).toMatch(/^MAIL_FROM is not a mail address/);
    expect(usageMessage(load({ ...FULL, PXGRID_CERT: 'c.pem' }))).toMatch(
      /^PXGRID_KEY is not set but PXGRID_CERT is: set both for certificate auth/,
    );
    expect(() => load(FULL)()).not.toThrow();
  });

  test('a named config file that does not exist is an error', () => {
    const dir = configDir();
    expect(usageMessage(() => loadConfig({ baseDir: dir, env: { ISE_TO_MAIL_CONFIG: 'missing.env' } }))).toMatch(
      /cannot read config file .*missing\.env \(ENOENT\)/,
    );
  });
});

describe('values', () => {
  test('durations and --since', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('150')).toBe(150_000);
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('x')).toBeUndefined();
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseSince('6h', now)).toBe(Date.parse('2026-11-23T06:00:00Z'));
    expect(parseSince('2026-11-23T10:00:00-02:00', now)).toBe(Date.parse('2026-11-23T12:00:00Z'));
    expect(parseSince('2026-11-23T10:00', now)).toBe(Date.parse('2026-11-23T10:00:00Z'));
    expect(parseSince('yesterday', now)).toBeUndefined();
  });
});

describe('alert policy', () => {
  const load = (env: Record<string, string>) => loadConfig({ baseDir: configDir(), env: { ...FULL, ...env } });
  test('digest every hour by default (issue 24); each-run on request; DIGEST_EVERY or DIGEST_AT change it', () => {
    expect(load({}).alert).toEqual({ mode: 'digest', schedule: { every: 3_600_000 } });
    expect(load({ ALERT_MODE: 'each-run' }).alert.mode).toBe('each-run');
    expect(load({ ALERT_MODE: 'Digest', DIGEST_EVERY: '15m' }).alert).toEqual({
      mode: 'digest',
      schedule: { every: 900_000 },
    });
    expect(load({ ALERT_MODE: 'digest', DIGEST_AT: '16:00, 8:00' }).alert.schedule).toEqual({
      at: [28_800_000, 57_600_000],
    });
  });

  test('bad values name the variable and what it takes', () => {
    expect(usageMessage(() => load({ ALERT_MODE: 'hourly' }))).toBe(
      'ALERT_MODE must be each-run or digest (from the environment)',
    );
    expect(usageMessage(() => load({ DIGEST_EVERY: '30s' }))).toBe(
      'DIGEST_EVERY must be from 1m to 1d (e.g. 1h) (from the environment)',
    );
    expect(usageMessage(() => load({ DIGEST_EVERY: '2d' }))).toMatch(/^DIGEST_EVERY must be from 1m to 1d/);
    expect(usageMessage(() => load({ DIGEST_AT: '25:00' }))).toBe(
      'DIGEST_AT takes times of day such as 08:00,16:00 (got "25:00") (from the environment)',
    );
    expect(usageMessage(() => load({ DIGEST_AT: '08:00', DIGEST_EVERY: '1h' }))).toMatch(
      /^DIGEST_EVERY and DIGEST_AT are both set/,
    );
  });

  test('DIGEST_EVERY and DIGEST_AT from two places: the error says where each one is', () => {
    const dir = configDir();
    writeFileSync(join(dir, 'ise-to-mail.env'), 'DIGEST_AT=08:00\n');
    const file = join(dir, 'ise-to-mail.env');
    expect(usageMessage(() => loadConfig({ baseDir: dir, env: { ...FULL, DIGEST_EVERY: '1h' } }))).toBe(
      `DIGEST_EVERY and DIGEST_AT are both set (DIGEST_EVERY from the environment, DIGEST_AT from ${file}): ` +
        'keep DIGEST_AT for times of day or DIGEST_EVERY for a period',
    );
  });
});

describe('incident rules', () => {
  const load = (env: Record<string, string>) => loadConfig({ baseDir: configDir(), env: { ...FULL, ...env } });
  test('every rule on with the documented defaults; each can be switched off and tuned', () => {
    const d = load({}).incidents;
    expect(d.mode).toBe('auto');
    expect([...d.rules].sort()).toEqual([
      'admin-login',
      'guessing',
      'identity-store',
      'lockout',
      'nas-wide',
      'new-reason',
      'spike',
      'storm',
    ]);
    expect(d).toMatchObject({
      learningMs: 86_400_000,
      quietMs: 1_800_000,
      nasWide: { min: 5, factor: 3, windowMs: 600_000 },
      newReason: { memoryMs: 7 * 86_400_000 },
      spike: { min: 30, factor: 4 },
      lockout: { min: 10, windowMs: 600_000, reasons: ['22040', '24408'] },
      adminLogin: { min: 5 },
      stormThreshold: 5000,
    });
    const tuned = load({
      INCIDENTS: 'ON',
      INCIDENT_SPIKE: '0',
      INCIDENT_SPIKE_FACTOR: '2.5',
      INCIDENT_LOCKOUT_REASONS: 'any',
    });
    expect(tuned.incidents.mode).toBe('on');
    expect(tuned.incidents.rules.has('spike')).toBe(false);
    expect(tuned.incidents.spike.factor).toBe(2.5);
    expect(tuned.incidents.lockout.reasons).toEqual([]);
  });

  test('bad values name the variable and what it takes', () => {
    expect(usageMessage(() => load({ INCIDENTS: 'yes' }))).toBe(
      'INCIDENTS must be auto, on or off (from the environment)',
    );
    expect(usageMessage(() => load({ INCIDENT_NAS_WIDE_MIN: '1' }))).toBe(
      'INCIDENT_NAS_WIDE_MIN must be at least 2 (from the environment)',
    );
    expect(usageMessage(() => load({ INCIDENT_SPIKE_FACTOR: 'x4' }))).toMatch(
      /^INCIDENT_SPIKE_FACTOR must be a number/,
    );
    expect(usageMessage(() => load({ INCIDENT_QUIET: '10s' }))).toMatch(/^INCIDENT_QUIET must be at least 1m/);
    expect(usageMessage(() => load({ INCIDENT_LOCKOUT_REASONS: '24408,abc' }))).toMatch(/^INCIDENT_LOCKOUT_REASONS/);
  });
});

describe('mail context', () => {
  const load = (env: Record<string, string>, hostname?: string) =>
    loadConfig({ baseDir: configDir(), env: { ...FULL, ...env }, hostname });
  test('ISE_ADMIN_URL: an https origin only (it becomes a link in every mail)', () => {
    expect(load({}).mail.adminUrl).toBeUndefined();
    expect(load({ ISE_ADMIN_URL: 'https://ise-pan.example.net/' }).mail.adminUrl).toBe('https://ise-pan.example.net');
    expect(load({ ISE_ADMIN_URL: 'https://10.1.1.5:8443' }).mail.adminUrl).toBe('https://10.1.1.5:8443');
    for (const bad of ['http://ise', 'https://user:pw@ise', 'https://ise/admin?x=1', 'javascript:alert(1)', 'ise'])
      expect(usageMessage(() => load({ ISE_ADMIN_URL: bad }))).toMatch(/^ISE_ADMIN_URL must be the https:\/\//);
  });
  test('DEVICE_NAME names the sender, else the host name main.ts passes in', () => {
    expect(load({ DEVICE_NAME: 'sw-core-01' }, 'guestshell').mail.device).toBe('sw-core-01');
    expect(load({}, 'guestshell').mail.device).toBe('guestshell');
    expect(usageMessage(() => load({ DEVICE_NAME: 'a\u0007b' }))).toMatch(/^DEVICE_NAME must be one line/);
  });
});
