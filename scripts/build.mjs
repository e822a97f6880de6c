// Bundles src/ into the one file users copy to the device: dist/run.js (CommonJS, Node >= 18.17).
// See: https://esbuild.github.io/api/
// Deterministic on purpose: no timestamps or commit ids, pinned esbuild, so CI can diff the result.
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  define: { __VERSION__: JSON.stringify(version) },
  legalComments: 'eof',
  logLevel: 'warning',
  write: false,
};

// Two bundles in one file, for start-up time. `--version` (EEM and scripts probe the install with
// it) must cost at most 1.3x `node -e 0` (issue 7), and V8 pre-parses every function of a script
// before running any of it: for the ~860 KB of cli.ts and its dependencies (nodemailer, zod,
// commander) that was ~20 ms. Everything main.ts reaches through `import('./cli')` is therefore
// built separately and embedded as a string literal, which V8 only scans; it is compiled with
// vm.Script (public API, https://nodejs.org/api/vm.html#class-vmscript) on first use, with a
// filename so stack traces still say where. Measured with hyperfine -N -w 5 -r 60 on the 2-core
// machine: --version 110 ms -> 96 ms against 87 ms for `node -e 0`.
const app = await build({ ...common, entryPoints: [`${root}src/cli.ts`] });
const appCode = app.outputFiles[0].text;

/** Resolves main.ts's `./cli` to a module that compiles the embedded app bundle. */
const embedCli = {
  name: 'embed-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli$/ }, (args) => (args.importer.endsWith('main.ts') ? { path: 'embedded-cli', namespace: 'embed' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'embed' }, () => ({
      loader: 'js',
      contents: [
        "const { Script } = require('node:vm');",
        `const source = ${JSON.stringify(appCode)};`,
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
  outfile: `${root}dist/run.js`,
  banner: { js: guard },
  plugins: [embedCli],
});

// Pure ASCII output: V8 keeps a source with any non-Latin-1 character (here only in comments of
// dependencies) as a two-byte string, which measurably slows start-up on the device. A \u escape
// means the same as the character in strings, regexes, templates and identifiers alike.
const text = result.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(`${root}dist/run.js`, text);
