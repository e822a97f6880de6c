import { Readable } from 'node:stream';
import { GZIP_OPTIONS, gzipPrefix, zlib } from './gzmember';

/**
 * Text lines compressed in blocks of ~256 KB, each block one gzip member. Members simply
 * concatenate into one valid .gz file (RFC 1952 §2.2: "a gzip file consists of a series of
 * members"; gunzip, zcat, 7-Zip, Python and Node read them all), and each member's compressed
 * size is known at once, so the writer can stop exactly before a size cap and later cut the file
 * to a smaller limit (the mail server's SIZE) without holding the text: the last block kept is
 * decompressed and re-compressed with as many of its first lines as fit.
 *
 * Lines are copied into a byte buffer as they come, not kept as strings: fewer objects for V8 to
 * move around while a storm streams in. Compressing on libuv's thread pool instead was tried: no
 * faster on a busy 2-core machine and ~10 MB more peak RSS (thread arenas, blocks in flight).
 *
 * The gzip level, and how a block is cut down to what fits: gzmember.ts.
 */
const BLOCK_BYTES = 256 * 1024;

interface Member {
  bytes: Buffer;
  /** Data lines in this block (the header is not a line). */
  rows: number;
  /** Bytes of header at the start of this block (first block only). */
  head: number;
  /** Byte length of each data line, from the block's uncompressed bytes (when a smaller limit cuts into it). */
  lens: (data: Buffer) => number[];
}

export class GzipBlocks {
  #members: Member[] = [];
  #stage: Buffer;
  #used = 0;
  #lens: number[] = [];
  #head = 0;
  #bytes = 0;
  #full = false;
  readonly #tail: Buffer | undefined;
  /** Lines added (kept or not). */
  lines = 0;
  /** Lines in the file. */
  rows = 0;
  /** Lines left out to respect the size cap. */
  omitted = 0;

  /** `budget`: compressed bytes in all; `header` starts the first block, `footer` is a block of its own. */
  constructor(
    private budget: number,
    private readonly header: string,
    footer = '',
  ) {
    this.#tail = footer ? zlib().gzipSync(footer, GZIP_OPTIONS) : undefined;
    this.budget -= this.#tail?.length ?? 0;
    this.#stage = Buffer.allocUnsafe(BLOCK_BYTES + 64 * 1024);
    this.#stageHeader();
  }

  add(line: string): void {
    this.lines++;
    if (this.#full) {
      this.omitted++;
      return;
    }
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.#used + 3 * line.length > this.#stage.length) {
      const bigger = Buffer.allocUnsafe(this.#used + 3 * line.length + BLOCK_BYTES);
      this.#stage.copy(bigger, 0, 0, this.#used);
      this.#stage = bigger;
    }
    const n = this.#stage.write(line, this.#used, 'utf8');
    this.#used += n;
    this.#lens.push(n);
    if (this.#used >= BLOCK_BYTES) this.#flush();
  }

  /** Counts `n` lines that were never added here (the digest spool did not keep them). */
  omit(n: number): void {
    this.lines += n;
    this.omitted += n;
  }

  /**
   * Appends a block compressed elsewhere (the digest spool keeps CSV rows as gzip members), so
   * sending a spooled digest compresses nothing twice. `split` recovers its `rows` lines from its
   * text when a limit cuts into it. The header goes first as a block of its own.
   */
  adopt(bytes: Buffer, rows: number, split: (text: string) => string[]): void {
    if (this.#lens.length > 0) this.#flush();
    this.lines += rows;
    if (this.#full) {
      this.omitted += rows;
      return;
    }
    if (this.#members.length === 0) {
      this.#push(zlib().gzipSync(this.#stage.subarray(0, this.#used), GZIP_OPTIONS), [], this.#used);
      this.#used = this.#head = 0;
    }
    const lens = (data: Buffer) => split(data.toString('utf8')).map((l) => Buffer.byteLength(l));
    if (this.#bytes + bytes.length <= this.budget) {
      this.#members.push({ bytes, rows, head: 0, lens });
      this.#bytes += bytes.length;
      this.rows += rows;
      return;
    }
    this.#full = true;
    const data = zlib().gunzipSync(bytes);
    const all = lens(data);
    this.omitted += all.length - this.#fitLines(data, all, 0);
  }

  /** Compresses what is pending; call once after the last line. */
  finish(): void {
    if (this.#lens.length > 0) this.#flush();
  }

  get bytes(): number {
    return this.#bytes + (this.#tail?.length ?? 0);
  }

  /** Cuts trailing lines until everything fits `budget` (a smaller server limit). */
  trimTo(budget: number): void {
    this.budget = Math.min(this.budget, budget - (this.#tail?.length ?? 0));
    while (this.#bytes > this.budget && this.#members.length > 0) {
      const last = this.#members.pop()!;
      this.#bytes -= last.bytes.length;
      this.rows -= last.rows;
      this.#full = true;
      const data = zlib().gunzipSync(last.bytes);
      const lens = last.lens(data);
      this.omitted += lens.length - this.#fitLines(data, lens, last.head);
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
    this.#lens = [];
    this.#bytes = 0;
    this.#full = false;
    this.#stageHeader();
  }

  #stageHeader(): void {
    this.#head = this.#used = this.#stage.write(this.header, 0, 'utf8');
  }

  #parts(): Buffer[] {
    const parts = this.#members.map((m) => m.bytes);
    return this.#tail ? [...parts, this.#tail] : parts;
  }

  #flush(): void {
    const data = this.#stage.subarray(0, this.#used);
    const lens = this.#lens;
    const head = this.#head;
    this.#lens = [];
    this.#used = this.#head = 0;
    const gz = zlib().gzipSync(data, GZIP_OPTIONS);
    if (this.#bytes + gz.length <= this.budget) this.#push(gz, lens, head);
    else {
      this.#full = true;
      this.omitted += lens.length - this.#fitLines(data, lens, head);
    }
  }

  /** Keeps as many of the first lines of `data` as fit the budget as one block; returns how many. */
  #fitLines(data: Buffer, lens: number[], head: number): number {
    const best = gzipPrefix(data, lens, head, this.budget - this.#bytes);
    if (best) this.#push(best.gz, lens.slice(0, best.n), head);
    return best?.n ?? 0;
  }

  #push(bytes: Buffer, lens: number[], head: number): void {
    this.#members.push({ bytes, rows: lens.length, head, lens: () => lens });
    this.#bytes += bytes.length;
    this.rows += lens.length;
  }
}
