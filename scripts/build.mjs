// Bundles src/ into the one file users copy to the device: dist/run.js (CommonJS, Node >= 18.17).
// A plain esbuild bundle on purpose: whoever approves what runs on their switch can read and grep it
// (`grep rejectUnauthorized dist/run.js`), and supply-chain scanners see ordinary code.
// See: https://esbuild.github.io/api/
// Deterministic: no timestamps or commit ids, pinned esbuild, so CI can diff the result.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// `node scripts/build.mjs [outfile]`: the tests build into a temporary file (test/helpers/global-build.ts).
const outfile = process.argv[2] ? resolve(process.argv[2]) : `${root}dist/run.js`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Runs before any bundled module is evaluated. ES5 only, so an old Node parses and runs it and
// says clearly why it stops instead of printing a stack trace.
const guard = [
  '#!/usr/bin/env node',
  '"use strict";',
  '(function () {',
  '  var v = process.versions.node.split(".");',
  '  var major = Number(v[0]), minor = Number(v[1]);',
  '  if (major < 18 || (major === 18 && minor < 17)) {',
  '    process.stdout.write("ise-to-mail: ERROR needs Node.js >= 18.17, found " + process.version + "\\n");',
  '    process.exit(2);',
  '  }',
  '})();',
].join('\n');

const result = await build({
  entryPoints: [`${root}src/main.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // eem/*.txt (the applet templates users read) are bundled as strings for `run.js eem`.
  loader: { '.txt': 'text' },
  define: { __VERSION__: JSON.stringify(version) },
  banner: { js: guard },
  legalComments: 'eof',
  logLevel: 'warning',
  write: false,
  // Module paths as seen from the project (a symlinked node_modules must not change the output).
  preserveSymlinks: true,
});

// Pure ASCII output: V8 keeps a source with any non-Latin-1 character (here only in comments of
// dependencies) as a two-byte string: ~1 MB more RSS for the same start-up time (measured on this
// bundle). A \u escape means the same as the character in strings, regexes, templates and identifiers.
const text = result.outputFiles[0].text.replace(
  /[^\x00-\x7f]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
writeFileSync(outfile, text);
