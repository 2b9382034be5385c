/**
 * The first row of each key of a data template, for the duplicate-key rule.
 *
 * An open-addressing hash table over typed arrays, instead of a Map<string, number>: profiling
 * `govcat validate` on 200,000 streamed rows put ~190 ms on the Map's lookups alone (~1 µs each,
 * its entries and their key strings scattered over a heap of a few hundred thousand shared
 * strings), about as much as every cell check together. Here a lookup reads one slot of a
 * Uint32Array, and a stored key string is compared only when the 32-bit hashes are equal, so
 * keys whose hashes collide are still told apart exactly.
 */
export type KeyHash = (key: string) => number;

/** FNV-1a over the UTF-16 code units. */
export const fnv1a: KeyHash = (key) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const INITIAL_CAPACITY = 1024;

export class KeyIndex {
  private hashes = new Uint32Array(INITIAL_CAPACITY);
  /** The row of each slot; 0 marks an empty slot (sheet rows start at 1). */
  private rows = new Int32Array(INITIAL_CAPACITY);
  private keys: string[] = new Array<string>(INITIAL_CAPACITY);
  private count = 0;

  /** `hash` is replaceable so that tests can make every key collide. */
  constructor(private readonly hash: KeyHash = fnv1a) {}

  get size(): number {
    return this.count;
  }

  /** The row `key` was first seen on; when it is new, records it as seen on `row` (≥ 1) and returns undefined. */
  firstRowOrAdd(key: string, row: number): number | undefined {
    const h = this.hash(key) >>> 0;
    const { hashes, rows, keys } = this;
    const mask = rows.length - 1;
    let slot = h & mask;
    while (rows[slot] !== 0) {
      if (hashes[slot] === h && keys[slot] === key) return rows[slot];
      slot = (slot + 1) & mask;
    }
    hashes[slot] = h;
    rows[slot] = row;
    keys[slot] = key;
    // Kept at most half full, so that runs of occupied slots stay short.
    if (++this.count * 2 > rows.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hashes, rows, keys } = this;
    const capacity = rows.length * 2;
    const mask = capacity - 1;
    this.hashes = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.keys = new Array<string>(capacity);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      let slot = hashes[i] & mask;
      while (this.rows[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[i];
      this.rows[slot] = rows[i];
      this.keys[slot] = keys[i];
    }
  }
}
