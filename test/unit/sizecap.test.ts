import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttachmentBuilder, csvCell } from '../../src/attachment/attachment';
import { GzipBlocks } from '../../src/attachment/gzblocks';
import { base64WireBytes, rawBytesFitting } from '../../src/sizecap/budget';
import { makeFailure } from '../fake/records';

/** base64 as a MIME body: 76-character lines ended by CRLF. */
const wire = (raw: number) =>
  (
    Buffer.alloc(raw, 7)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  )
    .map((l) => `${l}\r\n`)
    .join('').length;

describe('size arithmetic', () => {
  it('counts base64 bytes on the wire exactly', () => {
    for (let raw = 0; raw < 400; raw++) expect(base64WireBytes(raw), `raw ${raw}`).toBe(wire(raw));
    expect(base64WireBytes(7_500_000)).toBe(wire(7_500_000));
  });

  it('finds the largest raw size that fits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), (w) => {
        const raw = rawBytesFitting(w);
        expect(base64WireBytes(raw)).toBeLessThanOrEqual(Math.max(w, 0));
        expect(base64WireBytes(raw + 1)).toBeGreaterThan(w);
      }),
    );
    expect(rawBytesFitting(-5)).toBe(0);
  });
});

const row = (i: number) => [
  `2026-11-23T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
  String(1_000_000 + i),
  `user${i % 97}`,
  `AA:BB:${i}`,
  'sw-1',
  '10.0.0.1',
  '22040 Wrong password',
  'Location#All Locations#B',
];
const HEADER = 'time,id,user,endpoint,nas,nas_ip,reason,location\r\n';
const line = (i: number) => `${row(i).join(',')}\r\n`;
const rowsOf = (w: GzipBlocks) => gunzipSync(w.content()).toString('utf8').split('\r\n').filter(Boolean);
const writer = (budget: number) => new GzipBlocks(budget, HEADER);

describe('GzipBlocks', () => {
  it('keeps every row when the budget allows', () => {
    const w = writer(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5000; i++) w.add(line(i));
    w.finish();
    expect(w.rows).toBe(5000);
    expect(w.omitted).toBe(0);
    const lines = rowsOf(w);
    expect(lines[0]).toBe('time,id,user,endpoint,nas,nas_ip,reason,location');
    expect(lines).toHaveLength(5001);
    expect(lines[5000]).toBe(row(4999).join(','));
  });

  it('keeps the first rows that fit the budget and counts the rest', () => {
    const w = writer(20_000);
    for (let i = 0; i < 20_000; i++) w.add(line(i));
    w.finish();
    expect(w.bytes).toBeLessThanOrEqual(20_000);
    expect(w.bytes).toBeGreaterThan(19_000); // filled up to the row, not a block short
    expect(w.rows + w.omitted).toBe(20_000);
    const lines = rowsOf(w);
    expect(lines).toHaveLength(w.rows + 1);
    expect(lines.slice(1)).toEqual(Array.from({ length: w.rows }, (_, i) => row(i).join(',')));
  });

  it('drops whole trailing blocks to meet a smaller limit later', () => {
    const w = writer(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 20_000; i++) w.add(line(i));
    w.finish();
    w.trimTo(30_000);
    expect(w.bytes).toBeLessThanOrEqual(30_000);
    expect(w.rows + w.omitted).toBe(20_000);
    expect(rowsOf(w)).toHaveLength(w.rows + 1);
    w.add(line(1));
    expect(w.omitted + w.rows).toBe(20_001);
    w.trimTo(0);
    expect(w.rows).toBe(0);
    expect(w.content()).toHaveLength(0);
  });

  it('cuts inside the last block to meet a smaller limit exactly (a small batch is one block)', () => {
    const w = writer(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 400; i++) w.add(line(i));
    w.finish();
    const whole = w.bytes;
    w.trimTo(Math.floor(whole / 2));
    expect(w.rows).toBeGreaterThan(50);
    expect(w.rows).toBeLessThan(400);
    expect(w.bytes).toBeLessThanOrEqual(Math.floor(whole / 2));
    expect(w.rows + w.omitted).toBe(400);
    expect(rowsOf(w).slice(1)).toEqual(Array.from({ length: w.rows }, (_, i) => row(i).join(',')));
  });

  it('a JSON attachment cut to a budget is still one valid JSON array', () => {
    const a = new AttachmentBuilder('json', 4000);
    for (let i = 0; i < 200; i++) a.add(makeFailure({ userName: `u${i}` }, i));
    a.finish();
    expect(a.omitted).toBeGreaterThan(0);
    expect(a.bytes).toBeLessThanOrEqual(4000);
    const parsed = JSON.parse(gunzipSync(a.content()).toString('utf8')) as Array<{ userName: string }>;
    expect(parsed.map((r) => r.userName)).toEqual(Array.from({ length: a.rows }, (_, i) => `u${i}`));
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@user')).toBe("'@user");
  });
});
