// Loads the TypeScript test fakes (fake pxGrid, SMTP capture, record generator) into a plain node
// script by bundling them with esbuild into .cache/. Used by `npm run demo`, `bench` and `replay`.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles TypeScript (esbuild `stdin` or `entryPoints`) into .cache/<name>.cjs and loads it. */
export async function loadTs(name, input) {
  mkdirSync(`${root}.cache`, { recursive: true });
  const outfile = `${root}.cache/${name}.cjs`;
  await build({
    ...input,
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

export function loadFakes() {
  return loadTs('fakes', {
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
  });
}
