import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError, describe, Exit, type ExitCode } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';

/** One line of `doctor`'s report and the report itself; the checks live beside this file. */
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
    this.add({
      name,
      status: 'FAIL',
      detail: err instanceof Error ? (err instanceof AppError ? err.message : describe(err)) : String(err),
      exitCode,
    });
  }

  skip(name: string, why: string): void {
    this.add({ name, status: 'skip', detail: why, exitCode: Exit.ok });
  }

  /** Runs one check: its resolved text is the `ok` detail, a throw is the FAIL line. */
  async probe<T>(
    name: string,
    fallback: ExitCode,
    fn: () => Promise<{ value: T; detail: string }> | { value: T; detail: string },
  ): Promise<T | undefined> {
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
