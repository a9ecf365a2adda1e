import { randomInt, DEFAULT_SEED } from '../random.js';

export const BOOTSTRAP_DEFAULTS = {
  /** Number of bootstrap replicates. */
  replicates: 1000,
  /** Coverage of the percentile interval. */
  level: 0.95,
  seed: DEFAULT_SEED,
};
export type BootstrapOptions = typeof BOOTSTRAP_DEFAULTS;

/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7, R's default): h = (N − 1) p, q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), 0-based.
 * Degenerate: empty → NaN. O(1).
 * Example: quantileSorted([1, 2, 3, 4], 0.5) → 2.5.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13): the (1 − level)/2 and
 * (1 + level)/2 quantiles of the replicate values (type 7). Replicates that are NaN (the measure was
 * undefined in that replicate) are left out; `used` says how many remain. null when none remain.
 * Example: replicates 1..5, level 0.5 → [2, 4].
 */
export function percentileInterval(
  values: ArrayLike<number>,
  level: number = BOOTSTRAP_DEFAULTS.level,
): { low: number; high: number; used: number } | null {
  const kept = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
  if (kept.length === 0) return null;
  const a = (1 - level) / 2;
  return { low: quantileSorted(kept, a), high: quantileSorted(kept, 1 - a), used: kept.length };
}

/**
 * Draws one bootstrap sample of `pool` (indices of people, here those who answered in either wave)
 * with replacement into `weight`: weight[u] = how many times person u was drawn (0 for people not
 * in the pool). Seeded through `rng`. O(|pool| + size of weight).
 */
export function drawWeights(pool: Int32Array, weight: Float64Array, rng: () => number): void {
  weight.fill(0);
  for (let k = 0; k < pool.length; k++) weight[pool[randomInt(rng, pool.length)]!]!++;
}
