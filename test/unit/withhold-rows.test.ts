// A mail the server refuses for its content is split from attachment rows read back (src/withhold):
// the digest spool's, or an each-run mail's own attachment. Hostile values must survive the trip.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AttachmentBuilder, attachmentRow, CSV_COLUMNS, csvCell } from '../../src/attachment/attachment';
import { recordFromCsv, withheldCopy } from '../../src/withhold/records';
import { attachmentRecords, csvCells, spoolRecords } from '../../src/withhold/rows';

const HOSTILE = ['plain', 'a,b', 'say "hi"', 'x;=1+1', '=cmd', ' lead', 'trail ', '"', ',', '', 'ünï ✓'];

describe('spool rows read back', () => {
  it('csvCells splits every cell csvCell writes, quotes, commas and formula guards included', () => {
    const row = HOSTILE.map(csvCell).join(',');
    expect(csvCells(row)).toEqual(HOSTILE.map((v) => csvCell(v).replace(/^"|"$/g, '').replace(/""/g, '"')));
  });

  it('a CSV row of a record gives back its columns', () => {
    const record = { id: 'r1', timestamp: '2026-12-07T10:00:00.000+01:00', userName: 'evil,"user";x', nasName: 'sw1' };
    const line = attachmentRow('csv', record).replace(/\r\n$/, '');
    const back = recordFromCsv(csvCells(line));
    expect(back).toMatchObject(record);
    expect(Object.keys(back!).every((k) => (CSV_COLUMNS as readonly string[]).includes(k))).toBe(true);
  });

  it('a row with the wrong number of cells is not taken for a record', () => {
    expect(recordFromCsv(['a', 'b'])).toBeUndefined();
  });

  it('a withheld copy keeps what ISE writes and none of what an endpoint chooses', () => {
    const copy = withheldCopy(
      {
        id: 'r1',
        timestamp: 't',
        userName: 'EICAR',
        callingStationId: 'EICAR',
        identityStore: 'EICAR',
        failureReason: '22040 Wrong password',
        nasName: 'sw1',
      },
      7,
    );
    expect(copy).toEqual({
      id: 'withheld-7',
      timestamp: 't',
      userName: 'withheld #7',
      failureReason: '22040 Wrong password',
      nasName: 'sw1',
    });
  });

  // Each-run mode reads a refused mail's records back from its own attachment (no second copy).
  const records = HOSTILE.map((v, i) => ({ id: `r${i}`, timestamp: `2026-12-07T10:0${i % 10}:00Z`, userName: v }));
  it.each(['csv', 'json'] as const)('an attachment (%s) gives back every record it holds, in order', (format) => {
    const a = new AttachmentBuilder(format, Number.POSITIVE_INFINITY);
    for (const r of records) a.add(r);
    a.finish();
    const back = attachmentRecords(a);
    expect(back?.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(back?.[1]).toMatchObject({ userName: 'a,b' });
    expect(back?.[2]).toMatchObject({ userName: 'say "hi"' });
  });

  it('an attachment cut to a size cap is not read back: it does not hold every record', () => {
    const a = new AttachmentBuilder('csv', 40);
    for (const r of records) a.add(r);
    a.finish();
    expect(a.omitted).toBeGreaterThan(0);
    expect(attachmentRecords(a)).toBeUndefined();
  });

  // A segment whose member starts like gzip but does not inflate: the digest is not split (exit 5
  // and a PROBLEM mail), instead of a zlib error ending the run as an internal error.
  it('a spool segment with a damaged member is not read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-rows-'));
    const good = gzipSync(attachmentRow('csv', records[0]!));
    const bad = Buffer.concat([good.subarray(0, 10), Buffer.alloc(good.length - 10, 0xff)]);
    writeFileSync(join(dir, 'seg-1'), Buffer.concat([good, bad]));
    const members: Array<[number, number]> = [
      [good.length, 1],
      [bad.length, 1],
    ];
    const segment = { file: 'seg-1', format: 'csv' as const, rows: 2, members };
    expect(spoolRecords(dir, [segment], 2)).toBeUndefined();
    expect(spoolRecords(dir, [{ ...segment, rows: 1, members: [members[0]!] }], 1)).toHaveLength(1);
  });
});
