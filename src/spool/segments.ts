import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { type AttachmentBuilder, attachmentRow } from '../attachment/attachment';
import { GZIP_OPTIONS, zlib } from '../attachment/gzmember';
import type { AttachFormat } from '../config/config';
import { errCode } from '../core/errcode';
import { plural } from '../core/plural';
import type { FailureRecord } from '../pxgrid/schemas';
import { AtomicFile } from '../state/atomic';

/**
 * The rows a digest will attach, kept between runs: one segment file per run that spooled any,
 * never changed once written. A segment holds attachment rows (attachmentRow: a CSV row, or a JSON
 * object on one line), one per line, in gzip members of ~256 K characters each (members
 * concatenate into one valid .gz file, RFC 1952 §2.2), written while the records arrive, so a
 * storm never holds its text in memory; the member sizes let a reader decompress one member at a
 * time, and sending needs neither JSON parsing nor CSV formatting again. No row holds a raw line
 * break: the CSV cells are cleaned of control characters, and JSON escapes them.
 */
export interface SegmentInfo {
  file: string;
  /** MAIL_ATTACH when the rows were written: a digest in another format leaves them out. */
  format: 'csv' | 'json';
  rows: number;
  /** Each gzip member, in order: [compressed bytes, rows]. */
  members: Array<[number, number]>;
}

/** Characters of rows in one gzip member (merge.ts packs small members up to this too). */
export const BLOCK_CHARS = 256 * 1024;

export class SegmentWriter {
  readonly #out: AtomicFile;
  #pending: string[] = [];
  #chars = 0;
  #room: number;
  #rows = 0;
  readonly #members: Array<[number, number]> = [];
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
    const row = attachmentRow(this.format, record);
    const line = row.endsWith('\n') ? row : `${row}\n`;
    this.#pending.push(line);
    this.#chars += line.length;
    if (this.#chars >= BLOCK_CHARS) this.#flush();
  }

  get bytes(): number {
    return this.#members.reduce((a, [b]) => a + b, 0);
  }

  /** Makes the segment durable; undefined when it holds no record (no file is left behind). */
  finish(): SegmentInfo | undefined {
    this.#flush();
    if (this.#rows === 0) {
      this.#out.abort();
      return undefined;
    }
    this.#out.commit();
    return { file: this.file, format: this.format as 'csv' | 'json', rows: this.#rows, members: [...this.#members] };
  }

  /** Drops what was written (a retried fetch starts over). */
  discard(): void {
    this.#out.abort();
    this.#pending = [];
    this.#chars = 0;
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const gz = zlib().gzipSync(this.#pending.join(''), GZIP_OPTIONS);
    const rows = this.#pending.length;
    this.#pending = [];
    this.#chars = 0;
    if (gz.length > this.#room) {
      this.full = true;
      return;
    }
    this.#out.write(gz);
    this.#room -= gz.length;
    this.#members.push([gz.length, rows]);
    this.#rows += rows;
  }
}

/**
 * The gzip members of one segment with their row counts, one member in memory at a time (a
 * storm's segment holds megabytes). Segments are written once, atomically, and not re-verified
 * here: a missing or truncated file ends the list and is reported through `damaged`, and the
 * digest then counts the rest as not attached.
 */
export function* readMembers(
  path: string,
  info: SegmentInfo,
  damaged: (why: string) => void,
): Generator<[Buffer, number]> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    damaged(`${info.file} unreadable (${errCode(err, 'error')})`);
    return;
  }
  try {
    let at = 0;
    for (const [size, rows] of info.members) {
      const buf = Buffer.allocUnsafe(size);
      const ok = readSync(fd, buf, 0, size, at) === size && buf[0] === 0x1f && buf[1] === 0x8b;
      if (!ok) return damaged(`${info.file} is damaged`);
      at += size;
      yield [buf, rows];
    }
  } finally {
    closeSync(fd);
  }
}

/** A member's text; undefined when it is not valid gzip (a damaged segment: its caller says so). */
export function memberText(member: Buffer): string | undefined {
  try {
    return zlib().gunzipSync(member).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The JSON rows of a member (MAIL_ATTACH=json: each row is added anew, with its separator). */
function jsonRows(member: Buffer): string[] | undefined {
  const rows = memberText(member)?.split('\n');
  rows?.pop();
  return rows;
}

/**
 * Puts the rows of `segments` into the digest's attachment: CSV members as they are, JSON rows
 * anew (each needs its separator). Returns how many rows the segments held for it; `note` says
 * what could not be used (a format changed since, a damaged file).
 */
export function attachSegments(
  attachment: AttachmentBuilder,
  dir: string,
  segments: SegmentInfo[],
  note: (why: string) => void,
): number {
  let kept = 0;
  for (const seg of segments) {
    if (seg.format !== attachment.format) {
      note(
        `${plural(seg.rows, 'spooled row')} in ${seg.format}, ` +
          `but MAIL_ATTACH is now ${attachment.format}: not attached`,
      );
      continue;
    }
    const damaged = (why: string) =>
      note(`spool segment ${why}: its rows are left out of the attachment (the digest's counts stay exact)`);
    for (const [member, rows] of readMembers(join(dir, seg.file), seg, damaged)) {
      const lines = seg.format === 'json' ? jsonRows(member) : undefined;
      if (seg.format === 'csv') attachment.adoptCsv(member, rows);
      else if (lines) for (const row of lines) attachment.addRow(row);
      else {
        damaged(`${seg.file} is damaged`);
        break;
      }
      kept += rows;
    }
  }
  return kept;
}
