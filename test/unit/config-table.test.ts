// The settings table (src/config/settings.ts) is the only source of readers, defaults, the
// --help listing and docs/configuration.md. These pin what the table must keep.
import { describe, expect, test } from 'vitest';
import { helpEpilog } from '../../src/cli/help';
import { defaults } from '../../src/config/schema';
import { SETTINGS } from '../../src/config/settings';

describe('settings table', () => {
  test('the defaults are the documented ones (durations in ms)', () => {
    const { EXCLUDE_REASONS, INCLUDE_REASONS, EXCLUDE_USERS, EXCLUDE_NAS, ...rest } = defaults();
    expect([EXCLUDE_REASONS, INCLUDE_REASONS, EXCLUDE_USERS, EXCLUDE_NAS]).toEqual([[], [], [], []]);
    expect(JSON.parse(JSON.stringify(rest))).toEqual({
      PXGRID_PORT: 8910,
      PXGRID_USER: 'ise_to_mail',
      ISE_INSECURE: false,
      MAIL_MAX_BYTES: 10_000_000,
      MAIL_FROM_NAME: 'ISE RADIUS alerts',
      MAIL_SUBJECT_PREFIX: '[ISE]',
      MAIL_MAX_ROWS: 50,
      MAIL_TIMEZONE: 'UTC',
      MAIL_ATTACH: 'csv',
      STORM_THRESHOLD: 5000,
      STATE_DIR: 'data',
      CURSOR_OVERLAP: 600_000,
      RUN_DEADLINE: 150_000,
      HEALTH_ALERT_AFTER: 1_800_000,
      HEALTH_REPEAT: 86_400_000,
      HEARTBEAT: 'off',
      ALERT_MODE: 'digest',
      DIGEST_EVERY: 3_600_000,
      INCIDENTS: 'auto',
      INCIDENT_LEARNING: 86_400_000,
      INCIDENT_QUIET: 1_800_000,
      INCIDENT_NAS_WIDE: true,
      INCIDENT_NAS_WIDE_MIN: 5,
      INCIDENT_NAS_WIDE_FACTOR: 3,
      INCIDENT_NAS_WIDE_WINDOW: 600_000,
      INCIDENT_NEW_REASON: true,
      INCIDENT_NEW_REASON_MEMORY: 7 * 86_400_000,
      INCIDENT_SPIKE: true,
      INCIDENT_SPIKE_MIN: 30,
      INCIDENT_SPIKE_FACTOR: 4,
      INCIDENT_LOCKOUT: true,
      INCIDENT_LOCKOUT_MIN: 10,
      INCIDENT_LOCKOUT_WINDOW: 600_000,
      INCIDENT_LOCKOUT_REASONS: ['22040', '24408'],
      INCIDENT_STORM: true,
      INCIDENT_GUESSING: true,
      INCIDENT_IDENTITY_STORE: true,
      INCIDENT_ADMIN_LOGIN: true,
      INCIDENT_ADMIN_LOGIN_MIN: 5,
    });
  });

  test('a list default is a fresh copy on every read', () => {
    const a = defaults();
    a.INCIDENT_LOCKOUT_REASONS = 'any';
    expect(defaults().INCIDENT_LOCKOUT_REASONS).toEqual(['22040', '24408']);
  });

  test('--help lists every setting, its alias and default, within 80 columns', () => {
    const help = helpEpilog();
    for (const [key, s] of Object.entries(SETTINGS)) {
      const line = help.split('\n').find((l) => l.startsWith(`    ${key} `) || l.trimEnd() === `    ${key}`);
      expect(line, key).toBeDefined();
      if ('alias' in s) expect(line).toContain(`(${s.alias})`);
    }
    expect(help).toContain('pxGrid port when a host has none [8910]');
    expect(help.split('\n').filter((l) => l.length > 79)).toEqual([]);
  });
});
