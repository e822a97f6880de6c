// See: https://vitest.dev/config/
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // eem/*.txt load as strings, as esbuild's `loader: { '.txt': 'text' }` does in scripts/build.mjs.
  // `enforce: 'pre'` because Vite would otherwise serve .txt as an asset URL.
  plugins: [
    {
      name: 'txt-as-text',
      enforce: 'pre',
      load: (id) => (id.endsWith('.txt') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : undefined),
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Child processes and servers per test: two cores, keep the pool small.
    pool: 'forks',
    // isolate: false — the files of a worker share its module cache instead of importing src/ and
    // the fakes again for each file: half the CPU of `npm run test:fast` went to that. So a helper
    // must not register hooks at its top level (they would run for the first file of a worker
    // only): use onTestFinished, as startWorld does. https://vitest.dev/guide/improving-performance.html
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    // Never let a developer's own settings leak into a test.
    env: { ISE_TO_MAIL_CONFIG: '' },
  },
});
