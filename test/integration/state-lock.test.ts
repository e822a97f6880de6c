// The run lock on a real filesystem: one run at a time per STATE_DIR, and a lock left by a dead
// run does not block the next ones.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, Exit } from '../../src/core/errors';
import { stateFile } from '../../src/state/files';
import { acquireLock } from '../../src/state/lock';
import { inprocFixtures, lockEnv } from '../helpers/inproc';

const { tempDir } = inprocFixtures();
const T0 = Date.parse('2030-01-02T03:04:05Z');

const env = (pid: number, alive?: (pid: number) => boolean) => lockEnv(pid, T0, alive);

function locked(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the lock to be refused');
}

describe('the run lock', () => {
  it('acquire creates the lock file (and STATE_DIR); release removes it', () => {
    const stateDir = join(tempDir(), 'data');
    const release = acquireLock(stateDir, env(101));
    expect(existsSync(stateFile.lock(stateDir))).toBe(true);
    release();
    expect(existsSync(stateFile.lock(stateDir))).toBe(false);
    acquireLock(stateDir, env(102))();
  });

  it('a second run while the first holds it is refused with kind locked (exit 6)', () => {
    const stateDir = tempDir();
    const release = acquireLock(stateDir, env(101));
    const err = locked(() => acquireLock(stateDir, env(102)));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'locked', exit: Exit.locked });
    expect(err.message).toContain(stateFile.lock(stateDir));
    expect(err.message).toMatch(/pid 101/);
    expect(existsSync(stateFile.lock(stateDir))).toBe(true);
    release();
    expect(existsSync(stateFile.lock(stateDir))).toBe(false);
  });

  it('the lock of a dead process is taken over, and then holds against others', () => {
    const stateDir = tempDir();
    const releaseDead = acquireLock(stateDir, env(101));
    const asked: number[] = [];
    const deadIs101 = (pid: number) => {
      asked.push(pid);
      return pid !== 101;
    };
    const release = acquireLock(stateDir, env(102, deadIs101));
    expect(asked).toContain(101);
    expect(locked(() => acquireLock(stateDir, env(103))).kind).toBe('locked');
    // The run that lost its lock must not free its successor's.
    releaseDead();
    expect(existsSync(stateFile.lock(stateDir))).toBe(true);
    expect(locked(() => acquireLock(stateDir, env(103))).message).toMatch(/pid 102/);
    release();
    expect(existsSync(stateFile.lock(stateDir))).toBe(false);
  });
});
