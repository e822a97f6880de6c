// Summary lines carry one time format: ISO 8601 in UTC with milliseconds, the form of
// `(newest 2026-11-23T10:00:00.123Z)` that EEM applets already match. One helper writes it.
import { describe, expect, it } from 'vitest';
import { mute } from '../../src/commands/mute';
import { loadConfig } from '../../src/config/config';
import { summaryTime } from '../../src/core/times';
import { configDir } from '../helpers/config';

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;

describe('summaryTime', () => {
  it('is ISO 8601 UTC with milliseconds, whatever MAIL_TIMEZONE says', () => {
    expect(summaryTime(Date.parse('2026-11-23T11:00:00+01:00'))).toBe('2026-11-23T10:00:00.000Z');
    expect(summaryTime(Date.parse('2026-11-23T10:00:00.123Z'))).toBe('2026-11-23T10:00:00.123Z');
  });

  it('an unknown or impossible time is "?", never a throw', () => {
    expect(summaryTime(undefined)).toBe('?');
    expect(summaryTime(Number.NaN)).toBe('?');
    expect(summaryTime(9e15)).toBe('?');
  });
});

describe('summary fragments use it', () => {
  it('mute: until when, in the same form as newest (not in MAIL_TIMEZONE)', () => {
    const cfg = loadConfig({
      baseDir: configDir(),
      env: { STATE_DIR: 'data', MAIL_TIMEZONE: 'Europe/Zurich', ALERT_MODE: 'each-run' },
    });
    const out = mute(cfg, Date.parse('2026-11-23T09:00:00Z'), 'nas:sw-lab-01', { for: '8h' });
    expect(out.message).toMatch(/^muted: nas:sw-lab-01 until 2026-11-23T17:00:00\.000Z \(id 1\);/);
    expect(out.message.match(new RegExp(ISO, 'g'))).toHaveLength(1);
  });
});
