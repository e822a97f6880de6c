// The health mails' words and the doctor lines, in-process (the mails themselves are in
// test/integration/health.test.ts, through the CLI).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError, iseError, stateError } from '../../src/core/errors';
import { foldRecovery, problemMail } from '../../src/health/health-mail';
import { describeHealth } from '../../src/health/health-record';
import { headline } from '../../src/health/health-words';
import { accountStateError } from '../../src/pxgrid/account';
import { deadlineError, transportError } from '../../src/pxgrid/transport-errors';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 10, 0);
const ctx = (prefix: string) => ({ prefix, zone: 'UTC', device: 'sw-test', ise: 'ise.example.net:8910' });

describe('health mail rendering and the doctor lines', () => {
  it('names the problem from the kind of the error our code raised, never from its text', () => {
    const url = 'https://ise.example.net:8910/pxgrid/control/AccountActivate';
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    const says = (err: AppError | undefined) => [err?.exitCode, headline(err!.kind)];
    expect(says(transportError(url, coded('ECONNREFUSED')))).toEqual([4, 'cannot reach ISE']);
    expect(says(transportError(url, coded('SELF_SIGNED_CERT_IN_CHAIN')))).toEqual([4, 'TLS trust to ISE failed']);
    expect(says(deadlineError())).toEqual([4, 'ISE does not answer in time']);
    expect(says(accountStateError('x', 'DISABLED'))).toEqual([3, 'pxGrid account DISABLED on ISE']);
    expect(says(accountStateError('x', 'PENDING'))).toEqual([3, 'pxGrid account PENDING approval on ISE']);
    expect(says(stateError('state file x is corrupt'))).toEqual([2, 'configuration or state error']);
    // The message no longer decides: an ISE protocol error that mentions TLS is still a protocol error.
    expect(says(iseError('the TLS and RUN_DEADLINE words mean nothing here'))).toEqual([
      4,
      'ISE pxGrid answers with errors',
    ]);
  });

  it('keeps server-quoted text out of headers and HTML', () => {
    const hostile = 'cannot talk to pxGrid at ise: said "<script>x</script>"\r\nBcc: evil@example.net\u202e';
    const mail = problemMail(
      { kind: 'ise-unreachable', exitCode: 4, message: hostile, since: T0, failedRuns: 4, repeatMs: 24 * HOUR },
      ctx('[ISE]'),
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).not.toMatch(/\r|\nBcc:|\u202e/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    const folded = foldRecovery(
      { subject: '[ISE] 2 RADIUS failures', text: 'digest\n', html: '<html><body style="x">rows</body></html>' },
      { back: T0, since: T0 - HOUR, failedRuns: 6, lastError: { kind: 'ise-unreachable', message: hostile } },
      2,
      ctx('[ISE]'),
      'digest',
    );
    expect(folded.subject).toBe('[ISE] ise-to-mail RECOVERED; 2 RADIUS failures');
    const custom = foldRecovery(
      { subject: '[NOC] 2 RADIUS failures', text: '', html: '' },
      { back: T0, since: T0, failedRuns: 1 },
      2,
      ctx('[NOC]'),
      'mail',
    );
    expect(custom.subject).toBe('[NOC] ise-to-mail RECOVERED; 2 RADIUS failures');
    expect(folded.html).not.toContain('<script>');
    expect(folded.html.indexOf('working again')).toBeLessThan(folded.html.indexOf('rows'));
  });

  it('describeHealth: no record yet, and a corrupt one as a FAIL line with the remedy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-health-'));
    try {
      expect(describeHealth(dir, T0)).toEqual(['health: no record yet (the first scheduled run writes it)']);
      writeFileSync(join(dir, 'health.json'), '{"version":2}');
      expect(describeHealth(dir, T0)).toEqual([
        expect.stringMatching(
          /^health: FAIL state file .*health\.json is corrupt or from a newer release; delete it to reset/,
        ),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PROBLEM mail names what was configured', () => {
  it('a refused connection names the port in use, not the default 8910', () => {
    const coded = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    const err = transportError('https://ise.example.net:9443/pxgrid/control/ServiceLookup', coded);
    expect(err.message).toMatch(/PXGRID_PORT \(9443 here\)/);
    expect(err.message).not.toContain('8910');
  });
});

describe('the RECOVERED note folded into a mail', () => {
  it('says the backlog is in this digest, or in this mail when the run mails on its own', () => {
    const back = { back: T0, since: T0 - HOUR, failedRuns: 2 };
    const into = { subject: '[ISE] 3 RADIUS failures', text: '', html: '' };
    expect(foldRecovery(into, back, 3, ctx('[ISE]'), 'digest').text).toContain(
      'The 3 RADIUS failures ISE recorded meanwhile are in this digest.',
    );
    expect(foldRecovery(into, back, 1, ctx('[ISE]'), 'mail').text).toContain(
      'The 1 RADIUS failure ISE recorded meanwhile is in this mail.',
    );
  });
});
