import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttachFormat } from '../config/config';
import { CSV_COLUMNS } from '../format/attachment';
import type { FailureRecord } from '../pxgrid/schemas';
import { AtomicFile } from '../state/atomic';

/**
 * The records a digest will attach, kept between runs: one segment file per run that spooled
 * any, never changed once written. A segment is JSON lines in gzip members of ~256 K characters
 * each (members concatenate into one valid .gz file, RFC 1952 §2.2), written while the records
 * arrive, so a storm never holds its text in memory; the member sizes let a reader decompress one
 * member at a time. With MAIL_ATTACH=csv only the CSV columns are kept; with json the whole record.
 */
export interface SegmentInfo {
  file: string;
  rows: number;
  /** Compressed size of each gzip member, in order. */
  members: number[];
}

const BLOCK_CHARS = 256 * 1024;

export class SegmentWriter {
  readonly #out: AtomicFile;
  #pending: string[] = [];
  #chars = 0;
  #room: number;
  #rows = 0;
  readonly #members: number[] = [];
  /** Once a block did not fit, every later record is only counted (the attachment keeps the first rows). */
  full: boolean;

  /** `room`: compressed bytes this segment may take; `full`: the spool was full already. */
  constructor(
    readonly file: string,
    readonly format: AttachFormat,
    room: number,
    full: boolean,
  ) {
    this.#out = new AtomicFile(file);
    this.#room = room;
    this.full = full;
  }

  add(record: FailureRecord): void {
    if (this.full || this.format === 'none') return;
    const line = `${JSON.stringify(this.format === 'csv' ? pick(record) : record)}\n`;
    this.#pending.push(line);
    this.#chars += line.length;
    if (this.#chars >= BLOCK_CHARS) this.#flush();
  }

  get bytes(): number {
    return this.#members.reduce((a, b) => a + b, 0);
  }

  /** Makes the segment durable; undefined when it holds no record (no file is left behind). */
  finish(): SegmentInfo | undefined {
    this.#flush();
    if (this.#rows === 0) {
      this.#out.abort();
      return undefined;
    }
    this.#out.commit();
    return { file: this.file, rows: this.#rows, members: [...this.#members] };
  }

  /** Drops what was written (a retried fetch starts over). */
  discard(): void {
    this.#out.abort();
    this.#pending = [];
    this.#chars = 0;
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const gz = gzipSync(this.#pending.join(''));
    const rows = this.#pending.length;
    this.#pending = [];
    this.#chars = 0;
    if (gz.length > this.#room) {
      this.full = true;
      return;
    }
    this.#out.write(gz);
    this.#room -= gz.length;
    this.#members.push(gz.length);
    this.#rows += rows;
  }
}

/** Only what the CSV attachment shows: a fifth of a full record (which carries ISE's step list). */
function pick(record: FailureRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of CSV_COLUMNS) if (record[c] !== undefined) out[c] = record[c];
  return out;
}

/**
 * The records of one segment, a member at a time. A missing or damaged file yields what it can
 * and reports the rest through `damaged`: the digest then counts those rows as not attached.
 */
export function* readSegment(
  path: string,
  info: SegmentInfo,
  damaged: (why: string) => void,
): Generator<FailureRecord> {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    damaged(`${info.file} unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  let at = 0;
  for (const size of info.members) {
    let text: string;
    try {
      text = gunzipSync(data.subarray(at, at + size)).toString('utf8');
    } catch {
      damaged(`${info.file} is damaged`);
      return;
    }
    at += size;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let record: FailureRecord;
      try {
        record = JSON.parse(line) as FailureRecord;
      } catch {
        damaged(`${info.file} is damaged`);
        return;
      }
      yield record;
    }
  }
}
