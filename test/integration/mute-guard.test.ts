// A mute must never silence the alerts as a whole (issue 23 point 6): a target that matches every
// failure needs --force, a storm is mailed at once whatever the mutes, and every mail footer names
// the active mutes. In-process through the real modules, the fake ISE and a real SMTP server.
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { simStart } from '../helpers/sim-start';
import { startWorld } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);

async function sim(env: Record<string, string> = {}) {
  let now = T0;
  let seq = 0;
  const w = await startWorld({ ise: { now: () => now } });
  return {
    w,
    at: (offset: number, args: string[] = []) => {
      now = T0 + offset;
      return w.runInProcess(args, { MAIL_TIMEZONE: 'UTC', INCIDENTS: 'off', ...env }, () => T0 + offset);
    },
    fail: (offset: number, n: number, nas = 'sw-access-a1') => {
      for (let i = 0; i < n; i++)
        w.ise.addFailures(
          makeFailure(
            { timestamp: new Date(T0 + offset).toISOString(), userName: `u-${++seq}`, networkDeviceName: nas },
            seq,
          ),
        );
    },
    text: (i: number) => w.smtp.messages[i]!.parsed.text ?? '',
  };
}

/** A text part with its 78-column wrapping undone (continuation lines are indented). */
const flat = (text: string) => text.replace(/\n +/g, ' ');
describe('mutes that would silence everything', () => {
  test.each(['user:*', 'user:**', 'user:?*', 'USER:*?'])('%s is refused without --force (exit 2)', async (target) => {
    const s = await sim();
    const r = await s.at(0, ['mute', target, '--for', '8h']);
    expect(r.code).toBe(2);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR mute target .* matches every failure: .*--force/);
    expect((await s.at(MIN, ['mutes'])).summary).toBe('ise-to-mail: OK no active mutes');
  });

  test('with --force: accepted and said; a storm is mailed at once, mutes or not', async () => {
    const s = await sim({ STORM_THRESHOLD: '5' });
    const forced = await s.at(0, ['mute', 'user:*', '--for', '8h', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.summary).toMatch(/^ise-to-mail: WARN muted: user:\* until .*; it matches every failure/);
    const doctor = await s.at(MIN, ['doctor']);
    expect(doctor.stdout).toMatch(
      /^info mutes: 1 active mute: user:\* until .* \(matches every failure\) \(run\.js mutes\)$/m,
    );
    s.fail(MIN, 3);
    // A few muted failures wait, as any muted failure does.
    expect((await s.at(2 * MIN)).summary).toBe(
      'ise-to-mail: OK 3 new failures; 3 muted failure(s) wait in the spool for the next mail',
    );
    expect(s.w.smtp.messages).toHaveLength(0);
    // More than STORM_THRESHOLD in one poll: a storm is never muted.
    s.fail(3 * MIN, 8);
    const storm = await s.at(4 * MIN);
    expect(storm.code, storm.stdout).toBe(0);
    expect(storm.summary).toMatch(/mailed to 2 recipients/);
    expect(storm.summary).toMatch(/storm: 8 failures in one poll, 8 of them muted: mailed at once/);
    expect(s.w.smtp.messages).toHaveLength(1);
    expect(s.text(0)).toMatch(/STORM: 8 RADIUS failures in one poll \(more than 5\), 8 of them muted/);
    expect(flat(s.text(0))).toMatch(/^Active mutes: user:\* until .* \(id 1\)/m);
    expect(s.w.smtp.messages[0]!.parsed.subject).toBe('[ISE] STORM: 8 RADIUS failures in one poll, all muted');
  });
});

/** How many times the text part leads with a storm section. */
const stormLeads = (text: string) => text.match(/^STORM: /gm)?.length ?? 0;

describe('a storm with some of its failures muted', () => {
  test('each-run: one STORM in the subject, one storm lead saying how many are muted', async () => {
    const s = await sim({ STORM_THRESHOLD: '5' });
    expect((await s.at(0, ['mute', 'nas:sw-lab-01', '--for', '8h'])).code).toBe(0);
    s.fail(MIN, 6);
    s.fail(MIN, 3, 'sw-lab-01');
    const r = await s.at(2 * MIN);
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(/6 new failures mailed to 2 recipients, 3 muted \(attached\)/);
    expect(r.summary).toMatch(/storm: 9 failures in one poll, 3 of them muted: mailed at once/);
    expect(s.w.smtp.messages).toHaveLength(1);
    const subject = s.w.smtp.messages[0]!.parsed.subject ?? '';
    expect(subject).toMatch(/^\[ISE\] STORM: 6 RADIUS failures, /);
    expect(subject.match(/STORM:/g)).toHaveLength(1);
    expect(stormLeads(s.text(0))).toBe(1);
    expect(flat(s.text(0))).toMatch(/^STORM: 9 RADIUS failures in one poll \(more than 5\), 3 of them muted/m);
    expect(s.text(0)).toContain('sw-access-a1');
  });

  test('digest mode: the digest goes at once, with one STORM in the subject and one storm lead', async () => {
    const s = await sim({ STORM_THRESHOLD: '5', ALERT_MODE: 'digest' });
    expect((await s.at(0, ['mute', 'nas:sw-lab-01', '--for', '8h'])).code).toBe(0);
    s.fail(MIN, 6);
    s.fail(MIN, 3, 'sw-lab-01');
    const r = await s.at(2 * MIN);
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(/digest of 6 failures mailed to 2 recipients, 3 muted \(attached\)/);
    expect(s.w.smtp.messages).toHaveLength(1);
    const subject = s.w.smtp.messages[0]!.parsed.subject ?? '';
    expect(subject).toMatch(/^\[ISE\] digest: STORM: 6 RADIUS failures, /);
    expect(subject.match(/STORM:/g)).toHaveLength(1);
    expect(stormLeads(s.text(0))).toBe(1);
    expect(flat(s.text(0))).toMatch(/^STORM: 9 RADIUS failures in one poll \(more than 5\), 3 of them muted/m);
  });
});

describe('the mail footer', () => {
  test('names the active mutes, also when none of them matched this mail', async () => {
    const s = await sim();
    await s.at(0, ['mute', 'nas:sw-lab-01', '--for', '8h', '--by', 'alice']);
    await s.at(0, ['mute', 'reason:24408', '--for', '2h', '--note', 'known']);
    s.fail(MIN, 1);
    const r = await s.at(2 * MIN);
    expect(r.code, r.stdout).toBe(0);
    expect(s.w.smtp.messages).toHaveLength(1);
    expect(flat(s.text(0))).toMatch(
      /^Active mutes: nas:sw-lab-01 until .* \(id 1, by alice\); reason:24408 until .* \(id 2\) \(run\.js mutes lists them/m,
    );
    const html = String(s.w.smtp.messages[0]!.parsed.html);
    expect(html).toContain('Active mutes: nas:sw-lab-01 until');
  });
});

describe('health mails', () => {
  test('are never muted, and their footer names the active mutes', async () => {
    const s = await sim({ HEALTH_ALERT_AFTER: '20m' });
    expect((await s.at(0, ['mute', 'user:*', '--for', '8h', '--force'])).code).toBe(0);
    s.w.ise.fault('/pxgrid/ise/radius/getFailures', { status: 500, times: 4 });
    expect((await s.at(MIN)).code).toBe(4);
    const second = await s.at(25 * MIN);
    expect(second.summary).toMatch(/problem mail sent/);
    expect(s.w.smtp.messages[0]!.parsed.subject).toMatch(/PROBLEM/);
    expect(flat(s.text(0))).toMatch(/^Active mutes: user:\* until .* \(id 1\) \(run\.js mutes lists them\)\.?$/m);
    expect(String(s.w.smtp.messages[0]!.parsed.html)).toContain('Active mutes: user:* until');
  });

  test('ISE back with an all-muted storm: the RECOVERED note goes once, in the storm mail', async () => {
    const s = await sim({ HEALTH_ALERT_AFTER: '20m', STORM_THRESHOLD: '5' });
    expect((await s.at(0, ['mute', 'user:*', '--for', '8h', '--force'])).code).toBe(0);
    s.w.ise.fault('/pxgrid/ise/radius/getFailures', { status: 500, times: 2 });
    expect((await s.at(MIN)).code).toBe(4);
    expect((await s.at(25 * MIN)).summary).toMatch(/problem mail sent/);
    s.fail(26 * MIN, 8);
    const back = await s.at(30 * MIN);
    expect(back.code, back.stdout).toBe(0);
    expect(back.summary).toMatch(/storm: 8 failures in one poll, 8 of them muted: mailed at once/);
    expect(back.summary).toMatch(/recovery note included/);
    expect(back.summary).not.toMatch(/recovery mail sent/);
    const subjects = s.w.smtp.messages.map((m) => m.parsed.subject ?? '');
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toBe('[ISE] ise-to-mail RECOVERED; STORM: 8 RADIUS failures in one poll, all muted');
    expect(subjects.filter((x) => /RECOVERED/.test(x))).toHaveLength(1);
    expect(s.text(1).match(/^RECOVERED: /gm)).toHaveLength(1);
  });
});
