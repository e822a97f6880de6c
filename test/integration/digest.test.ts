// Digest mode (issue 15): the spool, its schedule, --flush and the spool's budget, through the CLI
// in-process (real fake pxGrid and SMTP) with a simulated clock (ISE_TO_MAIL_TEST_NOW). The crashes
// at every spool phase kill the bundle: test/e2e/digest-crash.test.ts.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { at, H0, HOUR, MIN, sim } from '../helpers/digest-sim';
import { attachmentText, parseCsv } from '../helpers/mail';

let seq = 100_000;
const hex = (b: number) => b.toString(16).padStart(2, '0');
const mac = (i: number) => `02:00:${[i >> 8, i & 255, i % 7, i % 13].map(hex).join(':')}`;
/** Summary lines show times as ISO UTC, like `(newest …)`. */
const iso = (offset: number) => new Date(H0 + offset).toISOString();
const DAY = 24 * HOUR;

describe('digest mode', () => {
  test('failures wait in the spool; the first run at or after the hour sends one digest; --flush now', async () => {
    // At noon UTC: started at 23:00 the runs cross midnight and the mail names the days of its times.
    const noon = Math.ceil(H0 / DAY) * DAY + 12 * HOUR - H0;
    const s = await sim();
    expect((await s.at(noon + 5 * MIN)).summary).toBe('ise-to-mail: OK no new failures');
    s.fail(noon + 10 * MIN, 'u-1', { totalFailedAttempts: 57 });
    const r1 = await s.at(noon + 15 * MIN);
    expect(r1.summary).toBe(`ise-to-mail: OK 1 new failure spooled; 1 pending for the digest at ${iso(noon + HOUR)}`);
    s.fail(noon + 20 * MIN, 'u-2');
    expect((await s.at(noon + 25 * MIN)).summary).toMatch(/OK 1 new failure spooled; 2 pending for the digest at /);
    expect((await s.at(noon + 55 * MIN)).summary).toMatch(
      /^ise-to-mail: OK no new failures; 2 pending for the digest at /,
    );
    const doctor = await s.at(noon + 56 * MIN, ['doctor']);
    expect(doctor.summary).toMatch(/^ise-to-mail: OK doctor: all \d+ checks passed$/);
    expect(doctor.stdout).toContain('info alert policy: ALERT_MODE=digest, every 1h from midnight UTC');
    expect(doctor.stdout).toContain(`info digest: 2 failures pending since ${at(noon + 15 * MIN).slice(0, 16)}`);
    expect(doctor.stdout).toContain(
      `goes out with the first run at or after ${at(noon + HOUR)} +00:00 (run --flush sends it now)`,
    );
    expect(s.w.smtp.messages).toHaveLength(0);
    // Files of the spool are 0600 like every state file.
    for (const f of s.spoolFiles()) expect(statSync(join(s.w.stateDir, 'spool', f)).mode & 0o777).toBe(0o600);

    const sent = await s.at(noon + HOUR + 5_000);
    expect(sent.summary).toMatch(
      /^ise-to-mail: OK digest of 2 failures mailed to 2 recipients; 0 new this run \(newest /,
    );
    expect(s.mailed()).toEqual([['u-1', 'u-2']]);
    const mail = s.w.smtp.messages[0]!.parsed;
    expect(mail.subject).toBe('[ISE] digest: 2 RADIUS failures, 2 users, top: 22040 Wrong password (2)');
    const flat = (mail.text ?? '').replace(/\n +/g, ' ');
    expect(flat).toContain(
      `Failures fetched from ${at(noon + 15 * MIN).slice(11)} to ${at(noon + HOUR).slice(11, 16)}`,
    );
    expect(flat).toContain(`Digests go out every 1h from midnight UTC; the next at ${at(noon + 2 * HOUR).slice(11)}.`);
    // ISE's repeat count ("Suppress Repeated Failed Clients") is shown next to the record count.
    expect(mail.text).toMatch(/^ {2}\d\d:\d\d:\d\d {2}1x \(57 attempts\) {2}u-1, /m);
    expect(flat).toContain('58 attempts (repeats ISE reported once)');
    // The digest's own chart and sparkline.
    expect(mail.text).toMatch(/^Failures per .* \(peak \d+ at \d\d:\d\d\):\n {2}[ ▁▂▃▄▅▆▇█·]+$/m);
    expect(mail.html).toContain('bgcolor="#D55E00"');
    expect(s.spoolFiles()).toEqual(['spool.json']);

    expect((await s.at(noon + HOUR + 10 * MIN)).summary).toBe('ise-to-mail: OK no new failures');
    s.fail(noon + HOUR + 12 * MIN, 'u-3');
    expect((await s.at(noon + HOUR + 15 * MIN)).summary).toMatch(/1 pending for the digest at /);
    const flushed = await s.at(noon + HOUR + 16 * MIN, ['run', '--flush']);
    expect(flushed.summary).toMatch(/^ise-to-mail: OK digest of 1 failure mailed to 2 recipients; 0 new this run/);
    expect(s.w.smtp.messages[1]!.parsed.subject).toMatch(/^\[ISE\] digest: 1 RADIUS failure/);
    expect((await s.at(noon + 2 * HOUR + MIN)).summary).toBe('ise-to-mail: OK no new failures');
    expect(s.mailed()).toEqual([['u-1', 'u-2'], ['u-3']]);
  });

  test('DIGEST_AT times of day; --dry-run shows the pending digest and changes nothing', async () => {
    const s = await sim({ DIGEST_AT: '08:00,16:00' });
    const day = Math.ceil(H0 / DAY) * DAY;
    await s.at(day + 7 * HOUR - H0);
    s.fail(day + 7 * HOUR + MIN - H0, 'u-1');
    expect((await s.at(day + 7 * HOUR + 5 * MIN - H0)).summary).toContain(
      `pending for the digest at ${new Date(day + 8 * HOUR).toISOString()}`,
    );
    const before = readFileSync(join(s.w.stateDir, 'spool', 'spool.json'), 'utf8');
    s.fail(day + 7 * HOUR + 6 * MIN - H0, 'u-2');
    const dry = await s.at(day + 7 * HOUR + 7 * MIN - H0, ['run', '--dry-run']);
    // The preview is the digest as it would go out: its subject, not a per-run mail's.
    expect(dry.stdout).toMatch(/^Subject: \[ISE\] digest: 2 RADIUS failures/m);
    expect(dry.summary).toMatch(
      /dry run: 1 new failure found; the digest of 2 failures would go out at \S+T08:00:00\.000Z; nothing sent/,
    );
    expect(readFileSync(join(s.w.stateDir, 'spool', 'spool.json'), 'utf8')).toBe(before);
    expect((await s.at(day + 8 * HOUR + MIN - H0)).summary).toMatch(/digest of 2 failures mailed/);
    expect(s.mailed()).toEqual([['u-1', 'u-2']]);
  });

  test('switching back to each-run sends what the spool holds with the next run', async () => {
    const s = await sim();
    await s.at(5 * MIN);
    s.fail(6 * MIN, 'u-1');
    await s.at(10 * MIN);
    s.fail(11 * MIN, 'u-2');
    const r = await s.at(15 * MIN, [], { ALERT_MODE: 'each-run' });
    expect(r.summary).toMatch(/^ise-to-mail: OK 2 new failures mailed to 2 recipients/);
    expect(s.mailed()).toEqual([['u-1', 'u-2']]);
    expect((await s.at(20 * MIN, [], { ALERT_MODE: 'each-run' })).summary).toBe('ise-to-mail: OK no new failures');
  });
});

describe('bounded spool', () => {
  test('beyond MAIL_MAX_BYTES of kept records the digest still counts every failure exactly', async () => {
    // 6000 in one poll is a storm, an incident that would send the digest at once (incidents.test.ts).
    const s = await sim({ MAIL_MAX_BYTES: '200000', INCIDENT_STORM: '0' });
    await s.at(5 * MIN);
    const n = 6000;
    const records = Array.from({ length: n }, (_, i) =>
      makeFailure(
        {
          timestamp: new Date(H0 + 10 * MIN + i * 50).toISOString(),
          userName: `user-${(i * 7919).toString(36)}-${i}`,
          callingStationId: mac(i),
        },
        ++seq,
      ),
    );
    s.w.ise.addFailures(...records);
    expect((await s.at(20 * MIN)).summary).toMatch(/OK 6000 new failures spooled; 6000 pending/);
    s.fail(30 * MIN, 'late-user');
    expect((await s.at(35 * MIN)).summary).toMatch(/OK 1 new failure spooled; 6001 pending/);
    const kept = s
      .spoolFiles()
      .filter((f) => f.startsWith('seg-'))
      .reduce((a, f) => a + statSync(join(s.w.stateDir, 'spool', f)).size, 0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(200_000);
    const sent = await s.at(HOUR + MIN);
    expect(sent.summary).toMatch(/digest of 6001 failures mailed/);
    const mail = s.w.smtp.messages[0]!;
    expect(mail.parsed.subject).toMatch(/^\[ISE\] digest: 6001 RADIUS failures, 6001 users/);
    const rows = parseCsv(attachmentText(mail, 'failures.csv.gz')).length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(6001);
    expect(mail.parsed.text?.replace(/\n +/g, ' ').replace(/\n(?=[a-z(])/g, ' ')).toMatch(
      new RegExp(
        `The attachment holds the first ${rows} of 6001 failures; left out: \\d+ beyond what the digest spool keeps`,
      ),
    );
    // The late failure came after the spool was full: counted in the body, not kept for the attachment.
    expect(mail.parsed.text).toMatch(/^Digest: 6001 RADIUS authentication failures\n6001 users,/m);
    expect(parseCsv(attachmentText(mail, 'failures.csv.gz')).some((row) => row[2] === 'late-user')).toBe(false);
  });
});
