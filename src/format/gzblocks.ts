import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

/**
 * Text lines compressed in blocks of ~64 KB, each block one gzip member. Members simply
 * concatenate into one valid .gz file (RFC 1952 §2.2: "a gzip file consists of a series of
 * members"; gunzip, zcat, 7-Zip, Python and Node read them all), and each member's compressed
 * size is known at once, so the writer can stop exactly before a size cap and later drop whole
 * trailing members if the mail server's limit turns out smaller.
 */
const BLOCK_CHARS = 256 * 1024;

interface Member {
  bytes: Buffer;
  rows: number;
}

export class GzipBlocks {
  #members: Member[] = [];
  #pending: string[] = [];
  #pendingRows = 0;
  #pendingChars = 0;
  #bytes = 0;
  #full = false;
  readonly #tail: Buffer | undefined;
  /** Lines added (kept or not). */
  lines = 0;
  /** Lines in the attachment. */
  rows = 0;
  /** Lines left out to respect the size cap. */
  omitted = 0;

  /** `budget`: compressed bytes in all; `header` starts the first block, `footer` is a block of its own. */
  constructor(
    private budget: number,
    private readonly header: string,
    footer = '',
  ) {
    this.#tail = footer ? gzipSync(footer) : undefined;
    this.budget -= this.#tail?.length ?? 0;
    this.#pending.push(header);
  }

  add(line: string): void {
    this.lines++;
    if (this.#full) {
      this.omitted++;
      return;
    }
    this.#pending.push(line);
    this.#pendingRows++;
    this.#pendingChars += line.length;
    if (this.#pendingChars >= BLOCK_CHARS) this.#flush();
  }

  /** Compresses what is pending; call once after the last line. */
  finish(): void {
    if (this.#pendingRows > 0 || this.#members.length === 0) this.#flush();
  }

  get bytes(): number {
    return this.#bytes + (this.#tail?.length ?? 0);
  }

  /** Drops whole trailing blocks until everything fits `budget` (a smaller server limit). */
  trimTo(budget: number): void {
    this.budget = Math.min(this.budget, budget - (this.#tail?.length ?? 0));
    while (this.#bytes > this.budget && this.#members.length > 0) {
      const last = this.#members.pop()!;
      this.#bytes -= last.bytes.length;
      this.rows -= last.rows;
      this.omitted += last.rows;
      this.#full = true;
    }
  }

  content(): Buffer {
    return Buffer.concat(this.#parts());
  }

  /** The same bytes as a new stream on each call, never copied into one buffer. */
  stream(): Readable {
    return Readable.from(this.#parts(), { objectMode: false });
  }

  clear(): void {
    this.#members = [];
    this.#pending = [];
  }

  #parts(): Buffer[] {
    const parts = this.#members.map((m) => m.bytes);
    return this.#tail ? [...parts, this.#tail] : parts;
  }

  #flush(): void {
    const gz = gzipSync(this.#pending.join(''));
    if (this.#bytes + gz.length <= this.budget || this.#members.length === 0 && this.#pendingRows === 0) this.#push(gz, this.#pendingRows);
    else this.#fitPart();
    this.#pending = [];
    this.#pendingRows = 0;
    this.#pendingChars = 0;
  }

  /** The block does not fit whole: keep as many of its first lines as fit, then stop. */
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
    else if (header) this.#push(gzipSync(this.header), 0);
    this.omitted += this.#pendingRows - (best?.rows ?? 0);
  }

  #push(bytes: Buffer, rows: number): void {
    this.#members.push({ bytes, rows });
    this.#bytes += bytes.length;
    this.rows += rows;
  }
}
