// The alert mail end to end through the CLI in-process: a fake ISE, a real SMTP server.
import { describe, expect, it } from 'vitest';
import { type FailureRecord, makeFailure, makeFailures } from '../fake/records';
import { attachmentText, headerNames, parseCsv, rawHeaders } from '../helpers/mail';
import { startWorld, type World } from '../helpers/world';

let world: World | undefined;

const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

function hostileBatch(): FailureRecord[] {
  const r = (seq: number, o: Partial<FailureRecord>) => makeFailure({ timestamp: recent(10 - seq), ...o }, seq);
  return [
    r(1, { userName: 'victim\r\nBcc: attacker@evil.example\r\nSubject: pwned' }),
    r(2, { userName: '<script>alert(1)</script>', callingStationId: '<img src=x onerror=alert(2)>' }),
    r(3, { userName: "=cmd|' /C calc'!A0", nasName: '+SUM(1,2)', location: '@evil' }),
    r(4, { userName: 'admin\u202Egnp.exe', callingStationId: 'aa\u200Bbb' }),
    r(5, { userName: 'A'.repeat(10_240) }),
    r(6, { failureReason: '22040 Wrong\r\nBcc: attacker@evil.example\r\n\r\nbody' }),
  ];
}

describe('hostile batch', () => {
  it('no header injection, escaped HTML, neutralised bidi, capped values, formula-safe CSV', async () => {
    world = await startWorld({ ise: { failures: hostileBatch() } });
    const res = await world.runInProcess();
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.summary).toMatch(/^ise-to-mail: OK 6 new failures mailed to 2 recipients/);
    const [m] = await world.smtp.waitForMessages(1);
    expect(world.smtp.messages).toHaveLength(1);
    // Envelope and headers: only the configured recipients, one Subject, no Bcc.
    expect(m!.envelope.rcptTo.map((a) => a.address).sort()).toEqual(['noc@example.net', 'oncall@example.net']);
    const names = headerNames(m!);
    expect(names).not.toContain('bcc');
    expect(names.filter((n) => n === 'subject')).toHaveLength(1);
    expect(rawHeaders(m!).join('\n')).not.toMatch(/evil|pwned|script/i);
    expect(m!.parsed.subject).toMatch(/^\[ISE\] 6 RADIUS failures, 6 users, top: 22040 Wrong password \(5\)$/);
    // Machine-mail headers, From display name, Message-ID on our domain.
    expect(m!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(m!.parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(m!.parsed.from?.value[0]).toEqual({ name: 'ISE RADIUS alerts', address: 'ise-alerts@example.net' });
    expect(m!.parsed.messageId).toMatch(/^<ise-to-mail\.[a-z0-9]+\.[0-9a-f]{16}@example\.net>$/);
    // Parts: text + HTML alternative, plus the attachment.
    expect(m!.raw.toString('latin1')).toMatch(
      /Content-Type: multipart\/alternative;[\s\S]*text\/plain[\s\S]*text\/html[\s\S]*failures\.csv\.gz/,
    );
    const { text = '', html } = m!.parsed;
    expect(typeof html).toBe('string');
    const h = html as string;
    expect(h).not.toMatch(/<script|<img/i);
    expect(h).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(h).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const part of [text, h]) {
      expect(part).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
      expect(part).not.toContain('A'.repeat(201));
      expect(part).toContain('admin?gnp.exe');
    }
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(Buffer.byteLength(h)).toBeLessThan(100_000);
    // The CSV as a spreadsheet would read it.
    const rows = parseCsv(attachmentText(m!, 'failures.csv.gz'));
    const head = rows[0]!;
    const col = (name: string) => head.indexOf(name);
    expect(rows).toHaveLength(7);
    const users = rows.slice(1).map((r) => r[col('userName')]!);
    expect(users).toContain("'=cmd|' /C calc'!A0");
    expect(users).toContain('victim??Bcc: attacker@evil.example??Subject: pwned');
    expect(users.find((u) => u.startsWith('AAAA'))!.length).toBeLessThanOrEqual(1000);
    const payloadRow = rows.find((r) => r[col('userName')]!.startsWith("'="))!;
    expect(payloadRow[col('nasName')]).toBe("'+SUM(1,2)");
    expect(payloadRow[col('location')]).toBe("'@evil");
    expect(rows.flat().join('')).not.toMatch(/[\u202A-\u202E\r\n]/);
  });
});

describe('filters', () => {
  const batch = () => {
    const base = makeFailures(20, { start: Date.now() - 15 * 60_000, stepMs: 20_000, seed: 3 });
    return base.map((r, i) => ({
      ...r,
      userName: i < 6 ? `host/PC-${i}` : r.userName === 'host/LAPTOP-7F3K2' ? 'frank' : r.userName,
    }));
  };

  it('excluded records are counted in the footer, not mailed, and still advance the cursor', async () => {
    const failures = batch();
    world = await startWorld({ ise: { failures } });
    const res = await world.runInProcess([], { EXCLUDE_USERS: 'HOST/*', EXCLUDE_REASONS: '5440' });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    // Rules apply in a fixed order (reasons, then users, then NAS); each record counts once.
    const is5440 = (r: FailureRecord) => r.failureReason!.startsWith('5440');
    const byReason = failures.filter(is5440).length;
    const byUser = failures.slice(0, 6).filter((r) => !is5440(r)).length;
    expect(byReason).toBeGreaterThan(0);
    const mailed = 20 - byUser - byReason;
    expect(res.summary).toContain(
      `OK ${mailed} new failures mailed to 2 recipients, ${byUser + byReason} filtered out`,
    );
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.text).not.toContain('host/PC-');
    expect(m!.parsed.text?.replace(/\n +/g, ' ')).toContain(
      `Not in this mail: ${byReason} more matched EXCLUDE_REASONS; ${byUser} more matched EXCLUDE_USERS.`,
    );
    expect(m!.parsed.html).toContain(`${byUser} more matched EXCLUDE_USERS`);
    const csv = parseCsv(attachmentText(m!, 'failures.csv.gz'));
    expect(csv).toHaveLength(mailed + 1);
    const cursor = world.cursor() as { seen: [string, string][] };
    expect(cursor.seen.map(([id]) => id).sort()).toEqual(failures.map((f) => f.id).sort());
  });

  it('nothing left after filtering: no mail, exit 0, cursor advanced', async () => {
    const failures = batch();
    world = await startWorld({ ise: { failures } });
    const nas = 'sw-access-a1,sw-access-b2,10.10.9.5,VPN-ASA-01';
    const res = await world.runInProcess([], { EXCLUDE_NAS: nas });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.summary).toBe(
      'ise-to-mail: OK 20 new failures, all filtered out (20 matched EXCLUDE_NAS): nothing mailed, cursor advanced',
    );
    expect(world.smtp.messages).toHaveLength(0);
    expect((world.cursor() as { seen: unknown[] }).seen).toHaveLength(20);
    const again = await world.runInProcess([], { EXCLUDE_NAS: nas });
    expect(again.summary).toBe('ise-to-mail: OK no new failures');
  });

  it('INCLUDE_REASONS keeps only the listed codes', async () => {
    const failures = batch();
    world = await startWorld({ ise: { failures } });
    const res = await world.runInProcess([], { INCLUDE_REASONS: '22040,24408' });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const kept = failures.filter((r) => /^(22040|24408) /.test(r.failureReason!)).length;
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.subject).toContain(`[ISE] ${kept} RADIUS failure`);
    expect(m!.parsed.text).toContain(`${20 - kept} more did not match INCLUDE_REASONS`);
    expect(m!.parsed.text).not.toMatch(/x (5411|22056|12514|15039|11036|5440) /);
  });
});

describe('options', () => {
  it('MAIL_MAX_ROWS, MAIL_TIMEZONE, MAIL_SUBJECT_PREFIX, MAIL_FROM_NAME, MAIL_ATTACH=json', async () => {
    const failures = makeFailures(30, { start: Date.now() - 20 * 60_000, stepMs: 30_000, seed: 5 });
    world = await startWorld({ ise: { failures } });
    const res = await world.runInProcess([], {
      MAIL_MAX_ROWS: '5',
      MAIL_TIMEZONE: 'Asia/Kolkata',
      MAIL_SUBJECT_PREFIX: '[NOC ISE]',
      MAIL_FROM_NAME: 'Campus NAC',
      MAIL_ATTACH: 'json',
    });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/^\[NOC ISE\] 30 RADIUS failures, /);
    expect(m!.parsed.from?.value[0]?.name).toBe('Campus NAC');
    expect(m!.parsed.text).toContain('(Asia/Kolkata, UTC+05:30)');
    expect(m!.parsed.text).toContain('... and 25 more rows in the attachment failures.json.gz');
    const json = JSON.parse(attachmentText(m!, 'failures.json.gz')) as FailureRecord[];
    expect(json.map((r) => r.id)).toEqual(failures.map((r) => r.id));
  });

  it('MAIL_ATTACH=none sends no attachment; a bad MAIL_TIMEZONE is a usage error naming it', async () => {
    world = await startWorld({ ise: { failures: [makeFailure({ timestamp: recent(5) })] } });
    const bad = await world.runInProcess([], { MAIL_TIMEZONE: 'Mars/Olympus' });
    expect(bad.code).toBe(2);
    expect(bad.summary).toMatch(/^ise-to-mail: ERROR MAIL_TIMEZONE must be an IANA time zone/);
    const res = await world.runInProcess([], { MAIL_ATTACH: 'none' });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.attachments).toHaveLength(0);
    expect(m!.parsed.text).not.toContain('attachment');
  });

  it('test-mail sends a realistic sample marked as a test', async () => {
    world = await startWorld();
    const res = await world.runInProcess(['test-mail']);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.summary).toBe('ise-to-mail: OK test mail sent to 2 recipients');
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.subject).toMatch(/^\[ISE\] \[TEST\] 5 RADIUS failures, 4 users, top: 22040 Wrong password \(2\)$/);
    expect(m!.parsed.text).toMatch(/^TEST MAIL from ise-to-mail/m);
    expect(m!.parsed.html).toContain('TEST MAIL from ise-to-mail');
    expect(m!.parsed.text).toContain('Hint: ');
    expect(parseCsv(attachmentText(m!, 'failures.csv.gz'))).toHaveLength(6);
  });
});
