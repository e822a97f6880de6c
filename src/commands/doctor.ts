import { requireSettings, type Config } from '../config/config';
import { Deadline } from '../deadline';
import { AppError, Exit, describe, type ExitCode } from '../errors';
import type { Io, Outcome, System } from '../outcome';
import { loadTls, type TlsMaterial } from '../pxgrid/tls';
import { iseChecks } from './doctor-ise';
import { describeHealth } from '../state/health';
import { smtpChecks, stateDirCheck } from './doctor-local';

export interface CheckResult {
  name: string;
  /** `info` lines (the health record's history) are shown but not counted as checks. */
  status: 'ok' | 'FAIL' | 'skip' | 'info';
  /** What was found, or for FAIL what is wrong and what to do. One line, no secret. */
  detail: string;
  /** The exit-code class of a failure (config 2, account 3, ISE 4, mail 5). */
  exitCode: ExitCode;
}

export interface DoctorContext {
  cfg: Config;
  sys: System;
  deadline: Deadline;
}


/** Prints each check as it finishes, so a slow step shows where it is. */
export class DoctorReport {
  readonly results: CheckResult[] = [];

  constructor(private readonly io: Io) {}

  add(r: CheckResult): void {
    this.results.push(r);
    this.io.out(`${r.status.padEnd(4)} ${r.name}: ${r.detail}`.replace(/[\r\n]+/g, ' '));
  }

  ok(name: string, detail: string): void {
    this.add({ name, status: 'ok', detail, exitCode: Exit.ok });
  }

  fail(name: string, err: unknown, fallback: ExitCode = Exit.internal): void {
    const exitCode = err instanceof AppError ? err.exitCode : fallback;
    this.add({ name, status: 'FAIL', detail: err instanceof Error ? (err instanceof AppError ? err.message : describe(err)) : String(err), exitCode });
  }

  skip(name: string, why: string): void {
    this.add({ name, status: 'skip', detail: why, exitCode: Exit.ok });
  }

  /** Runs one check: its resolved text is the `ok` detail, a throw is the FAIL line. */
  async probe<T>(name: string, fallback: ExitCode, fn: () => Promise<{ value: T; detail: string }> | { value: T; detail: string }): Promise<T | undefined> {
    try {
      const { value, detail } = await fn();
      this.ok(name, detail);
      return value;
    } catch (err) {
      this.fail(name, err, fallback);
      return undefined;
    }
  }

  outcome(): Outcome {
    const failed = this.results.filter((r) => r.status === 'FAIL');
    const counted = this.results.filter((r) => r.status === 'ok' || r.status === 'FAIL').length;
    const first = failed[0];
    if (!first) return { exitCode: Exit.ok, status: 'OK', message: `doctor: all ${counted} checks passed` };
    return {
      exitCode: first.exitCode,
      status: 'ERROR',
      message: `doctor: ${failed.length} of ${counted} checks failed, first: ${first.name}`,
      data: { failed: failed.map((r) => r.name) },
    };
  }
}

/** One line per check, `ok`/`FAIL` + remedy; exit 0 only when all pass. */
export async function doctor(loadConfig: () => Config, sys: System, io: Io): Promise<Outcome> {
  const report = new DoctorReport(io);
  const cfg = await report.probe('config', Exit.usage, () => {
    const c = loadConfig();
    return { value: c, detail: `${c.configFile ?? 'no config file, environment only'}; STATE_DIR ${c.stateDir}` };
  });
  if (!cfg) return report.outcome();
  const ctx: DoctorContext = { cfg, sys, deadline: new Deadline(cfg.deadlineMs, sys.now) };
  const tls = await report.probe<TlsMaterial>('config ISE', Exit.usage, () => {
    requireSettings(cfg, ['ise']);
    const auth = cfg.ise.cert ? `certificate ${cfg.ise.cert} (key matches)` : 'password';
    return { value: loadTls(cfg.ise, sys.now()), detail: `${cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(', ')}, client ${cfg.ise.nodeName}, ${auth} auth` };
  });
  const mail = await report.probe('config mail', Exit.usage, () => {
    requireSettings(cfg, ['mail']);
    return { value: true, detail: `${cfg.smtp.host}:${cfg.smtp.port} (${cfg.smtp.security}), from ${cfg.mail.from} to ${cfg.mail.dest.length} recipient(s)` };
  });
  await stateDirCheck(ctx, report);
  if (tls) await iseChecks(ctx, report, tls);
  else report.skip('ISE', 'fix the ISE settings first');
  if (mail) await smtpChecks(ctx, report);
  else report.skip('SMTP', 'fix the mail settings first');
  healthLines(ctx, report);
  return report.outcome();
}

/**
 * The health record (README "health") as history: what the scheduled runs saw lately. Only an
 * unreadable record is a FAIL; today's state is what the checks above report.
 */
function healthLines(ctx: DoctorContext, report: DoctorReport): void {
  for (const line of describeHealth(ctx.cfg.stateDir, ctx.sys.now())) {
    const text = line.replace(/^health: /, '');
    if (text.startsWith('FAIL ')) report.add({ name: 'health', status: 'FAIL', detail: text.slice(5), exitCode: Exit.usage });
    else report.add({ name: 'health', status: 'info', detail: text, exitCode: Exit.ok });
  }
}
