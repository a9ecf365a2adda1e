import type { CsrArrays } from '../graph/csr.js';
import { runTask, type PoolOptions } from './pool.js';
import { PARALLEL_MIN_PEOPLE } from './paths.js';

export interface ApproxBetweennessOptions extends PoolOptions {
  /** Seed of the sampling; same seed → same result on any number of threads. */
  seed: number;
  /**
   * Stop when the K-th highest estimate has relative standard error below this. Default 0.05 up to
   * 20,000 people (the true top 10 found in 9 of 10 seeds at 10,000 people, docs/performance.md),
   * 0.07 above (half the samples; the top-100 median error stays near 5 %).
   */
  relativeError: number;
  /** K: how many top brokers must be resolved (default 100, at most n/10). */
  top: number;
  /** Pairs per round (rounds are checked for the stop rule). */
  roundSamples: number;
  /** Hard cap on sampled pairs. */
  maxSamples: number;
  /** Lower bound on sampled pairs. */
  minSamples: number;
}

export const APPROX_BETWEENNESS_DEFAULTS: Readonly<Omit<ApproxBetweennessOptions, keyof PoolOptions>> = Object.freeze({
  seed: 1,
  relativeError: 0.05,
  top: 100,
  roundSamples: 16_384,
  maxSamples: 2_000_000,
  minSamples: 32_768,
});

export interface ApproxBetweenness {
  approximate: true;
  /** Normalised estimates, same scale as exact betweenness ((n − 1)(n − 2)). */
  values: Float64Array;
  /** 95 % half-width of each estimate: 1.96 · (sample standard deviation of x_v) / sqrt(N) · n/(n − 2). */
  halfWidth95: Float64Array;
  samples: number;
  seed: number;
  /** Relative standard error of the K-th highest estimate when sampling stopped. */
  topRelativeError: number;
  /** K actually used. */
  top: number;
}

const CHUNK = 1024;

/**
 * Approximate betweenness by adaptive pair sampling (KADABRA-style; see kernels/pair-sampling.ts):
 * rounds of uniformly drawn ordered pairs, each adding its exact pair dependencies x_v, until the
 * K-th highest estimate has relative standard error ≤ relativeError (or maxSamples is reached).
 * Estimate: b̂(v) = Σx_v / N · n/(n − 2), unbiased for the normalised betweenness of
 * src/metrics/node/betweenness.ts. Work per pair is a bidirectional BFS, usually a small part of the
 * graph, so far fewer tie scans are needed than Brandes' n full BFS for the same top-K accuracy.
 * Degenerate: n < 3 → all 0, samples 0.
 */
export async function approxBetweenness(c: CsrArrays, options: Partial<ApproxBetweennessOptions> = {}): Promise<ApproxBetweenness> {
  const n = c.n;
  const o = { ...APPROX_BETWEENNESS_DEFAULTS, relativeError: n > 20_000 ? 0.07 : 0.05, ...options };
  const top = Math.max(1, Math.min(o.top, Math.floor(n / 10) || 1));
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  let samples = 0;
  let chunk = 0;
  let rel = Infinity;
  const pool: PoolOptions = n < PARALLEL_MIN_PEOPLE && options.threads === undefined ? { ...options, threads: 1 } : options;
  while (n >= 3 && samples < o.maxSamples) {
    const jobs = Math.max(1, Math.round(o.roundSamples / CHUNK));
    const parts = await runTask(c, { kind: 'pairs', seed: o.seed, samplesPerChunk: CHUNK, firstChunk: chunk, jobs }, pool);
    chunk += jobs;
    samples += jobs * CHUNK;
    for (const p of parts) {
      if (p.values) for (let i = 0; i < n; i++) sums[i]! += p.values[i]!;
      if (p.squares) for (let i = 0; i < n; i++) squares[i]! += p.squares[i]!;
    }
    rel = topRelativeError(sums, squares, samples, top);
    if (samples >= o.minSamples && rel <= o.relativeError) break;
  }
  const values = new Float64Array(n);
  const halfWidth95 = new Float64Array(n);
  if (samples > 0) {
    const scale = n / (n - 2);
    for (let i = 0; i < n; i++) {
      values[i] = (sums[i]! / samples) * scale;
      halfWidth95[i] = 1.96 * standardError(sums[i]!, squares[i]!, samples) * scale;
    }
  }
  return { approximate: true, values, halfWidth95, samples, seed: o.seed, topRelativeError: n < 3 ? 0 : rel, top };
}

/** Standard error of a mean of N samples with sum `s` and sum of squares `q`. */
function standardError(s: number, q: number, N: number): number {
  const mean = s / N;
  const variance = Math.max(0, q / N - mean * mean);
  return Math.sqrt(variance / N);
}

/** Relative standard error of the estimate ranked `k`-th (largest first). */
function topRelativeError(sums: Float64Array, squares: Float64Array, N: number, k: number): number {
  const order = Array.from(sums.keys()).sort((a, b) => sums[b]! - sums[a]!);
  const i = order[Math.min(k, order.length) - 1];
  if (i === undefined || sums[i]! <= 0) return Infinity;
  return standardError(sums[i]!, squares[i]!, N) / (sums[i]! / N);
}
