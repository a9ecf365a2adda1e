import type { CsrArrays } from '../graph/csr.js';
import { sharedFloat64, sharedInt32 } from '../graph/csr-builder.js';
import { mulberry32 } from '../metrics/random.js';
import { BATCH } from './kernels/closeness-bits.js';
import { runTask, type PoolOptions } from './pool.js';
import { SPECTRAL_JOBS, SPECTRAL_REASONS, type SpectralOut } from './jobs.js';
import { PARALLEL_MIN_PEOPLE, type SpectralResult } from './paths.js';

/**
 * Closeness is computed exactly up to this many people and estimated from sampled sources above it
 * (unless exact is asked for): exact closeness costs ⌈n/128⌉ bit-parallel passes over every tie
 * (586 at 75,000 people, ~20 s on two cores), the estimate a fixed number of passes.
 */
export const EXACT_CLOSENESS_MAX_PEOPLE = 20_000;

export interface ApproxClosenessOptions extends PoolOptions {
  /** Seed of the sampling; same seed → same sources → same result on any number of threads. */
  seed: number;
  /** Sources sampled (without replacement, at most n; 128 per bit-parallel pass, so multiples of 128 use whole passes). */
  samples: number;
  /** K: the stated relative error is that of the K-th highest estimate (default 100, at most n/10). */
  top: number;
  /** Compute eigenvector and HITS beside the sampled passes (default true; false: spectral is all null). */
  spectral: boolean;
}

export const APPROX_CLOSENESS_DEFAULTS: Readonly<Omit<ApproxClosenessOptions, keyof PoolOptions>> = Object.freeze({
  seed: 1,
  samples: 4096,
  top: 100,
  spectral: true,
});

export interface ApproxCloseness {
  approximate: true;
  /** Estimates on the scale of exact closeness (src/metrics/node/closeness.ts). */
  values: Float64Array;
  /** 95 % half-width of each estimate (delta method, finite-population corrected; see estimateCloseness). */
  halfWidth95: Float64Array;
  samples: number;
  seed: number;
  /** Relative standard error of the K-th highest estimate. */
  topRelativeError: number;
  top: number;
}

/** `count` distinct people drawn uniformly from 0…n−1 by a seeded partial Fisher–Yates shuffle. */
export function sampleSources(n: number, count: number, seed: number): Int32Array {
  const k = Math.min(n, count);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  const rng = mulberry32(seed);
  const out = sharedInt32(k);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
    out[i] = pool[i]!;
  }
  return out;
}

/**
 * Closeness (incoming, Wasserman–Faust; src/metrics/node/closeness.ts) estimated from k sources drawn
 * uniformly without replacement (Eppstein & Wang 2004, "Fast approximation of centrality", JGAA 8(1)).
 * For person v, over the k_v sampled sources other than v: X_u = 1 when u reaches v, Y_u = d(u, v)·X_u.
 * With x̄, ȳ their means, r = (n − 1)·x̄ and D = (n − 1)·ȳ, so C(v) = (r/D)·(r/(n − 1)) is estimated
 * by Ĉ = x̄²/ȳ (0 when no sampled source reaches v). Its 95 % half-width is 1.96·SE by the delta method
 * (∂Ĉ/∂x̄ = 2x̄/ȳ, ∂Ĉ/∂ȳ = −x̄²/ȳ², sample variances and covariance of X and Y, times the
 * finite-population factor (n − 1 − k_v)/(n − 2)); when no sampled source reaches v the half-width is
 * 3/k_v (C ≤ r/(n − 1), and 3/k bounds that fraction at 95 % — the rule of three).
 * With k ≥ n every source is drawn and the result equals exact closeness (half-widths 0).
 * Degenerate: n < 2 → all 0.
 */
export function estimateCloseness(
  totals: Float64Array,
  n: number,
  k: number,
  sampled: Uint8Array,
): { values: Float64Array; halfWidth95: Float64Array } {
  const values = new Float64Array(n);
  const halfWidth95 = new Float64Array(n);
  if (n < 2) return { values, halfWidth95 };
  for (let v = 0; v < n; v++) {
    const kv = k - sampled[v]!;
    if (kv <= 0) continue;
    const cnt = totals[v]!;
    const sum = totals[n + v]!;
    const sq = totals[2 * n + v]!;
    const fpc = n > 2 ? Math.max(0, (n - 1 - kv) / (n - 2)) : 0;
    if (cnt === 0) {
      halfWidth95[v] = fpc === 0 ? 0 : 3 / kv;
      continue;
    }
    const mx = cnt / kv;
    const my = sum / kv;
    const est = (mx * mx) / my;
    values[v] = est;
    const vxx = mx - mx * mx;
    const vyy = Math.max(0, sq / kv - my * my);
    const vxy = sum / kv - mx * my;
    const gx = (2 * mx) / my;
    const gy = -est / my;
    const variance = (fpc / kv) * (gx * gx * vxx + gy * gy * vyy + 2 * gx * gy * vxy);
    halfWidth95[v] = 1.96 * Math.sqrt(Math.max(0, variance));
  }
  return { values, halfWidth95 };
}

/**
 * Source-sampled closeness and (unless `spectral` is false) eigenvector + HITS as one more job of the same
 * task (as incomingDistancesAndSpectral does for exact closeness): one worker iterates while the other
 * works through the sampled passes.
 */
export async function approxClosenessAndSpectral(
  c: CsrArrays,
  options: Partial<ApproxClosenessOptions> = {},
): Promise<{ closeness: ApproxCloseness; spectral: SpectralResult }> {
  const n = c.n;
  const o = { ...APPROX_CLOSENESS_DEFAULTS, ...options };
  const k = Math.min(n, Math.max(1, Math.floor(o.samples)));
  const sources = sampleSources(n, k, o.seed);
  const out: SpectralOut = { eigenvector: sharedFloat64(n), hubs: sharedFloat64(n), authorities: sharedFloat64(n), status: sharedInt32(2) };
  const passes = n === 0 ? 0 : Math.ceil(k / BATCH);
  const pool: PoolOptions = n < PARALLEL_MIN_PEOPLE && options.threads === undefined ? { ...options, threads: 1 } : options;
  const spec = o.spectral
    ? { kind: 'closenessSample' as const, jobs: passes + SPECTRAL_JOBS, sources, spectral: out }
    : { kind: 'closenessSample' as const, jobs: Math.max(1, passes), sources };
  const parts = await runTask(c, spec, pool);
  const totals = new Float64Array(3 * n);
  for (const p of parts) {
    const v = p.values;
    if (v) for (let i = 0; i < 3 * n; i++) totals[i]! += v[i]!;
  }
  const sampled = new Uint8Array(n);
  for (const s of sources) sampled[s] = 1;
  const { values, halfWidth95 } = estimateCloseness(totals, n, k, sampled);
  const top = Math.max(1, Math.min(o.top, Math.floor(n / 10) || 1));
  const evReason = o.spectral ? SPECTRAL_REASONS[out.status[0]!]! : null;
  const hitsReason = o.spectral ? SPECTRAL_REASONS[out.status[1]!]! : null;
  return {
    closeness: {
      approximate: true,
      values,
      halfWidth95,
      samples: k,
      seed: o.seed,
      topRelativeError: topRelativeError(values, halfWidth95, top),
      top,
    },
    spectral: {
      eigenvector: o.spectral && evReason === null ? out.eigenvector : null,
      eigenvectorReason: evReason,
      hubs: o.spectral && hitsReason === null ? out.hubs : null,
      authorities: o.spectral && hitsReason === null ? out.authorities : null,
      hitsReason,
    },
  };
}

/** Relative standard error (half-width / 1.96 / value) of the estimate ranked k-th, largest first; 0 when it is 0. */
function topRelativeError(values: Float64Array, halfWidth95: Float64Array, k: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!);
  const i = order[Math.min(k, order.length) - 1];
  if (i === undefined || values[i]! <= 0) return 0;
  return halfWidth95[i]! / 1.96 / values[i]!;
}
