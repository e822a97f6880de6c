// Bundles src/ into the one file users copy to the device: dist/run.js (CommonJS, Node >= 18.17).
// A plain esbuild bundle on purpose: whoever approves what runs on their switch can read and grep it
// (`grep rejectUnauthorized dist/run.js`), and supply-chain scanners see ordinary code.
// See: https://esbuild.github.io/api/
// Deterministic: no timestamps or commit ids, pinned esbuild, so CI can diff the result.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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
  outfile: `${root}dist/run.js`,
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
// dependencies) as a two-byte string, which measurably slows start-up on the device. A \u escape
// means the same as the character in strings, regexes, templates and identifiers alike.
const text = result.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(`${root}dist/run.js`, text);
