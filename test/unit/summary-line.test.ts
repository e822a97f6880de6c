// The summary line is what EEM logs to syslog: one message, so it is capped at SUMMARY_MAX (800)
// characters (docs/device.md, "Syslog"), cut after secrets are removed, never mid-character.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { Exit } from '../../src/core/errors';
import { formatSummary, type Outcome, SUMMARY_MAX } from '../../src/core/outcome';

const outcome = (message: string): Outcome => ({ exitCode: Exit.usage, status: 'ERROR', message });

describe('summary line', () => {
  it('is at most 800 characters, cut in the middle: it starts with what happened, ends with what to do', () => {
    expect(SUMMARY_MAX).toBe(800);
    const line = formatSummary(outcome(`ISE_HOST is wrong; ${'x'.repeat(1000)}; fix ISE_HOST`), false);
    expect(line).toHaveLength(800);
    expect(line).toMatch(/^ise-to-mail: ERROR ISE_HOST is wrong; x+ \.\.\. x+; fix ISE_HOST$/);
    const short = formatSummary(outcome('no new failures'), false);
    expect(short).toBe('ise-to-mail: ERROR no new failures');
  });

  it('removes a secret before cutting, so no part of it is left at the cut', () => {
    const secret = 'S3cretPassw0rd-long-enough';
    // 'ise-to-mail: ERROR ' is 19 characters: the secret starts 10 characters before the head's cut.
    const message = `${'a'.repeat(SUMMARY_MAX / 2 - 29)}${secret}${'z'.repeat(SUMMARY_MAX)}`;
    const line = formatSummary(outcome(message), false, [secret]);
    expect(line).not.toContain('S3cret');
    expect(line.length).toBeLessThanOrEqual(SUMMARY_MAX);
  });

  it('never cuts a surrogate pair in half', () => {
    // 19 + 380 characters, then emoji: the head's cut at 400 falls inside the first one.
    const line = formatSummary(outcome(`${'b'.repeat(380)}${'😀'.repeat(400)}`), false);
    expect(line.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(line).toContain('b ... 😀');
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    const odd = formatSummary(outcome(`${'😀'.repeat(400)}c`), false);
    expect(odd).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('is not cut in --json, which no applet logs', () => {
    const json = formatSummary(outcome('y'.repeat(1200)), true);
    expect(JSON.parse(json).message).toHaveLength(1200);
  });

  it('when cut, the whole message goes to stderr first, without the prefix the applet matches', async () => {
    let stdout = '';
    let stderr = '';
    const word = `w${'o'.repeat(900)}rd`;
    const code = await runCli(
      [word],
      { pid: 1, now: Date.now, alive: () => false, baseDir: '/nonexistent', env: {} },
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    );
    expect(code).toBe(2);
    const last = stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toHaveLength(SUMMARY_MAX);
    expect(last).toMatch(
      /^ise-to-mail: ERROR unknown command "wooo+ \.\.\. o+rd": the commands are run, .*; see --help$/,
    );
    expect(stderr).toContain(`unknown command "${word}": the commands are run,`);
    expect(stderr).not.toMatch(/ise-to-mail: (OK|WARN|ERROR)/);
  });
});
