import type { CsrArrays } from './csr-graph.js';
import { brandesAccumulate } from './kernels/brandes.js';
import { BATCH, incomingDistanceSums } from './kernels/closeness-bits.js';
import { PairScratch, samplePairs } from './kernels/pair-sampling.js';

/**
 * The units of parallel work, run the same way in a worker thread (src/fastpath/worker.ts) or in
 * the calling thread. A task is split into numbered jobs; a runner keeps one accumulator per task
 * and hands it back when all of its jobs are done.
 */
export type TaskSpec =
  | { kind: 'brandes'; jobs: number }
  | { kind: 'closeness'; jobs: number; distanceSum: Float64Array; reachedBy: Float64Array }
  | { kind: 'pairs'; seed: number; samplesPerChunk: number; firstChunk: number; jobs: number };

export interface TaskResult {
  values: Float64Array | null;
  /** Pair sampling only: Σ x_v² per node. */
  squares: Float64Array | null;
  connected: number;
}

export class TaskRunner {
  private acc: Float64Array | null = null;
  private squares: Float64Array | null = null;
  private scratch: PairScratch | null = null;
  private connected = 0;

  constructor(private readonly c: CsrArrays, private readonly spec: TaskSpec) {}

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
        const per = Math.ceil(n / spec.jobs / BATCH) * BATCH;
        const from = job * per;
        const to = Math.min(n, from + per);
        if (from < to) incomingDistanceSums(c, from, to, spec.distanceSum, spec.reachedBy);
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
