/**
 * The canonical ids (with record times) of one poll's new records, kept off the JS heap.
 *
 * A storm brings 100 000 records in one response, and the cursor must advance over every one. As
 * a Map<string, number> that is ~100 000 long-lived heap objects, and promoting them is what made
 * V8 grow its young generation: 35 MB more peak RSS of a 128 MB budget (measured, issue 7). Here a
 * numeric id (all ISE ids are digit strings) is one slot of a BigUint64Array and its time one of
 * a Float64Array; an open-addressing table of indices answers `has` exactly. Ids that are not
 * numbers below 2^64 (never seen from ISE) go to an ordinary Map.
 */
const EMPTY = -1;
const MAX_U64 = (1n << 64n) - 1n;

export class IdTimeSet implements Iterable<[string, number | undefined]> {
  #ids = new BigUint64Array(1024);
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
    return this.#slots[this.#find(id, n)] !== EMPTY;
  }

  /** Adds `id` unless present; returns false when it was already there. */
  add(id: string, time: number | undefined): boolean {
    const n = numeric(id);
    if (n === undefined) {
      if (this.#other.has(id)) return false;
      this.#other.set(id, time);
      return true;
    }
    const slot = this.#find(id, n);
    if (this.#slots[slot] !== EMPTY) return false;
    if (this.#count === this.#ids.length) this.#growColumns();
    this.#ids[this.#count] = n;
    this.#times[this.#count] = time ?? Number.NaN;
    this.#slots[slot] = this.#count++;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    return true;
  }

  *[Symbol.iterator](): Iterator<[string, number | undefined]> {
    for (let i = 0; i < this.#count; i++) {
      const t = this.#times[i]!;
      yield [this.#ids[i]!.toString(), Number.isNaN(t) ? undefined : t];
    }
    yield* this.#other;
  }

  /** The slot holding `n`, or the empty slot where it belongs. */
  #find(id: string, n: bigint): number {
    const mask = this.#slots.length - 1;
    let slot = hash(id) & mask;
    for (;;) {
      const at = this.#slots[slot]!;
      if (at === EMPTY || this.#ids[at] === n) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #growColumns(): void {
    const ids = new BigUint64Array(this.#ids.length * 2);
    ids.set(this.#ids);
    const times = new Float64Array(this.#times.length * 2);
    times.set(this.#times);
    this.#ids = ids;
    this.#times = times;
  }

  #rehash(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = this.#slots.length - 1;
    for (let i = 0; i < this.#count; i++) {
      let slot = hash(this.#ids[i]!.toString()) & mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#slots[slot] = i;
    }
  }
}

/** The id as an unsigned 64-bit number when it is canonical digits (no leading zero) that fit. */
function numeric(id: string): bigint | undefined {
  if (!/^(0|[1-9]\d{0,19})$/.test(id)) return undefined;
  const n = BigInt(id);
  return n <= MAX_U64 ? n : undefined;
}

/** FNV-1a over the canonical digits: the same id always lands in the same place. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
