// Loads the TypeScript test fakes (fake pxGrid, SMTP capture, record generator) into a plain node
// script by bundling them with esbuild into .cache/. Used by `npm run demo` and `npm run bench`.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadFakes() {
  mkdirSync(`${root}.cache`, { recursive: true });
  const outfile = `${root}.cache/fakes.cjs`;
  await build({
    stdin: {
      contents: [
        "export { startFakePxgrid } from './test/fake/pxgrid';",
        "export { startSmtp } from './test/fake/smtp';",
        "export { makeFailure, makeFailures } from './test/fake/records';",
        "export { sharedPki } from './test/fake/pki';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
