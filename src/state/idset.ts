/**
 * The canonical ids (with record times) of one poll's new records, kept off the JS heap.
 *
 * A storm brings 100 000 records in one response, and the cursor must advance over every one. As
 * a Map<string, number> that is ~100 000 long-lived heap objects, and promoting them is what made
 * V8 grow its young generation: 35 MB more peak RSS of a 128 MB budget (measured with `npm run bench`). Here a
 * numeric id (all ISE ids are digit strings of 16 digits, below 2^53) is one slot of a Float64Array,
 * exact for integers up to 2^53, and its time one of another; an open-addressing table of indices
 * answers `has` exactly. Other ids go to an ordinary Map. No BigInt: parsing one per lookup cost
 * more than the rest of the table in a storm. The cursor's `seen` list, which after a storm holds
 * every id of the overlap window, is one of these too.
 */
const EMPTY = -1;
/** Digits of Number.MAX_SAFE_INTEGER (9007199254740991). */
const MAX_SAFE_DIGITS = 16;

export class IdTimeSet implements Iterable<[string, number | undefined]> {
  #ids = new Float64Array(1024);
  #times = new Float64Array(1024);
  #count = 0;
  #slots = new Int32Array(2048).fill(EMPTY);
  readonly #other = new Map<string, number | undefined>();

  get size(): number {
    return this.#count + this.#other.size;
  }

  has(id: string): boolean {
    const n = numeric(id);
    if (n === undefined) return this.#other.has(id);
    return this.#slots[this.#find(n)] !== EMPTY;
  }

  /** Adds `id` unless present; returns false when it was already there. */
  add(id: string, time: number | undefined): boolean {
    const n = numeric(id);
    if (n !== undefined) return this.#addNumeric(n, time ?? Number.NaN);
    if (this.#other.has(id)) return false;
    this.#other.set(id, time);
    return true;
  }

  /**
   * Copies in the entries of `from` whose time passes `keep` (an entry without a time counts as
   * `timeless`), without turning ids into strings: the cursor keeps ~100 000 of them after a storm.
   */
  addFrom(from: IdTimeSet, keep: (t: number) => boolean, timeless: number): void {
    for (let i = 0; i < from.#count; i++) {
      const t = Number.isNaN(from.#times[i]!) ? timeless : from.#times[i]!;
      if (keep(t)) this.#addNumeric(from.#ids[i]!, t);
    }
    for (const [id, t] of from.#other) if (keep(t ?? timeless)) this.add(id, t ?? timeless);
  }

  #addNumeric(n: number, time: number): boolean {
    const slot = this.#find(n);
    if (this.#slots[slot] !== EMPTY) return false;
    if (this.#count === this.#ids.length) this.#growColumns();
    this.#ids[this.#count] = n;
    this.#times[this.#count] = time;
    this.#slots[slot] = this.#count++;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    return true;
  }

  *[Symbol.iterator](): Iterator<[string, number | undefined]> {
    for (let i = 0; i < this.#count; i++) {
      const t = this.#times[i]!;
      yield [String(this.#ids[i]!), Number.isNaN(t) ? undefined : t];
    }
    yield* this.#other;
  }

  /** The newest time held that is not after `upTo`, if any. */
  maxTime(upTo = Number.POSITIVE_INFINITY): number | undefined {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.#count; i++) {
      const t = this.#times[i]!;
      if (t > max && t <= upTo) max = t;
    }
    for (const t of this.#other.values()) if (t !== undefined && t > max && t <= upTo) max = t;
    return max === Number.NEGATIVE_INFINITY ? undefined : max;
  }

  /**
   * The earliest time T such that at most `n` entries have a time at or after T (entries without a
   * time count as the oldest): what `dropBefore` needs to bring the set down to `n`.
   */
  floorFor(n: number): number {
    if (this.size <= n) return Number.NEGATIVE_INFINITY;
    const times = new Float64Array(this.size);
    times.set(this.#times.subarray(0, this.#count));
    let i = this.#count;
    for (const t of this.#other.values()) times[i++] = t ?? Number.NaN;
    for (let j = 0; j < times.length; j++) if (Number.isNaN(times[j]!)) times[j] = Number.NEGATIVE_INFINITY;
    times.sort();
    // Every entry at or before this time must go; times are whole milliseconds.
    return times[times.length - n - 1]! + 1;
  }

  /** Drops every entry older than `floor`, and every entry without a time. */
  dropBefore(floor: number): void {
    let kept = 0;
    for (let i = 0; i < this.#count; i++) {
      if (!(this.#times[i]! >= floor)) continue;
      this.#ids[kept] = this.#ids[i]!;
      this.#times[kept++] = this.#times[i]!;
    }
    this.#count = kept;
    for (const [id, t] of this.#other) if (!(t !== undefined && t >= floor)) this.#other.delete(id);
    this.#rehash(this.#slots.length);
  }

  /** Entries ordered by time (oldest first; entries without a time last), numeric ids first. */
  *byTime(): Generator<[string, number | undefined]> {
    const order = Array.from({ length: this.#count }, (_, i) => i);
    const times = this.#times;
    const key = (i: number) => (Number.isNaN(times[i]!) ? Number.POSITIVE_INFINITY : times[i]!);
    order.sort((a, b) => key(a) - key(b) || a - b);
    for (const i of order) {
      const t = times[i]!;
      yield [String(this.#ids[i]!), Number.isNaN(t) ? undefined : t];
    }
    yield* [...this.#other].sort((a, b) => (a[1] ?? Number.POSITIVE_INFINITY) - (b[1] ?? Number.POSITIVE_INFINITY));
  }

  /** The slot holding `n`, or the empty slot where it belongs. */
  #find(n: number): number {
    const mask = this.#slots.length - 1;
    let slot = hash(n) & mask;
    for (;;) {
      const at = this.#slots[slot]!;
      if (at === EMPTY || this.#ids[at] === n) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #growColumns(): void {
    const ids = new Float64Array(this.#ids.length * 2);
    ids.set(this.#ids);
    const times = new Float64Array(this.#times.length * 2);
    times.set(this.#times);
    this.#ids = ids;
    this.#times = times;
  }

  #rehash(length = this.#slots.length * 2): void {
    this.#slots = new Int32Array(length).fill(EMPTY);
    const mask = this.#slots.length - 1;
    for (let i = 0; i < this.#count; i++) {
      let slot = hash(this.#ids[i]!) & mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#slots[slot] = i;
    }
  }
}

/** The id as a number when it is canonical digits (no leading zero) of an integer up to 2^53. */
function numeric(id: string): number | undefined {
  const len = id.length;
  if (len === 0 || len > MAX_SAFE_DIGITS || (len > 1 && id.charCodeAt(0) === 48)) return undefined;
  for (let i = 0; i < len; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(id);
  return n <= Number.MAX_SAFE_INTEGER ? n : undefined;
}

/** murmur3's finaliser over the two 32-bit halves: spreads sequential ids over the table. */
function hash(n: number): number {
  const lo = n >>> 0;
  let h = lo ^ Math.imul((n - lo) / 4294967296, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
