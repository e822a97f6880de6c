// The simulated clock the incident tests drive the CLI through in-process (ISE_TO_MAIL_TEST_NOW).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailureRecord } from '../fake/records';
import { makeFailure } from '../fake/records';
import type { FakeSmtpOptions } from '../fake/smtp';
import { simStart } from './sim-start';
import { type RunResult, startWorld, type World } from './world';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
// A whole hour, so the runs of a test share one hour of the day (the spike baseline's bucket).
export const T0 = simStart(Math.floor(Date.now() / HOUR) * HOUR - HOUR);
export const SECRET = '11036 The Message-Authenticator RADIUS attribute is invalid';
export const AD_PW =
  '24408 User authentication against Active Directory failed since user has entered the wrong password';
export const EAP = '5440 Endpoint abandoned EAP session and started new';

export interface Sim {
  w: World;
  at(offsetMs: number, extra?: Record<string, string>, args?: string[]): Promise<RunResult>;
  add(offsetMs: number, n: number, o: Partial<FailureRecord>): void;
  mails(): Array<{ subject: string; text: string; html: string }>;
  state(): { open: Array<{ id: string; mailed: boolean }>; resolved: unknown[] } | undefined;
}

/**
 * A fake ISE and SMTP server, closed when the test ends (startWorld); `at` runs the CLI in-process
 * at T0 + offset with incidents on.
 */
export async function sim(env: Record<string, string> = {}, smtp?: FakeSmtpOptions): Promise<Sim> {
  let now = T0;
  const world = await startWorld({ ise: { now: () => now }, smtp });
  let seq = 0;
  const file = join(world.stateDir, 'incidents.json');
  const base = { INCIDENTS: 'on', INCIDENT_LEARNING: '10m', ...env };
  return {
    w: world,
    at: (offsetMs, extra = {}, args = []) => {
      now = T0 + offsetMs;
      return world.runInProcess(args, { ...base, ISE_TO_MAIL_TEST_NOW: String(now), ...extra });
    },
    add: (offsetMs, n, o) => {
      for (let i = 0; i < n; i++) {
        const hex = (n: number) => String(n).padStart(2, '0');
        const station = `02:00:00:00:${hex(Math.floor(seq / 100))}:${hex(seq % 100)}`;
        const t = new Date(T0 + offsetMs + i * 1000).toISOString();
        world.ise.addFailures(
          makeFailure({ timestamp: t, userName: `user${seq}`, callingStationId: station, ...o }, ++seq),
        );
      }
    },
    mails: () =>
      world.smtp.messages.map((m) => ({
        subject: m.parsed.subject ?? '',
        text: m.parsed.text ?? '',
        html: String(m.parsed.html),
      })),
    state: () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined),
  };
}

export const hhmm = (offset: number) => new Date(T0 + offset).toISOString().slice(11, 16);
