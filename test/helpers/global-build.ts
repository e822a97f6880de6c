/**
 * Vitest global setup: every test run exercises the current source, never a stale dist/run.js.
 * The bundle is built once per `vitest run` into a temporary directory and handed to the tests
 * through `inject('bundle')` (test/helpers/world.ts). `npm run test:runtimes` sets
 * ISE_TO_MAIL_TEST_BUNDLE to the dist/run.js it has just built and checked, to skip a second build.
 * See: https://vitest.dev/config/#globalsetup
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    bundle: string;
  }
}

export default function setup(project: TestProject): () => void {
  const given = process.env.ISE_TO_MAIL_TEST_BUNDLE;
  if (given) {
    project.provide('bundle', resolve(given));
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-bundle-'));
  const bundle = join(dir, 'run.js');
  execFileSync(process.execPath, [resolve(__dirname, '../../scripts/build.mjs'), bundle], { stdio: 'inherit' });
  project.provide('bundle', bundle);
  return () => rmSync(dir, { recursive: true, force: true });
}
