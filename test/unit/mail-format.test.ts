// Unit-level checks of the mail's building blocks, through the real modules.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AttachmentBuilder, csvCell } from '../../src/attachment/attachment';
import { messageIdDomain, newMessageId } from '../../src/mail/message-id';
import { HINT_CODES, hintFor } from '../../src/render/hints';
import { render } from '../../src/render/render';
import { timeFormat } from '../../src/render/time';
import { compileFilters, globMatcher, NO_FILTERS } from '../../src/rollup/filters';
import { MAX_KEYS, MAX_ROWS, Rollup } from '../../src/rollup/rollup';
import { makeFailure } from '../fake/records';

const opts = { subjectPrefix: '[ISE]', maxRows: 50, timeZone: 'UTC', attachmentName: 'failures.csv.gz' };

describe('hints', () => {
  it('cover the common reason codes, one line each', () => {
    for (const code of ['22040', '22056', '24408', '12514', '12321', '5411', '5440', '11036', '15039', '22045']) {
      const h = hintFor(`${code} whatever ISE says`);
      expect(h, code).toBeDefined();
      expect(h!.hint).not.toMatch(/\n/);
    }
    expect(HINT_CODES.length).toBeGreaterThanOrEqual(15);
    expect(hintFor('99999 Something new')).toBeUndefined();
    expect(hintFor('no code at all')).toBeUndefined();
  });

  it('an unknown code shows the reason text alone', () => {
    const d = new Rollup();
    d.add(makeFailure({ failureReason: '99999 Brand new failure' }));
    const m = render(d, opts);
    expect(m.subject).toBe('[ISE] 1 RADIUS failure, 1 user, top: 99999 Brand new failure (1)');
    expect(m.text).not.toContain('Hint:');
  });
});

describe('subject and HTML under hostile volume', () => {
  it('subject: one line, no controls or bidi, at most 140 characters', () => {
    const d = new Rollup();
    d.add(makeFailure({ failureReason: `22999 ${'x\r\n\u202E'.repeat(100)}` }));
    const s = render(d, opts).subject;
    expect(s.length).toBeLessThanOrEqual(140);
    expect(s).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
  });

  it('HTML stays under 100 KB when every value is long and full of characters to escape', () => {
    const d = new Rollup();
    for (let i = 0; i < 500; i++) {
      d.add(
        makeFailure(
          {
            id: String(i + 1),
            userName: `<&"'>${i}`.repeat(60),
            callingStationId: '<'.repeat(300),
            failureReason: `${10000 + (i % 30)} ${'<>'.repeat(150)}`,
            nasName: `&nas${i % 40}`.repeat(30),
          },
          i,
        ),
      );
    }
    const m = render(d, { ...opts, maxRows: 1000 });
    expect(Buffer.byteLength(m.html)).toBeLessThan(100_000);
    expect(m.html).toMatch(/\.\.\. and \d+ more rows in the attachment failures\.csv\.gz/);
    // Text shows the same rows as HTML.
    const more = /and (\d+) more rows/;
    expect(m.text.match(more)?.[1]).toBe(m.html.match(more)?.[1]);
  });
});

describe('digest memory is bounded', () => {
  it('distinct users beyond the cap are counted, not kept, and shown as N+', () => {
    const d = new Rollup();
    for (let i = 0; i < MAX_KEYS + 500; i++)
      d.add({ id: String(i + 1), timestamp: '2026-11-23T10:00:00Z', userName: `u${i}`, failureReason: '22040 x' });
    expect(d.total).toBe(MAX_KEYS + 500);
    expect(d.distinctUsers).toBe(MAX_KEYS);
    expect(d.rowsDropped).toBe(MAX_KEYS + 500 - MAX_ROWS);
    expect(render(d, opts).subject).toContain(`${MAX_KEYS}+ users`);
  });
});

describe('attachment', () => {
  it('csvCell: formula prefixes, RFC 4180 quoting, controls cleaned', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+x')).toBe("'+x");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('a\r\nb')).toBe('a??b');
    expect(csvCell(['a', 'b'])).toBe('"a, b"');
    expect(csvCell(undefined)).toBe('');
  });

  it('is gzip built row by row; a discarded builder does not throw', async () => {
    const a = new AttachmentBuilder('csv', Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5000; i++) a.add(makeFailure({ id: String(i) }, i));
    a.finish();
    expect(a.rows).toBe(5000);
    const lines = gunzipSync(a.content()).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(5002); // header + rows + trailing empty
    expect(a.content().length).toBeLessThan(200_000);
    const b = new AttachmentBuilder('json', Number.POSITIVE_INFINITY);
    b.add(makeFailure());
    b.close();
  });
});

describe('filters, time zones, Message-ID', () => {
  it('globs are literal except * and ?, case-insensitive', () => {
    expect(globMatcher('host/*')('HOST/pc1')).toBe(true);
    expect(globMatcher('a.b?')('a.bc')).toBe(true);
    expect(globMatcher('a.b?')('axbc')).toBe(false);
    expect(globMatcher('*a*b')('xaxbxb')).toBe(true);
    expect(globMatcher('*a*b')('xaxbx')).toBe(false);
    expect(globMatcher('a**')('a')).toBe(true);
    expect(globMatcher('')('')).toBe(true);
    expect(globMatcher('?')('')).toBe(false);
    const f = compileFilters({ ...NO_FILTERS, excludeNas: ['10.0.0.1'] });
    expect(f(makeFailure({ nasIpAddress: '10.0.0.1' }))).toBe('EXCLUDE_NAS');
    expect(f(makeFailure({ nasIpAddress: '10.0.0.10' }))).toBeUndefined();
  });

  it('times carry the offset of their own date (DST)', () => {
    const f = timeFormat('Europe/Zurich');
    expect(f(Date.UTC(2026, 0, 15, 12))).toBe('2026-01-15 13:00:00 +01:00');
    expect(f(Date.UTC(2026, 6, 15, 12))).toBe('2026-07-15 14:00:00 +02:00');
    expect(f(undefined)).toBe('?');
  });

  it('times equal what Intl says for each instant, also around DST changes in quarter-hour zones', () => {
    const intl = (dtf: Intl.DateTimeFormat, t: number) => {
      const p = Object.fromEntries(dtf.formatToParts(t).map((x) => [x.type, Number(x.value)]));
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
      const off = Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
      const d = new Date(wall).toISOString();
      const two = (n: number) => String(n).padStart(2, '0');
      const hhmm = `${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}`;
      return `${d.slice(0, 10)} ${d.slice(11, 19)} ${off < 0 ? '-' : '+'}${hhmm}`;
    };
    const year = Date.UTC(2026, 0, 1);
    const step = 7_207_000; // about 2 hours
    for (const zone of ['UTC', 'Europe/Zurich', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      const dtf = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      const f = timeFormat(zone);
      const offset = (t: number) => intl(dtf, t).slice(-6);
      for (let t = year; t < year + 366 * 86_400_000; t += step) {
        expect(f(t), `${zone} ${t}`).toBe(intl(dtf, t));
        // The offset changed within this step: check it minute by minute.
        if (offset(t) !== offset(t + step))
          for (let u = t; u < t + step; u += 61_000) expect(f(u), `${zone} ${u}`).toBe(intl(dtf, u));
      }
    }
  });

  it('Message-ID uses the domain of MAIL_FROM, never anything odd', () => {
    expect(newMessageId('alerts@Example.NET', 0)).toMatch(/^<ise-to-mail\.0\.[0-9a-f]{16}@example\.net>$/);
    expect(messageIdDomain('a@b(c).d')).toBe('ise-to-mail.invalid');
    expect(messageIdDomain(undefined)).toBe('ise-to-mail.invalid');
  });
});
