import { OPEN_ARR, OPEN_OBJ } from './jsonbytes';
import { MAX_DEPTH } from './jsonlimits';
import { ArrayScanner } from './jsonscan';

/**
 * Incremental extraction of the elements of one top-level array (`{"failures":[{...},{...}]}`)
 * from a byte stream, one element at a time, so memory does not grow with the response: the
 * careful byte scan of jsonscan.ts, with a fast path in front of it.
 *
 * Fast path (`parseMany`): byte-by-byte scanning in JavaScript cost more than JSON.parse itself in
 * a storm. So where a chunk holds whole elements, the text from an element's `{` to the last `},{"`
 * or `}]` of the chunk is offered to `parseMany` as one piece (`{...},{...}`). If that text is not
 * a sequence of whole elements (the `}` closed a nested object or sat inside a string), it is not
 * valid JSON either: `parseMany` says so and the careful byte scan takes over for the rest of the
 * chunk, so a hostile body costs at most one failed parse per chunk. A record cut by the end of a
 * chunk waits, as bytes, for the next chunk instead of being scanned. A piece with more opening
 * brackets than MAX_DEPTH allows goes the careful way too, which measures the nesting.
 */
/** `},{"`: one record ends, the next begins with a key (ISE's compact output); `}]`: the last one. */
const NEXT_RECORD = Buffer.from('},{"');
const LAST_RECORD = Buffer.from('}]');
/**
 * The most the fast path holds back waiting for a record boundary (records are ~1-2 KB). A tail this
 * long without one means the answer is not written compactly (pretty-printed, say): the careful scan
 * then takes the rest of the body, instead of copying a growing tail again with every chunk.
 */
const STASH_MAX_BYTES = 64 * 1024;

export class ArrayElementStream {
  readonly #scan: ArrayScanner;
  /** The fast path's bytes from an element's start to the chunk's end, waiting for the next chunk. */
  #stash: Buffer | undefined;
  /** False once the body showed it has no compact record boundaries (see STASH_MAX_BYTES). */
  #fast: boolean;

  constructor(
    key: string,
    /** Called synchronously; the buffer may be a view of the chunk, valid only during the call. */
    onElement: (json: Buffer) => void,
    private readonly maxElementBytes = 4 * 1024 * 1024,
    /** Called for each value in the array that is not an object or array (a string, number, ...). */
    onScalar: () => void = () => undefined,
    /**
     * Takes the text of several whole values of the array (`{...},{...}`) and returns true once it
     * has handled them all, or false without handling any when the text does not parse.
     */
    private readonly parseMany?: (text: string) => boolean,
    /** An element nested deeper than MAX_DEPTH, with its first bytes (see ArrayScanner). */
    onTooDeep?: (head: Buffer) => void,
  ) {
    this.#scan = new ArrayScanner(key, onElement, maxElementBytes, onScalar, onTooDeep);
    this.#fast = parseMany !== undefined;
  }

  /** Bytes the fast path holds back for the next chunk. */
  get heldBytes(): number {
    return this.#stash?.length ?? 0;
  }

  /** True once the top-level value has closed: the response is complete (read it after end()). */
  get complete(): boolean {
    return this.#scan.complete;
  }

  /** True once the target array has begun: the top-level key held an array. */
  get found(): boolean {
    return this.#scan.found;
  }

  write(chunk: Buffer): void {
    if (this.#stash) {
      chunk = Buffer.concat([this.#stash, chunk]);
      this.#stash = undefined;
    }
    this.#write(chunk, this.#fast);
  }

  /** The body has ended: reads what the fast path still holds. Then `complete` says whether it was whole. */
  end(): void {
    const rest = this.#stash;
    this.#stash = undefined;
    if (rest) this.#write(rest, false);
  }

  /** The scanner stops at each element it reaches while `fast`; from there the fast path reads on. */
  #write(chunk: Buffer, fast: boolean): void {
    const n = chunk.length;
    for (let i = this.#scan.scan(chunk, 0, fast); i < n; ) {
      const end = this.#manyEnd(chunk, i);
      // On success resume after the last `}` handled. No record boundary left in this chunk: keep
      // its tail for the next one (a socket delivers 16 KB pieces, most ending mid-record).
      // Otherwise scan this element byte by byte.
      if (end > i && this.parseMany!(chunk.toString('utf8', i, end + 1))) {
        this.#scan.tookElements();
        i = this.#scan.scan(chunk, end + 1, fast);
      } else if (end < i && n - i <= STASH_MAX_BYTES) {
        this.#stash = Buffer.from(chunk.subarray(i));
        return;
      } else {
        if (end < i) this.#fast = false;
        fast = false;
        i = this.#scan.scan(chunk, i, fast);
      }
    }
  }

  /**
   * Index of the last `}` in the chunk that looks like the end of a record; -1 when the piece up to
   * it is over the size limit or holds too many opening brackets (the careful scan measures both).
   */
  #manyEnd(chunk: Buffer, start: number): number {
    const end = Math.max(chunk.lastIndexOf(NEXT_RECORD), chunk.lastIndexOf(LAST_RECORD));
    if (end < start) return end;
    return end - start < this.maxElementBytes && openings(chunk.subarray(start, end), MAX_DEPTH - 2) ? end : -1;
  }
}

/** True when `bytes` hold at most `limit` opening brackets: no value in them nests deeper. */
function openings(bytes: Buffer, limit: number): boolean {
  let n = 0;
  for (const c of [OPEN_OBJ, OPEN_ARR])
    for (let j = bytes.indexOf(c); j !== -1; j = bytes.indexOf(c, j + 1)) if (++n > limit) return false;
  return true;
}
