// EXCLUDE_USERS globs run on user names a supplicant chooses: matching must stay linear.
import { expect, test } from 'vitest';
import { compileFilters, NO_FILTERS } from '../../src/format/filters';

test('a hostile 253-character user name against a star-heavy EXCLUDE_USERS glob takes linear time', () => {
  const filter = compileFilters({ ...NO_FILTERS, excludeUsers: ['*a*a*a*b', 'host/*'] });
  // RADIUS User-Name is at most 253 octets (RFC 2865 §5.1).
  const record = { id: '1', timestamp: '2026-11-23T10:00:00Z', userName: 'a'.repeat(253) };
  const t0 = performance.now();
  expect(filter(record)).toBeUndefined();
  expect(performance.now() - t0).toBeLessThan(200);
  expect(filter({ ...record, userName: 'HOST/pc-1.example.net' })).toBe('EXCLUDE_USERS');
  expect(filter({ ...record, userName: 'xaxaxab' })).toBe('EXCLUDE_USERS');
});
