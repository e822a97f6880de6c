// Shared set-up for tests that drive src/ modules in-process against the fakes on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { AppError } from '../../src/core/errors';
import { sharedPki } from '../fake/pki';
import { type FakePxgrid, type FakePxgridOptions, startFakePxgrid } from '../fake/pxgrid';
import { type FakeSmtp, type FakeSmtpOptions, startSmtp } from '../fake/smtp';

/** Everything a test opened is closed after it, even when it failed half-way. */
export function useCleanups(): (close: () => Promise<void> | void) => void {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });
  return (close) => {
    cleanups.push(close);
  };
}

/**
 * The fakes and a temporary directory, each closed or removed after the test. Concurrent tests
 * pass their own `onTestFinished`: a shared afterEach would close the servers of a test still running.
 */
export function inprocFixtures(defer: (close: () => Promise<void> | void) => void = useCleanups()) {
  const pki = sharedPki();
  return {
    pki,
    defer,
    pxgrid: async (opts: FakePxgridOptions = {}): Promise<FakePxgrid> => {
      const px = await startFakePxgrid({ pki, ...opts });
      defer(() => px.close());
      return px;
    },
    smtp: async (opts: FakeSmtpOptions = {}): Promise<FakeSmtp> => {
      const s = await startSmtp({ pki, ...opts });
      defer(() => s.close());
      return s;
    },
    tempDir: (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-inproc-'));
      defer(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}

/** A port nothing listens on: bind, read the port, close. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** The AppError a promise rejects with; fails the test when it resolves or throws something else. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The whole body of a response, read through its stream. */
export async function bodyText(body: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A process environment for acquireLock whose clock stands at `now`. The age limit is given under
 * both names it has had (staleAfterMs, maxRunMs); returned as a value, not written as a literal
 * argument, so either shape of LockEnv accepts it.
 */
export function lockEnv(pid: number, now: number, alive: (pid: number) => boolean = () => true) {
  const env = { pid, now: () => now, alive, staleAfterMs: 3_600_000, maxRunMs: 3_600_000 };
  return env;
}
