/**
 * Aggregates (window, source, target) → (weight, count) in an open-addressing hash table over typed
 * arrays, no object per pair. Each slot holds its key beside the entry number (16 bytes: entry + 1,
 * window, source, target) and each entry its weight and count side by side, so adding to a pair
 * touches two cache lines however large the table (the log reader's hot path: one add per recipient).
 * ~60 bytes per distinct pair at the highest load (0.7), so 5 million pairs take ~300 MB.
 */
export class PairTable {
  private win = new Int32Array(1 << 14);
  private src = new Int32Array(1 << 14);
  private dst = new Int32Array(1 << 14);
  /** weight of entry e at 2e, count at 2e + 1. */
  private wc = new Float64Array(2 << 14);
  /** Slot i: [4i] entry + 1 (0: empty), [4i + 1] window, [4i + 2] source, [4i + 3] target. */
  private slots = new Int32Array(4 << 15);
  private mask = (1 << 15) - 1;
  private limit = Math.floor(0.7 * (1 << 15));
  size = 0;

  add(window: number, s: number, t: number, w: number, count: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashOf(window, s, t) & mask;
    for (;;) {
      const o = slot << 2;
      const e1 = slots[o]!;
      if (e1 === 0) break;
      if (slots[o + 2] === s && slots[o + 3] === t && slots[o + 1] === window) {
        const at = (e1 - 1) << 1;
        this.wc[at]! += w;
        this.wc[at + 1]! += count;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const e = this.size++;
    if (e === this.src.length) this.grow();
    this.win[e] = window;
    this.src[e] = s;
    this.dst[e] = t;
    this.wc[e << 1] = w;
    this.wc[(e << 1) + 1] = count;
    const o = slot << 2;
    slots[o] = e + 1;
    slots[o + 1] = window;
    slots[o + 2] = s;
    slots[o + 3] = t;
    if (this.size > this.limit) this.rehash();
  }

  /** The entries as plain arrays (copies, `size` long; weight and count interleaved in `wc`), e.g. to send from a worker. */
  exportEntries(): { win: Int32Array; src: Int32Array; dst: Int32Array; wc: Float64Array } {
    const n = this.size;
    return { win: this.win.slice(0, n), src: this.src.slice(0, n), dst: this.dst.slice(0, n), wc: this.wc.slice(0, 2 * n) };
  }

  /** Visits every pair: (window, source, target, weight, count). */
  forEach(fn: (window: number, s: number, t: number, weight: number, count: number) => void): void {
    for (let e = 0; e < this.size; e++) fn(this.win[e]!, this.src[e]!, this.dst[e]!, this.wc[e << 1]!, this.wc[(e << 1) + 1]!);
  }

  /**
   * Entry numbers sorted by (window, source, target) — a stable output order. Least-significant-digit
   * radix sort: counting passes by target, then source, then window (each stable), O(size + people +
   * windows) per pass, no comparisons and no hash look-ups.
   */
  sortedEntries(): Int32Array {
    const n = this.size;
    let order = new Int32Array(n);
    for (let e = 0; e < n; e++) order[e] = e;
    if (n < 2) return order;
    const { win, src, dst } = this;
    let wMin = Infinity,
      wMax = -Infinity,
      p = 1;
    for (let e = 0; e < n; e++) {
      const w = win[e]!;
      if (w < wMin) wMin = w;
      if (w > wMax) wMax = w;
      const a = src[e]!;
      const b = dst[e]!;
      if (a >= p) p = a + 1;
      if (b >= p) p = b + 1;
    }
    let spare = new Int32Array(n);
    const pass = (key: Int32Array, offset: number, range: number): void => {
      const count = new Int32Array(range + 1);
      for (let e = 0; e < n; e++) count[key[e]! - offset + 1]!++;
      for (let k = 1; k <= range; k++) count[k]! += count[k - 1]!;
      for (let i = 0; i < n; i++) {
        const e = order[i]!;
        spare[count[key[e]! - offset]!++] = e;
      }
      [order, spare] = [spare, order];
    };
    pass(dst, 0, p);
    pass(src, 0, p);
    if (wMax > wMin) pass(win, wMin, wMax - wMin + 1);
    return order;
  }

  /** Window of entry `e` (entries are numbered 0 … size − 1 in first-added order). */
  windowOf(e: number): number {
    return this.win[e]!;
  }

  sourceOf(e: number): number {
    return this.src[e]!;
  }

  targetOf(e: number): number {
    return this.dst[e]!;
  }

  weightOf(e: number): number {
    return this.wc[e << 1]!;
  }

  countOf(e: number): number {
    return this.wc[(e << 1) + 1]!;
  }

  /** Entry number of (window, s, t), or -1. */
  find(window: number, s: number, t: number): number {
    const slots = this.slots;
    let slot = hashOf(window, s, t) & this.mask;
    for (;;) {
      const o = slot << 2;
      const e1 = slots[o]!;
      if (e1 === 0) return -1;
      if (slots[o + 2] === s && slots[o + 3] === t && slots[o + 1] === window) return e1 - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  entry(e: number): { window: number; source: number; target: number; weight: number; count: number } {
    return { window: this.win[e]!, source: this.src[e]!, target: this.dst[e]!, weight: this.wc[e << 1]!, count: this.wc[(e << 1) + 1]! };
  }

  private grow(): void {
    const k = this.src.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(k);
      b.set(a);
      return b;
    };
    this.win = g32(this.win);
    this.src = g32(this.src);
    this.dst = g32(this.dst);
    const wc = new Float64Array(2 * k);
    wc.set(this.wc);
    this.wc = wc;
  }

  private rehash(): void {
    // Grows fourfold while small (fewer rehashes of a table that is still filling), then twofold.
    const size = (this.mask + 1) * (this.mask < 1 << 20 ? 4 : 2);
    const slots = new Int32Array(4 * size);
    const mask = size - 1;
    for (let e = 0; e < this.size; e++) {
      const w = this.win[e]!;
      const a = this.src[e]!;
      const b = this.dst[e]!;
      let slot = hashOf(w, a, b) & mask;
      while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
      const o = slot << 2;
      slots[o] = e + 1;
      slots[o + 1] = w;
      slots[o + 2] = a;
      slots[o + 3] = b;
    }
    this.slots = slots;
    this.mask = mask;
    this.limit = Math.floor(0.7 * size);
  }
}

function hashOf(window: number, s: number, t: number): number {
  let h = Math.imul(window ^ 0x5bd1e995, 0x01000193);
  h = Math.imul(h ^ s, 0x9e3779b1);
  h = Math.imul(h ^ t, 0x85ebca6b);
  return h ^ (h >>> 15);
}
