/** Shared by the config unit tests: a complete set of required settings and the usage-error check. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { AppError } from '../../src/core/errors';

/**
 * An empty directory standing for the one that holds run.js; removed when the test ends. (A hook at
 * the top of a helper would run for the first test file of a worker only: files share modules.)
 */
export function configDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-cfg-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every setting `run` requires. */
export const FULL = {
  ISE_HOST: 'ise.example.net',
  ISE_CA: 'ca.pem',
  SMTP_SERVER: 'smtp.example.net',
  MAIL_DEST: 'a@example.net',
  MAIL_FROM: 'b@example.net',
};

/** The message of the usage error (exit 2) that `fn` throws. */
export function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
}
