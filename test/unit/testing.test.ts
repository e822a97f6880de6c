// The test hooks main.ts reads from ISE_TO_MAIL_TEST_*: the crash failpoint and the test clock.
import { afterEach, expect, test } from 'vitest';
import { applyTestEnv, armFailpoints, failpoint, testClock } from '../../src/core/testing';

afterEach(() => armFailpoints(undefined));

test('ISE_TO_MAIL_TEST_CRASH kills at its phase only; unset, failpoints do nothing', () => {
  const kills: string[] = [];
  applyTestEnv({ ISE_TO_MAIL_TEST_CRASH: 'spool-commit' }, () => kills.push('kill'));
  failpoint('after-fetch');
  failpoint('spool-segment');
  expect(kills).toEqual([]);
  failpoint('spool-commit');
  expect(kills).toEqual(['kill']);
  applyTestEnv({}, () => kills.push('kill'));
  failpoint('spool-commit');
  expect(kills).toEqual(['kill']);
});

test('ISE_TO_MAIL_TEST_NOW starts the clock at an ISO instant or epoch ms, then runs in real time', () => {
  let real = 1_000;
  const iso = testClock('2026-03-01T00:00:00Z', () => real)!;
  const ms = testClock('86400000', () => real)!;
  expect(iso()).toBe(Date.parse('2026-03-01T00:00:00Z'));
  expect(ms()).toBe(86_400_000);
  real += 5_000;
  expect(iso()).toBe(Date.parse('2026-03-01T00:00:05Z'));
  expect(ms()).toBe(86_405_000);
});

test('an unset or unreadable ISE_TO_MAIL_TEST_NOW leaves the real clock', () => {
  expect(testClock(undefined)).toBeUndefined();
  expect(testClock('')).toBeUndefined();
  expect(testClock('next tuesday')).toBeUndefined();
  expect(applyTestEnv({ ISE_TO_MAIL_TEST_NOW: 'soon' }, () => undefined)).toBe(Date.now);
});
