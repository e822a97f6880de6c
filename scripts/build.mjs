// Bundles src/ into the one file users copy to the device: dist/run.js (CommonJS, Node >= 18.17).
// See: https://esbuild.github.io/api/
// Deterministic on purpose: no timestamps or commit ids, pinned esbuild, so CI can diff the result.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // eem/*.txt (the applet templates users read) are bundled as strings for `run.js eem`.
  loader: { '.txt': 'text' },
  define: { __VERSION__: JSON.stringify(version) },
  legalComments: 'eof',
  logLevel: 'warning',
  write: false,
  // Module paths as seen from the project (a symlinked node_modules must not change the output).
  preserveSymlinks: true,
};

// Two bundles in one file, for start-up time. `--version` (EEM and scripts probe the install with
// it) must cost at most 1.3x `node -e 0`, and V8 reads and pre-parses a whole script
// before running any of it: for the ~860 KB of cli.ts and its dependencies (nodemailer, zod,
// commander) that kept --version at ~1.2x (~1.45x while undici was in). So everything main.ts
// reaches through `import('./cli')` is built separately, brotli-compressed (deterministic for the
// same input and quality) and embedded as a base64 string, which V8 only scans; on first use it is
// decompressed (~5 ms) and compiled with vm.Script (public API,
// https://nodejs.org/api/vm.html#class-vmscript) under the name "run.js (app)", so stack traces
// still point into it. dist/run.js stays one self-contained CJS file, now ~200 KB. Measured with
// hyperfine -N -w 5 -r 80 on the shared 2-core machine (means, one session): plain bundle 118.6 ms,
// embedded as text 112.8 ms, embedded compressed 94.4 ms, `node -e 0` 87.4 ms.
const app = await build({ ...common, entryPoints: [`${root}src/cli/cli.ts`] });
const appCode = app.outputFiles[0].text;
// Brotli (quality 11, deterministic) then base64: 860 KB of code become ~170 KB of string to scan.
const packed = brotliCompressSync(Buffer.from(appCode), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: appCode.length },
}).toString('base64');

/** Resolves main.ts's `./cli` to a module that compiles the embedded app bundle. */
const embedCli = {
  name: 'embed-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/cli$/ }, (args) =>
      args.importer.endsWith('main.ts') ? { path: 'embedded-cli', namespace: 'embed' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'embed' }, () => ({
      loader: 'js',
      contents: [
        "const { Script } = require('node:vm');",
        `const source = require('node:zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8');`,
        "const wrapper = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: __filename + ' (app)' });",
        'const app = { exports: {} };',
        'wrapper.runInThisContext()(app.exports, require, app, __filename, __dirname);',
        'module.exports = app.exports;',
      ].join('\n'),
    }));
  },
};

const result = await build({
  ...common,
  entryPoints: [`${root}src/main.ts`],
  outfile,
  banner: { js: guard },
  plugins: [embedCli],
});

// Pure ASCII output: V8 keeps a source with any non-Latin-1 character (here only in comments of
// dependencies) as a two-byte string, which measurably slows start-up on the device. A \u escape
// means the same as the character in strings, regexes, templates and identifiers alike.
const text = result.outputFiles[0].text.replace(
  /[^\x00-\x7f]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
writeFileSync(outfile, text);
