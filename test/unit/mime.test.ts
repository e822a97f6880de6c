// The MIME writer: what a mail client reads back (mailparser) is exactly what was put in, the
// declared size is the size of the bytes, and every line stays within the RFC 5322 limits.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime, quotedPrintable } from '../../src/mail/mime';
import { headerText, phrase } from '../../src/mail/mime-header';

async function bytes(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** The attachment as the gzip blocks hand it over: pieces of any size. */
const pieces = (content: Buffer, cuts: number[]) => () =>
  Readable.from(
    [0, ...cuts.map((c) => c % (content.length + 1)).sort((a, b) => a - b), content.length]
      .map((c, i, all) => content.subarray(c, all[i + 1] ?? c))
      .filter((p) => p.length > 0),
  );

const unicode = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => s.replace(/\r/g, ''));
/** A mail part always has text (an empty one is read back as a line break). */
const body = unicode.map((s) => `x${s}`);

describe('buildMime', () => {
  it('round-trips subject, names, text, HTML and attachment; size is exact; lines are short', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          subject: fc.oneof(fc.string({ maxLength: 140 }), unicode).map((s) => s.replace(/\n/g, ' ').trim()),
          // MAIL_FROM_NAME as the config lets it through: one trimmed line, no control characters.
          name: fc
            .oneof(fc.constantFrom('ISE RADIUS alerts', 'Ops "NOC", Zürich', 'a\\b'), fc.string({ maxLength: 20 }))
            .map((n) => `N${n.replace(/[\u0000-\u001f\u007f]/g, '')}`.trim()),
          text: body,
          html: fc.oneof(body, fc.constant('<p>.lead dot</p>\n.\n..\nend =3D ')),
          attachment: fc.option(fc.tuple(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 5 }))),
        }),
        async ({ subject, name, text, html, attachment }) => {
          const content = attachment ? Buffer.from(attachment[0]) : undefined;
          const m = buildMime({
            from: { name, address: 'ise-alerts@example.net' },
            to: ['noc@example.net', 'oncall@example.net'],
            subject,
            text,
            html,
            messageId: '<m.1@example.net>',
            date: Date.UTC(2026, 10, 23, 10, 29, 54),
            headers: { 'Auto-Submitted': 'auto-generated' },
            attachment: content && {
              filename: 'failures.csv.gz',
              contentType: 'application/gzip',
              size: content.length,
              stream: pieces(content, attachment![1]),
            },
          });
          const raw = await bytes(m.stream());
          expect(raw.length).toBe(m.size);
          const lines = raw.toString('latin1').split('\r\n');
          expect(lines.every((l) => l.length <= 998 && !l.includes('\n') && !l.includes('\r'))).toBe(true);
          const p = await simpleParser(raw);
          expect(p.subject ?? '').toBe(subject);
          expect(p.from?.value[0]).toEqual({ name, address: 'ise-alerts@example.net' });
          expect(p.text ?? '').toBe(text);
          expect(p.html).toBe(html);
          expect(p.headers.get('auto-submitted')).toBe('auto-generated');
          expect(p.date?.toISOString()).toBe('2026-11-23T10:29:54.000Z');
          if (content) expect(p.attachments[0]?.content.equals(content)).toBe(true);
          else expect(p.attachments).toHaveLength(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('quoted-printable lines stay within 76 characters and never end in white space', () => {
    fc.assert(
      fc.property(unicode, (t) => {
        for (const line of quotedPrintable(t).split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(76);
          expect(line).not.toMatch(/[ \t]$/);
        }
      }),
    );
  });

  it('headers: atoms stay readable, specials are quoted, other text is encoded; long subjects fold', () => {
    expect(phrase('ISE RADIUS alerts')).toBe('ISE RADIUS alerts');
    expect(phrase('NOC, "Zurich"')).toBe('"NOC, \\"Zurich\\""');
    expect(phrase('Zürich')).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    const folded = headerText(`[ISE] ${'word '.repeat(40).trim()}`, 9).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.every((l, i) => l.length + (i === 0 ? 9 : 0) <= 78)).toBe(true);
  });

  it('text that looks like an encoded word reaches the reader as written, not decoded', async () => {
    // A RADIUS user name chosen by whoever plugs in: decoded, it would smuggle any Unicode
    // (bidi overrides, look-alikes) past clean() into the Subject and the From name.
    const fake = '=?UTF-8?B?4oCuIGxpYW0gc2kgc2loVA==?=';
    const m = buildMime({
      from: { name: `Ops ${fake}`, address: 'ise-alerts@example.net' },
      to: ['noc@example.net'],
      subject: `[ISE] lockout: user ${fake}`,
      text: 'x',
      html: 'x',
      messageId: '<m.2@example.net>',
      date: Date.UTC(2026, 10, 23, 10, 29, 54),
    });
    const parsed = await simpleParser(await bytes(m.stream()));
    expect(parsed.subject).toBe(`[ISE] lockout: user ${fake}`);
    expect(parsed.from?.value[0]?.name).toBe(`Ops ${fake}`);
  });
});
