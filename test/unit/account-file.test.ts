// The pxGrid account file is read once per run: the secrets to redact (secretsOf) and the pxGrid
// credentials come from one read while the file is unchanged, and a changed or removed file is
// seen at once. To observe the reads without spying on fs, the file is rewritten in place with a
// password of the same length and its mtime set back: only a fresh read can see the new password.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { AppError } from '../../src/core/errors';
import { credentials } from '../../src/pxgrid/account';
import { secretsOf } from '../../src/state/secrets';
import { configDir, FULL } from '../helpers/config';

const FIRST = 'first-secret-1111';
const OTHER = 'other-secret-2222';
/** Whole seconds, so the mtime set back is exactly the one before. */
const MTIME = 1_700_000_000;

function setUp() {
  const dir = configDir();
  const cfg = loadConfig({ baseDir: dir, env: { ...FULL, STATE_DIR: dir } });
  const file = join(dir, 'pxgrid-account.json');
  /** Writes the account file in place (same inode) with `password`, mtime MTIME + `later` s. */
  const store = (password: string, later = 0) => {
    writeFileSync(file, `${JSON.stringify({ version: 1, nodeName: cfg.ise.nodeName, password })}\n`);
    utimesSync(file, MTIME + later, MTIME + later);
  };
  const password = async () => (await credentials(cfg, undefined, cfg.stateDir)).auth.pass;
  return { cfg, file, store, password };
}

describe('the pxGrid account file', () => {
  it('is read once for the secrets to redact and the pxGrid credentials while it is unchanged', async () => {
    const { cfg, store, password } = setUp();
    store(FIRST);
    expect(secretsOf(cfg)).toContain(FIRST);
    store(OTHER); // same inode, size and mtime: only a second read would see it
    expect(await password()).toBe(FIRST);
    expect(secretsOf(cfg)).toContain(FIRST);
  });

  it('is read again once it changed, and a removed or corrupt file is reported on every call', async () => {
    const { cfg, file, store, password } = setUp();
    store(FIRST);
    expect(await password()).toBe(FIRST);
    store(OTHER, 1);
    expect(await password()).toBe(OTHER);
    expect(secretsOf(cfg)).toContain(OTHER);
    rmSync(file);
    const missing = await password().catch((err: unknown) => err);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).message).toMatch(/no pxGrid account yet/);
    writeFileSync(file, '{not json');
    for (let i = 0; i < 2; i++) await expect(password()).rejects.toThrow(/is corrupt/);
    expect(secretsOf(cfg)).not.toContain(OTHER);
  });
});
