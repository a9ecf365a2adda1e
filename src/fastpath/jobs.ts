import type { CsrArrays } from '../graph/csr.js';
import { brandesAccumulate } from './kernels/brandes.js';
import { BATCH, incomingDistanceSums } from './kernels/closeness-bits.js';
import { sampledDistanceTotals } from './kernels/closeness-sampled.js';
import { PairScratch, samplePairs } from './kernels/pair-sampling.js';
import type { Csr } from '../graph/csr.js';
import { eigenvectorArray } from '../metrics/node/eigenvector.js';
import { hitsArray } from '../metrics/node/hits.js';

/**
 * Eigenvector centrality and HITS (src/metrics, same code and arithmetic), written by workers into
 * shared arrays: two power-iteration jobs run beside the closeness batches, so no core is idle
 * while one thread iterates. status[0] / status[1]: 0 ok, 1 "no ties", 2 "did not converge"
 * for eigenvector / HITS.
 */
export interface SpectralOut {
  eigenvector: Float64Array;
  hubs: Float64Array;
  authorities: Float64Array;
  status: Int32Array;
}

export const SPECTRAL_REASONS = [null, 'no ties', 'did not converge'] as const;

/**
 * Jobs a task with `spectral` spends on it: HITS (job 0, the longest: two mat-vecs per iteration, often
 * hundreds of iterations) and eigenvector (job 1), each on its own thread while the others take the batches.
 */
export const SPECTRAL_JOBS = 2;

/**
 * The units of parallel work, run the same way in a worker thread (src/fastpath/worker.ts) or in
 * the calling thread. A task is split into numbered jobs; a runner keeps one accumulator per task
 * and hands it back when all of its jobs are done.
 */
export type TaskSpec =
  | { kind: 'brandes'; jobs: number }
  | { kind: 'closeness'; jobs: number; distanceSum: Float64Array; reachedBy: Float64Array; spectral?: SpectralOut }
  /** Source-sampled closeness: job j runs pass j (BATCH sources) of `sources`; with `spectral`, jobs 0 and 1 are HITS and eigenvector. */
  | { kind: 'closenessSample'; jobs: number; sources: Int32Array; spectral?: SpectralOut }
  | { kind: 'pairs'; seed: number; samplesPerChunk: number; firstChunk: number; jobs: number };

export interface TaskResult {
  values: Float64Array | null;
  /** Pair sampling only: Σ x_v² per node. */
  squares: Float64Array | null;
  connected: number;
}

export class KernelJobs {
  private acc: Float64Array | null = null;
  private squares: Float64Array | null = null;
  private scratch: PairScratch | null = null;
  private connected = 0;

  constructor(
    private readonly c: CsrArrays,
    private readonly spec: TaskSpec,
  ) {}

  run(job: number): void {
    const { c, spec } = this;
    const n = c.n;
    switch (spec.kind) {
      case 'brandes': {
        if (this.acc === null) this.acc = new Float64Array(n);
        // Job j takes sources j, j + jobs, j + 2·jobs, … (interleaved: balanced work per job).
        brandesAccumulate(c, job, n, spec.jobs, this.acc);
        return;
      }
      case 'closeness': {
        // With `spectral`, jobs 0 and 1 are HITS and eigenvector (handed out first), jobs 2… the batches.
        if (spec.spectral) {
          if (job < SPECTRAL_JOBS) return runSpectral(c, spec.spectral, job);
          job -= SPECTRAL_JOBS;
        }
        const batchJobs = spec.spectral ? spec.jobs - SPECTRAL_JOBS : spec.jobs;
        const per = Math.ceil(n / batchJobs / BATCH) * BATCH;
        const from = job * per;
        const to = Math.min(n, from + per);
        if (from < to) incomingDistanceSums(c, from, to, spec.distanceSum, spec.reachedBy);
        return;
      }
      case 'closenessSample': {
        if (spec.spectral) {
          if (job < SPECTRAL_JOBS) return runSpectral(c, spec.spectral, job);
          job -= SPECTRAL_JOBS;
        }
        if (this.acc === null) this.acc = new Float64Array(3 * n);
        const from = job * BATCH;
        const to = Math.min(spec.sources.length, from + BATCH);
        if (from < to) sampledDistanceTotals(c, spec.sources, from, to, this.acc);
        return;
      }
      case 'pairs': {
        if (this.acc === null) this.acc = new Float64Array(n);
        if (this.squares === null) this.squares = new Float64Array(n);
        if (this.scratch === null) this.scratch = new PairScratch(n);
        this.connected += samplePairs(c, spec.seed, spec.firstChunk + job, spec.samplesPerChunk, this.acc, this.squares, this.scratch);
        return;
      }
    }
  }

  result(): TaskResult {
    return { values: this.acc, squares: this.squares, connected: this.connected };
  }
}

function runSpectral(c: CsrArrays, out: SpectralOut, job: number): void {
  // The array variants read only n, m and the CSR arrays, never ids or index.
  const csr = c as Csr;
  if (job === 0) {
    const hi = hitsArray(csr);
    if (hi.hubs) out.hubs.set(hi.hubs);
    if (hi.authorities) out.authorities.set(hi.authorities);
    out.status[1] = SPECTRAL_REASONS.indexOf(hi.reason);
  } else {
    const ev = eigenvectorArray(csr);
    if (ev.values) out.eigenvector.set(ev.values);
    out.status[0] = SPECTRAL_REASONS.indexOf(ev.reason);
  }
}
