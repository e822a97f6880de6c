import { join } from 'node:path';
import type { AttachmentBuilder } from '../attachment/attachment';
import { zlib } from '../attachment/gzmember';
import type { FailureRecord } from '../pxgrid/schemas';
import { memberText, readMembers, type SegmentInfo } from '../spool/segments';
import { MAX_KEPT, recordFromCsv } from './records';

/**
 * Records read back from attachment rows, so that a mail the server refuses for its content can be
 * split (split.ts) without a second copy of every record held through the run: a storm's peak
 * memory is the attachment's compressed bytes, not those plus the batch.
 */

/**
 * The records of an each-run mail's attachment. Undefined when it does not hold every record
 * (cut to the size cap) or holds more than MAX_KEPT: such a mail is not split.
 */
export function attachmentRecords(attachment: AttachmentBuilder): FailureRecord[] | undefined {
  if (attachment.omitted > 0 || attachment.rows > MAX_KEPT) return undefined;
  const text = zlib().gunzipSync(attachment.content()).toString('utf8');
  const records: FailureRecord[] = [];
  if (attachment.format === 'json') {
    const all: unknown = JSON.parse(text);
    if (!Array.isArray(all)) return undefined;
    for (const v of all) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
      records.push(v as FailureRecord);
    }
  } else {
    // The first line is the BOM and the column names.
    for (const line of text.split('\r\n').slice(1)) {
      if (line === '') continue;
      const r = recordFromCsv(csvCells(line));
      if (!r) return undefined;
      records.push(r);
    }
  }
  return records.length === attachment.rows ? records : undefined;
}

/**
 * The records the digest spool kept (its attachment rows, CSV or JSON), read back so that a digest
 * the server refuses can be split. Undefined when the spool does not hold every failure it counted
 * (MAIL_ATTACH=none, its budget, a damaged segment) or more than MAX_KEPT: such a digest is not split.
 */
export function spoolRecords(
  dir: string,
  segments: readonly SegmentInfo[],
  counted: number,
): FailureRecord[] | undefined {
  if (counted > MAX_KEPT) return undefined;
  const records: FailureRecord[] = [];
  let damaged = false;
  for (const seg of segments) {
    for (const [member] of readMembers(join(dir, seg.file), seg, () => (damaged = true))) {
      const text = memberText(member);
      if (text === undefined) return undefined;
      for (const line of text.split(seg.format === 'csv' ? '\r\n' : '\n')) {
        if (line === '') continue;
        const r = seg.format === 'csv' ? recordFromCsv(csvCells(line)) : jsonRecord(line);
        if (!r) return undefined;
        records.push(r);
      }
    }
  }
  return !damaged && records.length === counted ? records : undefined;
}

function jsonRecord(line: string): FailureRecord | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as FailureRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The cells of one CSV row as csvCell writes them (RFC 4180 quoting, no line breaks inside). */
export function csvCells(row: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (row[i] === '"') {
      i++;
      for (; i < row.length; i++) {
        if (row[i] !== '"') cell += row[i];
        else if (row[i + 1] === '"') cell += row[i++];
        else break;
      }
      i++;
    } else {
      const end = row.indexOf(',', i);
      cell = row.slice(i, end < 0 ? row.length : end);
      i = end < 0 ? row.length : end;
    }
    cells.push(cell);
    if (row[i] !== ',') return cells;
    i++;
  }
}
