/**
 * Seeded randomness for the demo-school generator. Built on leadmap's mulberry32 so a seed always
 * gives the same files. Every helper draws in a fixed order; callers iterate sorted arrays only.
 */
import { mulberry32, randomInt, shuffleInPlace, type Rng } from '../../src/metrics/random.js';

export class Random {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = mulberry32(seed);
  }
  /** Float in [0, 1). */
  next(): number {
    return this.rng();
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + randomInt(this.rng, hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[randomInt(this.rng, items.length)]!;
  }
  /** A shuffled copy. */
  shuffled<T>(items: readonly T[]): T[] {
    return shuffleInPlace([...items], this.rng);
  }
  /** Index drawn with probability proportional to weights (all ≥ 0, sum > 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.rng() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0 && weights[i]! > 0) return i;
    }
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    throw new Error('weightedIndex: all weights are zero');
  }
  /** Value drawn from a discrete distribution given as [value, weight] pairs. */
  fromTable<T>(table: ReadonlyArray<readonly [T, number]>): T {
    return table[this.weightedIndex(table.map(([, w]) => w))]![0];
  }
  /** A new independent stream derived from this one (so adding draws in one part does not shift another). */
  fork(salt: number): Random {
    return new Random((Math.floor(this.rng() * 2 ** 31) ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
  }
}

/** A 32-bit seed from a text label (FNV-1a), for per-school and per-wave streams. */
export function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
