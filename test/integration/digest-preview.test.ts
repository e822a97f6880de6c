// In digest mode `run --dry-run` previews exactly the subject and body that `run --flush` sends
// (issue 21: the preview used to show a per-run mail with another subject and no period line).
import { describe, expect, it } from 'vitest';
import { runPoll } from '../../src/commands/run';
import { loadConfig } from '../../src/config/config';
import type { Io, System } from '../../src/core/outcome';
import { makeFailures } from '../fake/records';
import { inprocFixtures } from '../helpers/inproc';

const { pki, pxgrid, smtp, tempDir } = inprocFixtures();

describe('digest preview', () => {
  it('run --dry-run prints the subject and text part that run --flush then sends', async () => {
    const px = await pxgrid({ autoApprove: true });
    const mail = await smtp();
    const baseDir = tempDir();
    const env = {
      ISE_HOST: `localhost:${px.port}`,
      ISE_CA: pki.caFile,
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      SMTP_SECURITY: 'none',
      MAIL_FROM: 'ise-alerts@example.net',
      MAIL_DEST: 'noc@example.net',
      ALERT_MODE: 'digest',
      MAIL_TIMEZONE: 'Europe/Zurich',
      ISE_ADMIN_URL: 'https://ise-pan.example.net',
      INCIDENTS: 'off',
    };
    const cfg = loadConfig({ baseDir, env, hostname: 'sw-test-01' });
    // One instant for every run: the period line names the minute it was built.
    const t = Date.now();
    const sys: System = { pid: process.pid, now: () => t, alive: () => false, baseDir, env };
    const lines: string[] = [];
    const io: Io = { out: (l) => lines.push(l), err: () => undefined, debug: () => undefined };
    const run = { dryRun: false, resetCursor: false };

    px.setFailures(makeFailures(3, { start: t - 20 * 60_000, stepMs: 60_000 }));
    expect((await runPoll(cfg, run, sys, io)).message).toMatch(/^3 new failures spooled; 3 pending for the digest at /);
    px.setFailures(makeFailures(5, { start: t - 20 * 60_000, stepMs: 60_000 }));

    const dry = await runPoll(cfg, { ...run, dryRun: true }, sys, io);
    expect(dry.message).toMatch(/^dry run: 2 new failures found; the digest of 5 failures would go out at /);
    const subject = lines.find((l) => l.startsWith('Subject: '))!.slice('Subject: '.length);
    const start = lines.indexOf('') + 1;
    const end = lines.findIndex((l) => l.startsWith('(The real mail also attaches'));
    const body = lines.slice(start, end).join('\n').trimEnd();
    expect(mail.messages).toHaveLength(0);

    const flushed = await runPoll(cfg, { ...run, flush: true }, sys, io);
    expect(flushed.message).toMatch(/^digest of 5 failures mailed to 1 recipient/);
    const [sent] = await mail.waitForMessages(1);
    expect(subject).toMatch(/^\[ISE\] digest: 5 RADIUS failures/);
    expect(sent!.parsed.subject).toBe(subject);
    expect(sent!.parsed.text?.trimEnd()).toBe(body);
    expect(body).toContain('Digests go out every 1h');
    expect(body).toContain('Attached: failures.csv.gz with all 5 failures');
  });
});
