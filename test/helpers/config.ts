/** Shared by the config unit tests: a complete set of required settings and the usage-error check. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { AppError } from '../../src/core/errors';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An empty directory standing for the one that holds run.js; removed after the file's tests. */
export function configDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-cfg-'));
  dirs.push(dir);
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
