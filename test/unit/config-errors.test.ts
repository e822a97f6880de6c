// Issue 13: a new user learns every configuration problem from one run, not one per run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type ConfigInput, loadConfig } from '../../src/config/config';
import { closestKey } from '../../src/config/keys';
import { requireSettings } from '../../src/config/require';
import { configDir, FULL, usageMessage } from '../helpers/config';

const load = (input: Partial<ConfigInput>) => () => loadConfig({ baseDir: configDir(), env: {}, ...input });

describe('every problem in one message', () => {
  test('an empty config names every required setting, in one line', () => {
    const msg = usageMessage(load({ require: ['ise', 'mail'] }));
    for (const key of ['ISE_HOST', 'ISE_CA', 'SMTP_SERVER', 'MAIL_DEST', 'MAIL_FROM']) expect(msg).toContain(key);
    expect(msg).toMatch(/^5 settings are not set: ISE_HOST \(/);
    expect(msg).toContain('ise-to-mail.env next to run.js');
    expect(msg).not.toContain('\n');
  });

  test('only the settings the command needs: mail for test-mail, ISE for setup, none for eem', () => {
    const mail = usageMessage(load({ require: ['mail'] }));
    expect(mail).toMatch(/SMTP_SERVER/);
    expect(mail).not.toMatch(/ISE_HOST|ISE_CA/);
    const ise = usageMessage(load({ require: ['ise'] }));
    expect(ise).toMatch(/^2 settings are not set: ISE_HOST .*ISE_CA/);
    expect(() => load({})()).not.toThrow();
  });

  test('invalid values and missing settings together, each named once', () => {
    const msg = usageMessage(
      load({ env: { SMTP_PORT: 'abc', PXGRID_PORT: 'x', MAIL_DEST: 'nope' }, require: ['ise', 'mail'] }),
    );
    expect(msg).toContain('PXGRID_PORT must be a port number (from the environment)');
    expect(msg).toContain('SMTP_PORT must be a port number (from the environment)');
    expect(msg).toContain('MAIL_DEST has an invalid address: nope');
    expect(msg).toMatch(/settings are not set: ISE_HOST .*ISE_CA .*SMTP_SERVER .*MAIL_FROM/);
    // MAIL_DEST is set, only wrong: it is not also reported as missing.
    expect(msg.match(/MAIL_DEST/g)).toHaveLength(1);
  });

  test('a bad ISE_HOST entry is one of the problems, not a stop', () => {
    const msg = usageMessage(load({ env: { ...FULL, ISE_HOST: 'ise a', SMTP_PORT: 'abc' }, require: ['ise'] }));
    expect(msg).toMatch(/ISE_HOST has an invalid entry "ise a"/);
    expect(msg).toMatch(/SMTP_PORT must be a port number/);
  });

  test('requireSettings lists every missing setting of its part', () => {
    const cfg = loadConfig({ baseDir: configDir(), env: {} });
    expect(usageMessage(() => requireSettings(cfg, ['mail']))).toMatch(
      /^3 settings are not set: SMTP_SERVER \(.*\), MAIL_DEST \(.*\), MAIL_FROM \(/,
    );
  });
});

describe('settings that go together', () => {
  test('MAIL_USER without MAIL_PASS, or the reverse, names the missing one', () => {
    expect(usageMessage(load({ env: { ...FULL, MAIL_USER: 'alerts' }, require: ['mail'] }))).toMatch(
      /^MAIL_PASS is not set but MAIL_USER is: set both for SMTP AUTH, or neither/,
    );
    expect(usageMessage(load({ env: { ...FULL, MAIL_PASS: 'secret-pass' }, require: ['mail'] }))).toMatch(
      /^MAIL_USER is not set but MAIL_PASS is: set both for SMTP AUTH, or neither/,
    );
    expect(() => load({ env: { ...FULL, MAIL_USER: 'a', MAIL_PASS: 'b' }, require: ['mail'] })()).not.toThrow();
  });

  test('PXGRID_KEY without PXGRID_CERT names the missing one', () => {
    expect(usageMessage(load({ env: { ...FULL, PXGRID_KEY: 'k.pem' }, require: ['ise'] }))).toMatch(
      /^PXGRID_CERT is not set but PXGRID_KEY is/,
    );
  });
});

describe('unknown keys', () => {
  test('in the config file: every one is named, with the closest known key', () => {
    const dir = configDir();
    writeFileSync(join(dir, 'ise-to-mail.env'), 'ISE_HOST=x\nSMTP_SEVRER=typo\nmail_dest=a@b.c\nFOO=1\n');
    const msg = usageMessage(() => loadConfig({ baseDir: dir, env: {} }));
    expect(msg).toContain('line 2: unknown key SMTP_SEVRER: did you mean SMTP_SERVER?');
    expect(msg).toContain('line 3: unknown key mail_dest: did you mean MAIL_DEST?');
    expect(msg).toMatch(/line 4: unknown key FOO; see 'run.js --help' for the list of variables/);
  });

  test('in the environment: a near miss is a warning, other variables are nobody else’s business', () => {
    const cfg = loadConfig({
      baseDir: configDir(),
      env: { SMTP_SEVRER: 'x', PATH: '/bin', HOME: '/root', MAILPATH: 'y' },
    });
    expect(cfg.warnings).toEqual([
      'environment variable SMTP_SEVRER is not a setting and is ignored: did you mean SMTP_SERVER?',
    ]);
  });

  test.each([
    ['SMTP_SEVRER', 'SMTP_SERVER'],
    ['SMPT_SERVER', 'SMTP_SERVER'],
    ['smtp_server', 'SMTP_SERVER'],
    ['ISE_HOSTS', 'ISE_HOST'],
    ['MAIL_PASSWORD', 'MAIL_PASS'],
    ['EXCLUDE_REASON', 'EXCLUDE_REASONS'],
    ['MAIL_IP', undefined],
    ['FOO', undefined],
  ])('closestKey(%s) = %s', (name, key) => {
    expect(closestKey(name)).toBe(key);
  });
});
