// docs/configuration.md is generated from the settings table: a page that differs from what the
// table gives is stale (run `npm run docs:config` and commit the page).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationPage } from '../../src/config/reference';
import { SETTINGS } from '../../src/config/settings';

const page = readFileSync(resolve(__dirname, '../../docs/configuration.md'), 'utf8');

describe('docs/configuration.md', () => {
  it('is what npm run docs:config writes from the settings table', () => {
    expect(page, 'docs/configuration.md is stale: run npm run docs:config').toBe(configurationPage());
  });

  it('has one row per setting, with its default', () => {
    for (const [key, s] of Object.entries(SETTINGS)) {
      const row = page.split('\n').find((l) => l.startsWith(`| \`${key}\``));
      expect(row, key).toBeDefined();
      if ('unset' in s) expect(row).toContain(`| ${s.unset} |`);
      else if ('default' in s && s.default) expect(row).toContain(`| \`${s.default}\` |`);
    }
  });
});
