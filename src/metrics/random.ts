/**
 * A small seeded pseudo-random number generator for everything in leadmap that
 * draws random numbers (Louvain, permutation tests, layouts, bootstraps), so a
 * given seed always gives the same output.
 *
 * mulberry32: a 32-bit state generator by Tommy Ettinger (public domain); period 2^32,
 * passes gjrand/PractRand for the sample sizes used here (thousands of draws).
 * Returns floats in [0, 1) with 32 bits of randomness.
 *
 * Example: `const rng = mulberry32(42); rng(); // 0.6011...`
 */
export type Rng = () => number;

/** Default seed used when a caller does not pass one. */
export const DEFAULT_SEED = 20240901;

export function mulberry32(seed: number = DEFAULT_SEED): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle in place (Durstenfeld); returns the same array. O(n). */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}
