// Digest mode through a simulated clock (ISE_TO_MAIL_TEST_NOW): in-process by default, the bundle
// when a test is about the process (a crash failpoint kills it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeFailure } from '../fake/records';
import { attachmentText, parseCsv } from './mail';
import { simStart } from './sim-start';
import { type RunResult, startWorld, type World } from './world';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
// Simulated time starts at an hour boundary ahead of the real clock: the fake ISE's HTTP Date
// header, which seeds the cursor on a first empty poll, is real time, so it must not lie ahead.
export const H0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);

export interface Sim {
  w: World;
  at(offset: number, args?: string[], extra?: Record<string, string>): Promise<RunResult>;
  fail(offset: number, user: string, extra?: Record<string, unknown>): void;
  mailed(): string[][];
  spoolFiles(): string[];
}

let seq = 0;
/**
 * A fake ISE and SMTP server in digest mode, closed when the test ends (startWorld); `spawn` runs
 * dist/run.js instead of the CLI in-process.
 */
export async function sim(env: Record<string, string> = {}, { spawn = false } = {}): Promise<Sim> {
  let now = H0;
  const world = await startWorld({ ise: { now: () => now } });
  return {
    w: world,
    at: (offset, args = [], extra = {}) => {
      now = H0 + offset;
      const vars = { ALERT_MODE: 'digest', ...env, ISE_TO_MAIL_TEST_NOW: String(now), ...extra };
      return spawn ? world.run(args, vars) : world.runInProcess(args, vars);
    },
    fail: (offset, user, extra = {}) =>
      world.ise.addFailures(
        makeFailure({ timestamp: new Date(H0 + offset).toISOString(), userName: user, ...extra }, ++seq),
      ),
    // Users per mail, read from the attachment (every failure of a mail, muted ones too).
    mailed: () =>
      world.smtp.messages.map((m) =>
        parseCsv(attachmentText(m, 'failures.csv.gz'))
          .slice(1)
          .map((row) => row[2]!)
          .sort(),
      ),
    spoolFiles: () => readdirSync(join(world.stateDir, 'spool')).sort(),
  };
}

/** The simulated instant `offset` as the summary lines print it. */
export const at = (offset: number) => new Date(H0 + offset).toISOString().replace('T', ' ').slice(0, 19);
