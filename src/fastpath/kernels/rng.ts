/** The project's seeded PRNG (mulberry32, src/metrics/random.ts): same seed → same stream everywhere. */
export { mulberry32 } from '../../metrics/random.js';

/** Mixes a seed and a chunk number into an independent stream seed (splitmix-style). */
export function chunkSeed(seed: number, chunk: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(chunk + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
}
