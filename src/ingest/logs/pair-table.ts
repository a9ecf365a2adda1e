/**
 * Aggregates (window, source, target) → (weight, count) in an open-addressing hash table over typed
 * arrays: ~32 bytes per distinct pair, no object per pair, so 2–3 million pairs fit in ~100 MB.
 */
export class PairTable {
  private win = new Int32Array(1 << 14);
  private src = new Int32Array(1 << 14);
  private dst = new Int32Array(1 << 14);
  private weight = new Float64Array(1 << 14);
  private cnt = new Int32Array(1 << 14);
  private slots = new Int32Array(1 << 15).fill(-1);
  private mask = (1 << 15) - 1;
  size = 0;

  add(window: number, s: number, t: number, w: number, count: number): void {
    let h = Math.imul(window ^ 0x5bd1e995, 0x01000193);
    h = Math.imul(h ^ s, 0x9e3779b1);
    h = Math.imul(h ^ t, 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === -1) break;
      if (this.src[e] === s && this.dst[e] === t && this.win[e] === window) {
        this.weight[e]! += w;
        this.cnt[e]! += count;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const e = this.size++;
    if (e === this.src.length) this.grow();
    this.win[e] = window;
    this.src[e] = s;
    this.dst[e] = t;
    this.weight[e] = w;
    this.cnt[e] = count;
    this.slots[slot] = e;
    if (this.size * 2 > this.mask) this.rehash();
  }

  /** Visits every pair: (window, source, target, weight, count). */
  forEach(fn: (window: number, s: number, t: number, weight: number, count: number) => void): void {
    for (let e = 0; e < this.size; e++) fn(this.win[e]!, this.src[e]!, this.dst[e]!, this.weight[e]!, this.cnt[e]!);
  }

  /**
   * Entry numbers sorted by (window, source, target) — a stable output order. Keys are packed into
   * doubles ((window − w₀)·P + s)·P + t, exact below 2⁵³, and sorted natively (no comparator calls);
   * falls back to a comparator sort if they would not fit.
   */
  sortedEntries(): Int32Array {
    const n = this.size;
    const order = new Int32Array(n);
    const { win, src, dst } = this;
    let wMin = Infinity,
      wMax = -Infinity,
      p = 1;
    for (let e = 0; e < n; e++) {
      if (win[e]! < wMin) wMin = win[e]!;
      if (win[e]! > wMax) wMax = win[e]!;
      p = Math.max(p, src[e]! + 1, dst[e]! + 1);
    }
    if (n === 0 || (wMax - wMin + 1) * p * p >= 2 ** 53) {
      for (let e = 0; e < n; e++) order[e] = e;
      return order.sort((a, b) => win[a]! - win[b]! || src[a]! - src[b]! || dst[a]! - dst[b]!);
    }
    const keys = new Float64Array(n);
    for (let e = 0; e < n; e++) keys[e] = ((win[e]! - wMin) * p + src[e]!) * p + dst[e]!;
    keys.sort();
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      const t = key % p;
      const rest = (key - t) / p;
      const s = rest % p;
      order[k] = this.find(wMin + (rest - s) / p, s, t);
    }
    return order;
  }

  /** Entry number of (window, s, t), or -1. */
  find(window: number, s: number, t: number): number {
    let h = Math.imul(window ^ 0x5bd1e995, 0x01000193);
    h = Math.imul(h ^ s, 0x9e3779b1);
    h = Math.imul(h ^ t, 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === -1) return -1;
      if (this.src[e] === s && this.dst[e] === t && this.win[e] === window) return e;
      slot = (slot + 1) & this.mask;
    }
  }

  entry(e: number): { window: number; source: number; target: number; weight: number; count: number } {
    return { window: this.win[e]!, source: this.src[e]!, target: this.dst[e]!, weight: this.weight[e]!, count: this.cnt[e]! };
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
    this.cnt = g32(this.cnt);
    const w = new Float64Array(k);
    w.set(this.weight);
    this.weight = w;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let e = 0; e < this.size; e++) {
      let h = Math.imul(this.win[e]! ^ 0x5bd1e995, 0x01000193);
      h = Math.imul(h ^ this.src[e]!, 0x9e3779b1);
      h = Math.imul(h ^ this.dst[e]!, 0x85ebca6b);
      h ^= h >>> 15;
      let slot = h & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = e;
    }
  }
}
