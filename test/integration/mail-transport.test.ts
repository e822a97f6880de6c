// sendMail against the real smtp-server fake on 127.0.0.1: what arrives, the size limits (ours and
// the server's), retries of temporary refusals, and how a refusal is typed.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { Deadline } from '../../src/core/deadline';
import { Exit } from '../../src/core/errors';
import { MessageTooBig, type OutgoingMail, sendMail } from '../../src/mail/transport';
import type { FakeSmtp } from '../fake/smtp';
import { closedPort, inprocFixtures, rejection } from '../helpers/inproc';

const { smtp, tempDir } = inprocFixtures();
const T0 = Date.parse('2030-01-02T03:04:05Z');
const deadline = () => new Deadline(60_000, () => T0);
const DEST = ['noc@example.net', 'oncall@example.net'];

function config(port: number, env: Record<string, string> = {}) {
  return loadConfig({
    baseDir: tempDir(),
    env: {
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_SECURITY: 'none',
      MAIL_FROM: 'ise-alerts@example.net',
      MAIL_DEST: DEST.join(','),
      ...env,
    },
  });
}

const mail = (text = 'two failures'): OutgoingMail => ({
  subject: '[ISE] 2 RADIUS failures',
  text,
  html: `<p>${text}</p>`,
  messageId: '<poll-1@ise-to-mail.test>',
});

async function thrown<T>(p: Promise<unknown>, type: new (...a: never[]) => T): Promise<T> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as T;
}

describe('sendMail delivers', () => {
  it('the message with the envelope, the run clock as Date, and a streamed attachment', async () => {
    const s = await smtp();
    const rows = ['id,user', ...Array.from({ length: 2000 }, (_, i) => `${i},user${i}`)].join('\n');
    const sent = await sendMail(config(s.port), deadline(), {
      ...mail(),
      attachment: {
        filename: 'failures.csv',
        contentType: 'text/csv',
        size: Buffer.byteLength(rows),
        stream: () => Readable.from([Buffer.from(rows.slice(0, 5000)), Buffer.from(rows.slice(5000))]),
      },
    });
    expect(sent).toEqual({ messageId: '<poll-1@ise-to-mail.test>', rejected: [] });
    const [m] = await s.waitForMessages(1);
    expect(m!.envelope.mailFrom).toMatchObject({ address: 'ise-alerts@example.net' });
    expect(m!.envelope.rcptTo.map((r) => r.address)).toEqual(DEST);
    expect(m!.parsed.subject).toBe('[ISE] 2 RADIUS failures');
    expect(m!.parsed.messageId).toBe('<poll-1@ise-to-mail.test>');
    expect(m!.parsed.date?.getTime()).toBe(T0);
    expect(m!.parsed.text?.trim()).toBe('two failures');
    expect(m!.parsed.attachments.map((a) => [a.filename, a.content.toString('utf8')])).toEqual([
      ['failures.csv', rows],
    ]);
  });

  it('gives a message without a Message-ID one on the MAIL_FROM domain, and returns that one', async () => {
    const s = await smtp();
    const sent = await sendMail(config(s.port), deadline(), { ...mail(), messageId: undefined });
    const [m] = await s.waitForMessages(1);
    expect(m!.parsed.messageId).toMatch(/^<ise-to-mail\.[0-9a-z]+\.[0-9a-f]{16}@example\.net>$/);
    expect(sent.messageId).toBe(m!.parsed.messageId);
  });

  it('measures the size exactly as sent: a limit of that size passes, one byte less does not', async () => {
    const s = await smtp();
    const cfg = config(s.port);
    const tooBig = await thrown(sendMail(cfg, deadline(), mail(), 100), MessageTooBig);
    expect({ limit: tooBig.limit, byServer: tooBig.byServer }).toEqual({ limit: 100, byServer: false });
    expect(s.messages).toHaveLength(0);
    const size = tooBig.size;
    const under = await thrown(sendMail(cfg, deadline(), mail(), size - 1), MessageTooBig);
    expect(under.size).toBe(size);
    await sendMail(cfg, deadline(), mail(), size);
    const [m] = await s.waitForMessages(1);
    expect(m!.raw.length).toBe(size);
  });

  it('reports the recipients the server refused while it accepted the message for the others', async () => {
    const s = await smtp({ rejectRcpt: { code: 550, message: 'no such user' }, rejectOnly: ['oncall@example.net'] });
    const sent = await sendMail(config(s.port), deadline(), mail());
    expect(sent.rejected).toEqual(['oncall@example.net']);
    const [m] = await s.waitForMessages(1);
    expect(m!.envelope.rcptTo.map((r) => r.address)).toEqual(['noc@example.net']);
  });

  it('a recipient refused for now (451) is sent the mail again alone, within the run', async () => {
    const s = await smtp({
      rejectRcpt: { code: 451, message: '4.7.1 greylisted, try again later' },
      rejectOnly: ['oncall@example.net'],
      rejectRcptTimes: 1,
    });
    const sent = await sendMail(config(s.port), deadline(), mail());
    expect(sent.rejected).toEqual([]);
    const got = await s.waitForMessages(2);
    expect(got.map((m) => m.envelope.rcptTo.map((r) => r.address))).toEqual([
      ['noc@example.net'],
      ['oncall@example.net'],
    ]);
  });

  it('a recipient refused for now until the end: a mail error (not delivered), never "rejected"', async () => {
    const s = await smtp({
      rejectRcpt: { code: 452, message: '4.2.2 mailbox full, try later' },
      rejectOnly: ['oncall@example.net'],
    });
    const err = await rejection(sendMail(config(s.port), new Deadline(8_000, Date.now), mail()));
    expect(err.exitCode).toBe(Exit.mail);
    expect(err.message).toMatch(
      /delivered to 1 recipient, but the server refused oncall@example\.net for now \(452\).*4\.2\.2 mailbox full/,
    );
    expect(s.messages.map((m) => m.envelope.rcptTo.map((r) => r.address))).toEqual([['noc@example.net']]);
  });

  it('retries a temporary refusal (451) after a wait', async () => {
    const s = await smtp();
    s.failNext(1, 451, 'greylisted, try again later');
    const start = Date.now();
    await sendMail(config(s.port), deadline(), mail());
    expect(Date.now() - start).toBeGreaterThanOrEqual(1900);
    expect(s.messages).toHaveLength(1);
  });
});

describe('sendMail refusals', () => {
  it("over the server's SIZE: MessageTooBig naming the server's limit, nothing delivered", async () => {
    const s = await smtp({ size: 4000 });
    const err = await thrown(sendMail(config(s.port), deadline(), mail('x'.repeat(20_000))), MessageTooBig);
    expect({ limit: err.limit, byServer: err.byServer }).toEqual({ limit: 4000, byServer: true });
    expect(err.message).toMatch(/over the mail server's SIZE limit of 4000/);
    expect(s.messages).toHaveLength(0);
  });

  it('AUTH refused: kind mail (exit 5), says which settings, never the password', async () => {
    const s = await smtp({ auth: { user: 'relay', pass: 'Right-Pass-1' } });
    const wrong = config(s.port, { MAIL_USER: 'relay', MAIL_PASS: 'Wrong-Pass-2' });
    const err = await rejection(sendMail(wrong, deadline(), mail()));
    expect({ kind: err.kind, exit: err.exitCode }).toEqual({ kind: 'mail', exit: Exit.mail });
    expect(err.message).toMatch(
      /^mail not delivered via 127\.0\.0\.1:\d+ \(EAUTH 535\).*check MAIL_USER and MAIL_PASS/,
    );
    expect(err.message).not.toContain('Wrong-Pass-2');
    expect(s.messages).toHaveLength(0);
    await sendMail(config(s.port, { MAIL_USER: 'relay', MAIL_PASS: 'Right-Pass-1' }), deadline(), mail());
    expect((await s.waitForMessages(1))[0]!.user).toBe('relay');
  });

  it('a permanent refusal (550) is not retried', async () => {
    const s: FakeSmtp = await smtp();
    s.failNext(1, 550, 'sender rejected');
    const err = await rejection(sendMail(config(s.port), deadline(), mail()));
    expect(err.kind).toBe('mail');
    expect(err.message).toMatch(/\(EENVELOPE 550\): server said "550 sender rejected"; the server rejected the sender/);
    expect(s.messages).toHaveLength(0);
  });

  it('a refused connection is kind mail and names the server', async () => {
    const port = await closedPort();
    const err = await rejection(sendMail(config(port), deadline(), mail()));
    expect(err.kind).toBe('mail');
    expect(err.message).toMatch(`mail not delivered via 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(err.message).toMatch(/connection refused: check SMTP_SERVER and SMTP_PORT/);
  });
});
