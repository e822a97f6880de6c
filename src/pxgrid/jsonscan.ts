import { BACKSLASH, CLOSE_ARR, CLOSE_OBJ, COMMA, decodeKey, OPEN_ARR, OPEN_OBJ, QUOTE } from './jsonbytes';
import { AFTER_END, HEAD_BYTES, MAX_DEPTH, MAX_KEY_BYTES, NOT_OBJECT } from './jsonlimits';

/**
 * The careful byte scan of `{"<key>":[{...},{...}]}`: finds the target array and hands each of its
 * elements (objects and arrays) to `onElement` whole, one at a time, so memory does not grow with
 * the response (a storm response can be 100-300 MB; Guestshell has 256 MB in all). jsonstream.ts
 * puts its fast path in front of it.
 *
 * Works on bytes: the structural characters `"{}[],:\` are ASCII and never occur inside a
 * multi-byte UTF-8 sequence, so chunk boundaries can fall anywhere. Each element's bytes are
 * handed to `onElement` whole; unicode escapes and the rest are JSON.parse's job. Only objects and
 * arrays inside the target array are elements (a record is an object).
 */
/** The bytes are not the JSON a pxGrid reply must be: ISE's fault, never ours. */
export class MalformedJson extends Error {
  override name = 'MalformedJson';
}

export class ArrayScanner {
  #depth = 0;
  /** Opening byte of each open container, outermost first: a `]` must close a `[`. */
  readonly #open: number[] = [];
  #inString = false;
  #escape = false;
  #inTarget = false;
  /** Inside the target array where a value starts: a value other than an object or array is no record. */
  #expectValue = false;
  #found = false;
  #done = false;
  #keyBytes: number[] | undefined;
  #lastKey = '';
  /** Pieces of an element that spans chunks (copied: the chunk's memory is reused). */
  #parts: Buffer[] = [];
  #elementStart = -1;
  #elementBytes = 0;
  /** Levels the element is open beyond MAX_DEPTH: only counted (their brackets are not matched). */
  #beyond = 0;
  #tooDeep = false;

  constructor(
    private readonly key: string,
    /** Called synchronously; the buffer may be a view of the chunk, valid only during the call. */
    private readonly onElement: (json: Buffer) => void,
    private readonly maxElementBytes: number,
    /** Called for each value in the array that is not an object or array (a string, number, ...). */
    private readonly onScalar: () => void,
    /**
     * Called instead of onElement for an element nested deeper than MAX_DEPTH, with its first bytes:
     * it costs only itself. Without it, such an element ends the scan (MalformedJson).
     */
    private readonly onTooDeep?: (head: Buffer) => void,
  ) {}

  /** True once the top-level value has closed: the response is complete (read it after end()). */
  get complete(): boolean {
    return this.#done;
  }

  /** True once the target array has begun: the top-level key held an array. */
  get found(): boolean {
    return this.#found;
  }

  /**
   * Scans `chunk` from `from` to its end, and returns its length. With `stop`, returns instead the
   * index of the `{` that starts an element of the target array, before reading it: the caller
   * reads from there on (the fast path), then calls again with the index to go on from.
   */
  scan(chunk: Buffer, from: number, stop: boolean): number {
    // At a stop no element is open, so calling again within one chunk starts it over the same way.
    this.#elementStart = this.#inElement() ? 0 : -1;
    const n = chunk.length;
    // `| 0`: an index into a chunk (a socket read) fits 31 bits; saying so keeps the loop on int32
    // arithmetic (starting from a bare parameter cost this loop 8% more instructions, measured).
    for (let i = from | 0; i < n; i++) {
      if (this.#inString) {
        i = this.#scanString(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) this.#startString();
      else if (c === OPEN_OBJ && stop && this.#inTarget && this.#depth === 2) return i;
      else if (c === OPEN_OBJ || c === OPEN_ARR) this.#openContainer(c, i);
      else if (c === CLOSE_OBJ || c === CLOSE_ARR) this.#close(c, chunk, i);
      else if (this.#depth === 2 && this.#inTarget && c > 0x20) this.#between(c);
      else if (this.#depth === 0 && c > 0x20) throw new MalformedJson(this.#done ? AFTER_END : NOT_OBJECT);
    }
    if (this.#elementStart >= 0) this.#keep(chunk.subarray(this.#elementStart));
    return n;
  }

  /** The caller read whole elements up to a closing `}`: no value is pending. */
  tookElements(): void {
    this.#expectValue = false;
  }

  #inElement(): boolean {
    return this.#inTarget && this.#depth >= 3;
  }

  /**
   * Consumes string bytes from `i`; returns the index of the closing quote, or the chunk's last
   * index when the string goes on. Jumps from quote to quote (string bytes are most of a record):
   * a quote is escaped when an odd run of backslashes precedes it. The run cannot reach back past
   * `i`, because no escape is pending at `i` once the first branch has run.
   */
  #scanString(chunk: Buffer, i: number): number {
    if (this.#keyBytes) return this.#keyByte(chunk[i]!, i);
    const n = chunk.length;
    if (this.#escape) {
      // The previous chunk ended with an escaping backslash: this byte is escaped.
      this.#escape = false;
      if (i + 1 >= n) return i;
      i++;
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, i);
      const end = q === -1 ? n : q;
      let run = 0;
      while (end - 1 - run >= i && chunk[end - 1 - run] === BACKSLASH) run++;
      if (q === -1) {
        this.#escape = run % 2 === 1;
        return n - 1;
      }
      if (run % 2 === 0) {
        this.#inString = false;
        return q;
      }
      if (q + 1 >= n) return q; // an escaped quote ends the chunk: still inside the string
      i = q + 1;
    }
  }

  /** Top-level keys are kept byte by byte (they are short) to find the target array. */
  #keyByte(c: number, i: number): number {
    if (this.#escape) this.#escape = false;
    else if (c === BACKSLASH) this.#escape = true;
    else if (c === QUOTE) {
      this.#inString = false;
      this.#lastKey = decodeKey(this.#keyBytes!);
      this.#keyBytes = undefined;
      return i;
    }
    if (this.#keyBytes!.length < MAX_KEY_BYTES) this.#keyBytes!.push(c);
    return i;
  }

  /** A byte between the elements of the target array: a comma, or the start of a scalar value. */
  #between(c: number): void {
    if (c === COMMA) this.#expectValue = true;
    else if (this.#expectValue) {
      this.#expectValue = false;
      this.onScalar();
    }
  }

  #startString(): void {
    if (this.#depth === 2 && this.#inTarget) this.#between(QUOTE);
    if (this.#depth === 0) throw new MalformedJson(this.#done ? AFTER_END : NOT_OBJECT);
    this.#inString = true;
    this.#escape = false;
    // Strings directly in the top-level object are its keys (and values, harmless: a key follows).
    this.#keyBytes = this.#depth === 1 ? [] : undefined;
  }

  #openContainer(c: number, i: number): void {
    if (this.#done) throw new MalformedJson(AFTER_END);
    if (this.#depth === 0 && c !== OPEN_OBJ) throw new MalformedJson(NOT_OBJECT);
    if (this.#depth >= MAX_DEPTH) {
      if (!this.onTooDeep || !this.#inElement())
        throw new MalformedJson(`the response is nested deeper than ${MAX_DEPTH} levels`);
      this.#tooDeep = true;
      this.#beyond++;
      return;
    }
    this.#open.push(c);
    this.#depth++;
    this.#expectValue = false;
    if (this.#depth === 2 && c === OPEN_ARR && this.#lastKey === this.key) {
      this.#inTarget = true;
      this.#found = true;
      this.#expectValue = true;
    }
    if (this.#depth === 3 && this.#inTarget) {
      this.#elementStart = i;
      this.#parts = [];
      this.#elementBytes = 0;
    }
  }

  #close(c: number, chunk: Buffer, i: number): void {
    if (this.#beyond > 0) {
      this.#beyond--;
      return;
    }
    const opened = this.#open.pop();
    if (opened === undefined || (opened === OPEN_OBJ) !== (c === CLOSE_OBJ))
      throw new MalformedJson('unbalanced JSON in the response');
    if (this.#depth === 3 && this.#inTarget) this.#emit(chunk, i);
    this.#depth--;
    if (this.#depth === 1) this.#inTarget = false;
    if (this.#depth === 0) this.#done = true;
  }

  #emit(chunk: Buffer, i: number): void {
    const start = Math.max(this.#elementStart, 0);
    this.#elementStart = -1;
    if (this.#parts.length === 0) {
      // Whole element in this chunk: hand over a view, no copy.
      this.#count(i + 1 - start);
      this.#hand(chunk.subarray(start, i + 1));
      return;
    }
    this.#keep(chunk.subarray(start, i + 1));
    const element = Buffer.concat(this.#parts);
    this.#parts = [];
    this.#hand(element);
  }

  #hand(element: Buffer): void {
    if (!this.#tooDeep) return this.onElement(element);
    this.#tooDeep = false;
    this.onTooDeep!(element.subarray(0, HEAD_BYTES));
  }

  #keep(part: Buffer): void {
    this.#count(part.length);
    this.#parts.push(Buffer.from(part));
  }

  #count(bytes: number): void {
    this.#elementBytes += bytes;
    if (this.#elementBytes > this.maxElementBytes)
      throw new MalformedJson(`a record is larger than ${this.maxElementBytes} bytes`);
  }
}
