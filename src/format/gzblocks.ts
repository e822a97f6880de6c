import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Text lines compressed in blocks of ~256 K characters, each block one gzip member. Members simply
 * concatenate into one valid .gz file (RFC 1952 §2.2: "a gzip file consists of a series of
 * members"; gunzip, zcat, 7-Zip, Python and Node read them all), and each member's compressed
 * size is known at once, so the writer can stop exactly before a size cap and later cut the file
 * to a smaller limit (the mail server's SIZE) without holding the text: the last block kept is
 * decompressed and re-compressed with as many of its first lines as fit.
 */
const BLOCK_CHARS = 256 * 1024;

interface Member {
  bytes: Buffer;
  /** Data lines in this block (the header is not a line). */
  rows: number;
  /** Characters of header text at the start of this block (first block only). */
  head: number;
  /** The data lines, from the block's text (when a smaller limit cuts into the block). */
  lines: (text: string) => string[];
}

export class GzipBlocks {
  #members: Member[] = [];
  #pending: string[] = [];
  #pendingChars = 0;
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
    this.#tail = footer ? gzipSync(footer) : undefined;
    this.budget -= this.#tail?.length ?? 0;
  }

  add(line: string): void {
    this.lines++;
    if (this.#full) {
      this.omitted++;
      return;
    }
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (this.#pendingChars >= BLOCK_CHARS) this.#flush();
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
    if (this.#pending.length > 0) this.#flush();
    this.lines += rows;
    if (this.#full) {
      this.omitted += rows;
      return;
    }
    if (this.#members.length === 0) this.#push(gzipSync(this.header), [], true);
    if (this.#bytes + bytes.length <= this.budget) {
      this.#members.push({ bytes, rows, head: 0, lines: split });
      this.#bytes += bytes.length;
      this.rows += rows;
      return;
    }
    this.#full = true;
    const lines = split(gunzipSync(bytes).toString('utf8'));
    this.omitted += lines.length - this.#fitLines(lines, false);
  }

  /** Compresses what is pending; call once after the last line. */
  finish(): void {
    if (this.#pending.length > 0) this.#flush();
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
      const lines = last.lines(gunzipSync(last.bytes).toString('utf8'));
      const kept = this.#fitLines(lines, last.head > 0);
      this.omitted += lines.length - kept;
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
    this.#pendingChars = 0;
    this.#bytes = 0;
    this.#full = false;
  }

  #parts(): Buffer[] {
    const parts = this.#members.map((m) => m.bytes);
    return this.#tail ? [...parts, this.#tail] : parts;
  }

  #flush(): void {
    const lines = this.#pending;
    this.#pending = [];
    this.#pendingChars = 0;
    const first = this.#members.length === 0;
    const gz = gzipSync((first ? this.header : '') + lines.join(''));
    if (this.#bytes + gz.length <= this.budget) this.#push(gz, lines, first);
    else {
      this.#full = true;
      this.omitted += lines.length - this.#fitLines(lines, first);
    }
  }

  /** Keeps as many of the first `lines` as fit the budget as one block; returns how many. */
  #fitLines(lines: string[], first: boolean): number {
    const head = first ? this.header : '';
    let lo = 1;
    let hi = lines.length;
    let best: { gz: Buffer; n: number } | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const gz = gzipSync(head + lines.slice(0, mid).join(''));
      if (this.#bytes + gz.length <= this.budget) {
        best = { gz, n: mid };
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (best) this.#push(best.gz, lines.slice(0, best.n), first);
    return best?.n ?? 0;
  }

  #push(bytes: Buffer, lines: string[], first: boolean): void {
    const lens = lines.map((l) => l.length);
    const head = first ? this.header.length : 0;
    const split = (text: string) => {
      let at = head;
      return lens.map((n) => {
        at += n;
        return text.slice(at - n, at);
      });
    };
    this.#members.push({ bytes, rows: lines.length, head, lines: split });
    this.#bytes += bytes.length;
    this.rows += lines.length;
  }
}
