import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { FailureView } from './digest';
import { clean } from './sanitize';

/**
 * Every failure of the poll as a gzip-compressed CSV, built while the records stream in, never
 * holding the CSV text: rows are compressed in blocks of ~64 KB, each block one gzip member.
 * Members simply concatenate into one valid .gz file (RFC 1952 §2.2: "a gzip file consists of a
 * series of members"; gunzip, zcat, 7-Zip, Python and Node read them all), and each member's
 * compressed size is known at once, so the writer can stop exactly before the size cap and later
 * drop whole trailing members if the mail server's limit turns out smaller.
 */
export const CSV_COLUMNS = ['time', 'id', 'user', 'endpoint', 'nas', 'nas_ip', 'reason', 'location'] as const;

const BLOCK_CHARS = 64 * 1024;

export function csvRow(id: string, v: FailureView): string[] {
  // ISO 8601 UTC: sorts as text and every spreadsheet parses it.
  return [v.time === undefined ? v.timestamp : new Date(v.time).toISOString(), clean(id, 64), v.user, v.endpoint, v.nasName, v.nasIp, v.reason, v.location];
}

/**
 * One CSV field. Values are already cleaned (no line breaks); a leading = + - @ is defused with a
 * quote because spreadsheets run such a cell as a formula, and a supplicant picks its user name.
 * See: https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

interface Member {
  bytes: Buffer;
  rows: number;
}

export class GzipCsvWriter {
  readonly #members: Member[] = [];
  #pending: string[] = [];
  #pendingRows = 0;
  #pendingChars = 0;
  #bytes = 0;
  #full = false;
  /** Rows in the attachment. */
  rows = 0;
  /** Rows left out to respect the size cap. */
  omitted = 0;

  /** `budget`: the most compressed bytes the attachment may take. */
  constructor(private budget: number) {
    this.#pending.push(csvLine(CSV_COLUMNS));
  }

  add(cells: readonly string[]): void {
    if (this.#full) {
      this.omitted++;
      return;
    }
    const line = csvLine(cells);
    this.#pending.push(line);
    this.#pendingRows++;
    this.#pendingChars += line.length;
    if (this.#pendingChars >= BLOCK_CHARS) this.#flush();
  }

  /** Compresses what is pending; call once after the last row. */
  finish(): void {
    if (this.#pendingRows > 0) this.#flush();
  }

  /** Compressed size so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Drops whole trailing blocks until the attachment fits `budget` (a smaller server limit). */
  trimTo(budget: number): void {
    this.budget = Math.min(this.budget, budget);
    while (this.#bytes > this.budget) {
      const last = this.#members.pop()!;
      this.#bytes -= last.bytes.length;
      this.rows -= last.rows;
      this.omitted += last.rows;
      this.#full = true;
    }
  }

  /** The .csv.gz bytes, or undefined when no row fits. */
  content(): Buffer | undefined {
    return this.rows > 0 ? Buffer.concat(this.#members.map((m) => m.bytes)) : undefined;
  }

  /** The same bytes as a new stream on each call, never copied into one buffer. */
  stream(): Readable {
    return Readable.from(this.#members.map((m) => m.bytes), { objectMode: false });
  }

  #flush(): void {
    const gz = gzipSync(this.#pending.join(''));
    if (this.#bytes + gz.length <= this.budget) this.#push(gz, this.#pendingRows);
    else this.#fitPart();
    this.#pending = [];
    this.#pendingRows = 0;
    this.#pendingChars = 0;
  }

  /** The block does not fit whole: keep as many of its first rows as fit, then stop. */
  #fitPart(): void {
    this.#full = true;
    const header = this.#members.length === 0 ? 1 : 0;
    let lo = 1;
    let hi = this.#pendingRows - 1;
    let best: { gz: Buffer; rows: number } | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const gz = gzipSync(this.#pending.slice(0, header + mid).join(''));
      if (this.#bytes + gz.length <= this.budget) {
        best = { gz, rows: mid };
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (best) this.#push(best.gz, best.rows);
    this.omitted += this.#pendingRows - (best?.rows ?? 0);
  }

  #push(bytes: Buffer, rows: number): void {
    this.#members.push({ bytes, rows });
    this.#bytes += bytes.length;
    this.rows += rows;
  }
}
