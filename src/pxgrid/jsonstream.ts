/**
 * Incremental extraction of the elements of one top-level array (`{"failures":[{...},{...}]}`)
 * from a byte stream, one element at a time, so memory does not grow with the response
 * (a storm response can be 100-300 MB; Guestshell has 256 MB in all).
 *
 * Works on bytes: the structural characters `"{}[],:\` are ASCII and never occur inside a
 * multi-byte UTF-8 sequence, so chunk boundaries can fall anywhere. Each element's bytes are
 * handed to `onElement` whole; unicode escapes and the rest are JSON.parse's job.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

export class ArrayElementStream {
  #depth = 0;
  #inString = false;
  #escape = false;
  #inTarget = false;
  #done = false;
  #keyBytes: number[] | undefined;
  #lastKey = '';
  #parts: Buffer[] = [];
  #elementStart = -1;
  #elementBytes = 0;

  constructor(
    private readonly key: string,
    private readonly onElement: (json: Buffer) => void,
    private readonly maxElementBytes = 4 * 1024 * 1024,
  ) {}

  /** True once the top-level value has closed: the response is complete. */
  get complete(): boolean {
    return this.#done;
  }

  write(chunk: Buffer): void {
    this.#elementStart = this.#depth >= 3 && this.#inTarget ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.#inString) {
        this.#stringByte(c);
        continue;
      }
      if (c === QUOTE) this.#startString();
      else if (c === OPEN_OBJ || c === OPEN_ARR) this.#open(c, chunk, i);
      else if (c === CLOSE_OBJ || c === CLOSE_ARR) this.#close(chunk, i);
      else if (this.#done && c > 0x20) throw new Error('unexpected data after the end of the JSON response');
    }
    if (this.#elementStart >= 0) this.#keep(chunk.subarray(this.#elementStart));
  }

  #stringByte(c: number): void {
    if (this.#escape) this.#escape = false;
    else if (c === BACKSLASH) this.#escape = true;
    else if (c === QUOTE) {
      this.#inString = false;
      if (this.#keyBytes) this.#lastKey = Buffer.from(this.#keyBytes).toString('utf8');
      this.#keyBytes = undefined;
      return;
    }
    if (this.#keyBytes && this.#keyBytes.length < 256) this.#keyBytes.push(c);
  }

  #startString(): void {
    if (this.#depth === 0) throw new Error('the response is not a JSON object');
    this.#inString = true;
    if (this.#depth === 1) this.#keyBytes = [];
  }

  #open(c: number, chunk: Buffer, i: number): void {
    if (this.#done) throw new Error('unexpected data after the end of the JSON response');
    if (this.#depth === 0 && c !== OPEN_OBJ) throw new Error('the response is not a JSON object');
    this.#depth++;
    if (this.#depth === 2 && c === OPEN_ARR && this.#lastKey === this.key) this.#inTarget = true;
    if (this.#depth === 3 && this.#inTarget) {
      this.#elementStart = i;
      this.#parts = [];
      this.#elementBytes = 0;
    }
    void chunk;
  }

  #close(chunk: Buffer, i: number): void {
    if (this.#depth === 0) throw new Error('unbalanced JSON in the response');
    if (this.#depth === 3 && this.#inTarget) {
      this.#keep(chunk.subarray(Math.max(this.#elementStart, 0), i + 1));
      this.#elementStart = -1;
      const element = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts);
      this.#parts = [];
      this.onElement(element);
    }
    this.#depth--;
    if (this.#depth === 1) this.#inTarget = false;
    if (this.#depth === 0) this.#done = true;
  }

  #keep(part: Buffer): void {
    this.#elementBytes += part.length;
    if (this.#elementBytes > this.maxElementBytes) throw new Error(`a record is larger than ${this.maxElementBytes} bytes`);
    // Copy: the chunk's memory is reused by the stream.
    this.#parts.push(Buffer.from(part));
  }
}
