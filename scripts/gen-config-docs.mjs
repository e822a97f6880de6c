// Writes docs/configuration.md from the settings table (src/config/settings.ts), through
// src/config/reference.ts bundled in memory by esbuild. `--check`: exit 1 when the page is stale.
// test/unit/config-docs.test.ts runs the same check inside `npm test`.
// Usage: npm run docs:config [-- --check]

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const page = `${root}docs/configuration.md`;
const result = await build({
  entryPoints: [`${root}src/config/reference.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const module = { exports: {} };
new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(page));
const text = module.exports.configurationPage();

if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(page, 'utf8');
  } catch {}
  if (old !== text) {
    console.error('docs/configuration.md is stale: run npm run docs:config and commit it');
    process.exit(1);
  }
} else {
  writeFileSync(page, text);
  console.log('wrote docs/configuration.md');
}
