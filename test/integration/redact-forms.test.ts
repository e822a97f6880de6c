// Secrets in every form a peer may quote back (issue 23 point 11): the per-run pxGrid AccessSecret
// echoed by a node in its Authorization header, and SMTP AUTH PLAIN quoted as unpadded base64 or
// hex. None may reach the summary line, --json, stderr, health.json or a mail. In-process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { startWorld } from '../helpers/world';

const MIN = 60_000;
const GET_FAILURES = '/pxgrid/ise/radius/getFailures';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const forms = (s: string) => [s, b64(s), b64(s).replace(/=+$/, ''), Buffer.from(s).toString('hex')];

describe('the pxGrid AccessSecret', () => {
  test.each([
    ['a 200 reply without failures', 200],
    ['an error reply', 500],
  ])('echoed by a node in %s: redacted everywhere, PROBLEM mail included', async (_what, status) => {
    const w = await startWorld();
    w.ise.addFailures(makeFailure({}, 1));
    const seen: string[] = [];
    w.ise.fault(GET_FAILURES, {
      times: 4,
      status,
      chunks: (_body, headers) => {
        const auth = String(headers.authorization);
        const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString();
        seen.push(decoded);
        return [JSON.stringify({ echo: auth, user: decoded, hex: Buffer.from(decoded).toString('hex') })];
      },
    });
    const t0 = Date.now();
    const env = { HEALTH_ALERT_AFTER: '20m' };
    const first = await w.runInProcess(['--json', '--verbose'], env, () => t0);
    expect(first.code).toBe(4);
    const second = await w.runInProcess([], env, () => t0 + 25 * MIN);
    expect(second.code).toBe(4);
    expect(second.summary).toMatch(/problem mail sent/);
    const [, secret] = seen[0]!.split(/:(.*)/s) as [string, string];
    expect(secret.length).toBeGreaterThan(8);
    const mails = w.smtp.messages.map((m) => `${m.parsed.subject}\n${m.parsed.text}\n${m.parsed.html}`).join('\n');
    const health = readFileSync(join(w.stateDir, 'health.json'), 'utf8');
    const everything = [first.stdout, first.stderr, second.stdout, second.stderr, health, mails].join('\n');
    // A 200 reply is quoted in the summary (the echo reached it, scrubbed); an error status is not.
    if (status === 200) expect(first.summary).toContain('***');
    for (const form of [...forms(secret), ...forms(seen[0]!)]) expect(everything).not.toContain(form);
  });
});

describe('SMTP AUTH PLAIN quoted back', () => {
  // Three user-name lengths: every padding case of base64 (none, `=`, `==`).
  test.each([
    ['unpadded', 'ab@example.net'],
    ['unpadded', 'abc@example.net'],
    ['unpadded', 'abcd@example.net'],
    ['hex', 'abc@example.net'],
  ] as const)('quoted as %s (user %s): redacted', async (echoAuth, user) => {
    const pass = 'Wr0ng-but-secret-pass';
    const w = await startWorld({
      smtp: { auth: { user, pass: 'the-right-pass' }, authMethods: ['PLAIN'], echoAuth },
    });
    w.ise.addFailures(makeFailure({}, 1));
    const r = await w.runInProcess(['--verbose'], { MAIL_USER: user, MAIL_PASS: pass });
    expect(r.code).toBe(5);
    expect(r.summary).toMatch(/Authentication credentials invalid \(got \*\*\*\)/);
    const out = `${r.stdout}\n${r.stderr}\n${readFileSync(join(w.stateDir, 'health.json'), 'utf8')}`;
    for (const plain of [`\0${user}\0${pass}`, `${user}\0${user}\0${pass}`, pass])
      for (const form of forms(plain)) expect(out).not.toContain(form);
  });
});
