// The commands called directly, in-process, with a real configuration against the fakes: a
// failure here points at the command and its Outcome rather than at argv parsing or the bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mute } from '../../src/commands/mute';
import { runPoll } from '../../src/commands/run';
import { setup } from '../../src/commands/setup';
import { testMail } from '../../src/commands/test-mail';
import { loadConfig } from '../../src/config/config';
import type { Io, System } from '../../src/core/outcome';
import { TEST_BANNER } from '../../src/render/words';
import { stateFile } from '../../src/state/files';
import { acquireLock } from '../../src/state/lock';
import type { FakePxgridOptions } from '../fake/pxgrid';
import { makeFailures } from '../fake/records';
import { inprocFixtures, lockEnv, rejection } from '../helpers/inproc';

const { pki, pxgrid, smtp, tempDir } = inprocFixtures();

async function world(ise: FakePxgridOptions = { autoApprove: true }, extra: Record<string, string> = {}) {
  const px = await pxgrid(ise);
  const mail = await smtp();
  const baseDir = tempDir();
  const env = {
    ISE_HOST: `localhost:${px.port}`,
    ISE_CA: pki.caFile,
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    SMTP_SECURITY: 'none',
    MAIL_FROM: 'ise-alerts@example.net',
    MAIL_DEST: 'noc@example.net,oncall@example.net',
    ALERT_MODE: 'each-run',
    ...extra,
  };
  const cfg = loadConfig({ baseDir, env });
  const sys: System = { pid: process.pid, now: Date.now, alive: () => false, baseDir, env };
  const lines: string[] = [];
  const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(`err: ${l}`), debug: () => undefined };
  const getFailures = () => px.requests.filter((r) => r.path.endsWith('/getFailures')).length;
  return { px, mail, cfg, sys, io, lines, getFailures };
}

const run = { dryRun: false, resetCursor: false };

describe('setup', () => {
  it('creates the client, says it waits for approval (exit 3), then reports it ENABLED', async () => {
    const w = await world({});
    const first = await setup(w.cfg, w.sys, w.io);
    expect({ exit: first.exitCode, status: first.status }).toEqual({ exit: 3, status: 'WARN' });
    expect(first.message).toMatch(/ise_to_mail is PENDING approval/);
    const file = stateFile.credentials(w.cfg.stateDir);
    expect(w.lines).toContain(
      `created the client on ISE; its password is in ${file} (keep it: ISE never shows it again)`,
    );
    expect(w.lines).toContain('account state: PENDING');
    w.px.approve('ise_to_mail');
    const second = await setup(w.cfg, w.sys, w.io);
    expect({ exit: second.exitCode, status: second.status, data: second.data }).toEqual({
      exit: 0,
      status: 'OK',
      data: { accountState: 'ENABLED' },
    });
    expect(w.lines).toContain(`using the stored password in ${file}`);
  });
});

describe('run', () => {
  it('mails new failures once, moves the cursor, and frees the lock', async () => {
    const w = await world();
    w.px.setFailures(makeFailures(3, { start: Date.now() - 20 * 60_000, stepMs: 60_000 }));
    const first = await runPoll(w.cfg, run, w.sys, w.io);
    expect({ exit: first.exitCode, status: first.status }).toEqual({ exit: 0, status: 'OK' });
    expect(first.message).toMatch(/^3 new failures mailed to 2 recipients/);
    const [m] = await w.mail.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/^\[ISE\] 3 RADIUS failures/);
    expect(existsSync(stateFile.cursor(w.cfg.stateDir))).toBe(true);
    expect(existsSync(stateFile.lock(w.cfg.stateDir))).toBe(false);

    const second = await runPoll(w.cfg, run, w.sys, w.io);
    expect({ exit: second.exitCode, message: second.message }).toEqual({ exit: 0, message: 'no new failures' });
    expect(w.mail.messages).toHaveLength(1);
    expect(w.getFailures()).toBe(2);
  });

  it('a dry run prints the mail and changes nothing', async () => {
    const w = await world();
    w.px.setFailures(makeFailures(2, { start: Date.now() - 10 * 60_000 }));
    const out = await runPoll(w.cfg, { ...run, dryRun: true }, w.sys, w.io);
    expect(out.exitCode).toBe(0);
    expect(w.lines.join('\n')).toMatch(/2 RADIUS failures/);
    expect(w.mail.messages).toHaveLength(0);
    expect(existsSync(stateFile.cursor(w.cfg.stateDir))).toBe(false);
    expect(existsSync(stateFile.lock(w.cfg.stateDir))).toBe(false);
  });

  it('--flush in each-run mode mails as usual and says it had no effect', async () => {
    const w = await world(undefined, { ALERT_MODE: 'each-run' });
    w.px.setFailures(makeFailures(2, { start: Date.now() - 10 * 60_000 }));
    const out = await runPoll(w.cfg, { ...run, flush: true }, w.sys, w.io);
    expect({ exit: out.exitCode, status: out.status }).toEqual({ exit: 0, status: 'WARN' });
    expect(out.message).toMatch(
      /^2 new failures mailed to 2 recipients .*; --flush has no effect with ALERT_MODE=each-run: every run mails at once$/,
    );
    expect(w.mail.messages).toHaveLength(1);
    const quiet = await runPoll(w.cfg, { ...run, flush: true }, w.sys, w.io);
    expect(quiet.message).toBe(
      'no new failures; --flush has no effect with ALERT_MODE=each-run: every run mails at once',
    );
  });

  it('--flush in digest mode sends the pending digest without that note', async () => {
    const w = await world(undefined, { ALERT_MODE: 'digest' });
    w.px.setFailures(makeFailures(2, { start: Date.now() - 10 * 60_000 }));
    const out = await runPoll(w.cfg, { ...run, flush: true }, w.sys, w.io);
    expect(out.exitCode).toBe(0);
    expect(out.message).not.toMatch(/no effect/);
    await w.mail.waitForMessages(1);
  });

  it('digest mode between digests: the pending line names the due time as ISO UTC, like newest', async () => {
    const w = await world(undefined, { ALERT_MODE: 'digest', MAIL_TIMEZONE: 'Europe/Zurich', INCIDENTS: 'off' });
    w.px.setFailures(makeFailures(2, { start: Date.now() - 10 * 60_000 }));
    const out = await runPoll(w.cfg, run, w.sys, w.io);
    expect(out.message).toMatch(
      /^2 new failures spooled; 2 pending for the digest at \d{4}-\d\d-\d\dT\d\d:00:00\.000Z; routine failures arrive/,
    );
  });

  it('while another run holds the lock: kind locked, ISE not asked', async () => {
    const w = await world();
    const sys = { ...w.sys, alive: () => true };
    const release = acquireLock(w.cfg.stateDir, lockEnv(4242, Date.now()));
    const err = await rejection(runPoll(w.cfg, run, sys, w.io));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'locked', exit: 6 });
    expect(w.px.requests).toHaveLength(0);
    release();
  });
});

describe('mute after runs', () => {
  it('counts the failures the runs saw (digest mode, incidents on) and warns on a typo', async () => {
    const w = await world(undefined, { ALERT_MODE: 'digest' });
    const failures = makeFailures(4, { start: Date.now() - 10 * 60_000 });
    w.px.setFailures(failures);
    expect((await runPoll(w.cfg, run, w.sys, w.io)).exitCode).toBe(0);
    const nas = String(failures[0]!.nasName);
    const hit = failures.filter((f) => f.nasName === nas).length;
    const ok = mute(w.cfg, Date.now(), `nas:${nas}`, { for: '1h' });
    expect(ok.message).toMatch(new RegExp(`; it matches ${hit} of the 4 failures seen since \\S+Z$`));
    const typo = mute(w.cfg, Date.now(), `nas:x${nas}`, { for: '1h' });
    expect(typo.status).toBe('WARN');
    expect(typo.message).toMatch(
      /; it matches none of the 4 failures seen since \S+Z: check the spelling \(most seen: /,
    );
  });
});

describe('test-mail', () => {
  it('sends one sample alert marked as a test to every recipient', async () => {
    const w = await world();
    const out = await testMail(w.cfg, w.sys);
    expect(out).toEqual({ exitCode: 0, status: 'OK', message: 'test mail sent to 2 recipients' });
    const [m] = await w.mail.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/^\[ISE\] \[TEST\] /);
    expect(m!.parsed.text).toContain(TEST_BANNER);
    expect(m!.envelope.rcptTo.map((r) => r.address)).toEqual(['noc@example.net', 'oncall@example.net']);
    expect(w.px.requests).toHaveLength(0);
  });
});
