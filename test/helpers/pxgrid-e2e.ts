import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunResult, World } from './world';

/** Every failing run: the exit code, and the summary line is ONE line holding all `parts`. */
export function expectFailure(r: RunResult, code: number, ...parts: Array<string | RegExp>): void {
  expect({ code: r.code, summary: r.summary }).toMatchObject({ code });
  expect(r.summary.startsWith('ise-to-mail: ERROR ') || r.summary.startsWith('ise-to-mail: WARN ')).toBe(true);
  for (const p of parts) expect(r.summary).toMatch(p);
  // Nothing after the summary; no stack trace on stderr without --verbose.
  expect(r.stdout.trimEnd().endsWith(r.summary)).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

export function accountFile(w: World): string {
  return join(w.stateDir, 'pxgrid-account.json');
}

export function storedAccount(w: World): { nodeName: string; password: string; mode: number } {
  const file = accountFile(w);
  return { ...JSON.parse(readFileSync(file, 'utf8')), mode: statSync(file).mode & 0o777 };
}

/** Control/service calls the fake saw, by last path segment. */
export function calls(w: World, name: string): number {
  return w.ise.requests.filter((r) => r.path.endsWith(`/${name}`)).length;
}
