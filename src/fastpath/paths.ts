import type { CsrArrays } from '../graph/csr.js';
import { sharedFloat64, sharedInt32 } from '../graph/csr-builder.js';
import { closenessFromSums } from '../metrics/node/closeness.js';
import { runTask, type PoolOptions } from './pool.js';
import { BATCH } from './kernels/closeness-bits.js';
import { SPECTRAL_JOBS, SPECTRAL_REASONS, type SpectralOut } from './jobs.js';

/** Below this many people a task runs in the calling thread (starting workers costs more than it saves). */
export const PARALLEL_MIN_PEOPLE = 2000;
/**
 * …and below this much work (tie scans: n·m for Brandes, m·⌈n/128⌉·8 for bit-parallel closeness):
 * about half a second on one thread, against ~0.1 s to start the worker threads.
 */
export const PARALLEL_MIN_WORK = 3e8;

function poolFor(n: number, work: number, opts: PoolOptions): PoolOptions {
  return (n < PARALLEL_MIN_PEOPLE || work < PARALLEL_MIN_WORK) && opts.threads === undefined ? { ...opts, threads: 1 } : opts;
}

/**
 * Exact betweenness, hop counts, normalised by (n − 1)(n − 2) (n < 3: all 0) — the definition of
 * src/metrics/node/betweenness.ts, computed by Brandes' algorithm with the sources spread over threads.
 * O(n·m) work, O(n) memory per thread.
 */
export async function exactBetweenness(c: CsrArrays, opts: PoolOptions = {}): Promise<Float64Array> {
  const n = c.n;
  const out = new Float64Array(n);
  if (n < 3) return out;
  const jobs = Math.min(n, 64);
  const parts = await runTask(c, { kind: 'brandes', jobs }, poolFor(n, n * c.m, opts));
  for (const p of parts) {
    const v = p.values;
    if (v) for (let i = 0; i < n; i++) out[i]! += v[i]!;
  }
  const scale = 1 / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) out[i]! *= scale;
  return out;
}

export interface IncomingDistances {
  /** Σ_{u reaches v} d(u, v) in hops. */
  distanceSum: Float64Array;
  /** Number of other people who can reach v. */
  reachedBy: Float64Array;
}

/** Incoming hop-distance sums by bit-parallel BFS over threads (exact; see kernels/closeness-bits.ts). */
export async function incomingDistances(c: CsrArrays, opts: PoolOptions = {}): Promise<IncomingDistances> {
  const n = c.n;
  const distanceSum = sharedFloat64(n);
  const reachedBy = sharedFloat64(n);
  if (n === 0) return { distanceSum, reachedBy };
  const jobs = Math.max(1, Math.min(64, Math.ceil(n / BATCH)));
  await runTask(c, { kind: 'closeness', jobs, distanceSum, reachedBy }, poolFor(n, c.m * Math.ceil(n / BATCH) * 8, opts));
  return { distanceSum, reachedBy };
}

export interface SpectralResult {
  eigenvector: Float64Array | null;
  eigenvectorReason: 'no ties' | 'did not converge' | null;
  hubs: Float64Array | null;
  authorities: Float64Array | null;
  hitsReason: 'no ties' | 'did not converge' | null;
}

/**
 * incomingDistances plus eigenvector centrality and HITS (src/metrics/node/eigenvector.ts and hits.ts,
 * default options, identical values) in the same task: the two power iterations, each on one
 * thread, take a worker each while the others work through the closeness batches, and then join them.
 */
export async function incomingDistancesAndSpectral(
  c: CsrArrays,
  opts: PoolOptions = {},
): Promise<{ distances: IncomingDistances; spectral: SpectralResult }> {
  const n = c.n;
  const distanceSum = sharedFloat64(n);
  const reachedBy = sharedFloat64(n);
  const out: SpectralOut = { eigenvector: sharedFloat64(n), hubs: sharedFloat64(n), authorities: sharedFloat64(n), status: sharedInt32(2) };
  const batchJobs = n === 0 ? 0 : Math.max(1, Math.min(64, Math.ceil(n / BATCH)));
  await runTask(
    c,
    { kind: 'closeness', jobs: batchJobs + SPECTRAL_JOBS, distanceSum, reachedBy, spectral: out },
    poolFor(n, c.m * Math.ceil(n / BATCH) * 8, opts),
  );
  const evReason = SPECTRAL_REASONS[out.status[0]!]!;
  const hitsReason = SPECTRAL_REASONS[out.status[1]!]!;
  return {
    distances: { distanceSum, reachedBy },
    spectral: {
      eigenvector: evReason === null ? out.eigenvector : null,
      eigenvectorReason: evReason,
      hubs: hitsReason === null ? out.hubs : null,
      authorities: hitsReason === null ? out.authorities : null,
      hitsReason,
    },
  };
}

/** Closeness from the bit-parallel incoming distances: the one definition (src/metrics/node/closeness.ts). */
export async function fastCloseness(c: CsrArrays, opts: PoolOptions = {}): Promise<Float64Array> {
  const d = await incomingDistances(c, opts);
  return closenessFromSums(d.distanceSum, d.reachedBy, c.n);
}
