import { networkMetrics, personRows, type CoreMetrics, type MetricNote, type PersonMetrics } from '../metrics/core.js';
import { degreeArrays } from '../metrics/node/degree.js';
import type { Csr } from '../graph/csr.js';
import { approxBetweenness, type ApproxBetweennessOptions } from './approx-betweenness.js';
import { pageRankGaussSeidel } from './kernels/pagerank-gs.js';
import { exactBetweenness, incomingDistancesAndSpectral, type SpectralResult } from './paths.js';
import { approxClosenessAndSpectral, EXACT_CLOSENESS_MAX_PEOPLE, type ApproxClosenessOptions } from './approx-closeness.js';
import { closenessFromSums } from '../metrics/node/closeness.js';
import type { PoolOptions } from './pool.js';

/**
 * Above this many people betweenness is approximated by default (exact Brandes costs n full BFS;
 * at 5,000 people and 100,000 ties that is already ~2 s on two cores, and it grows as n·m).
 */
export const APPROX_BETWEENNESS_ABOVE_PEOPLE = 5000;

export interface FastCoreOptions extends PoolOptions {
  /**
   * Force exact betweenness and closeness (default: betweenness approximate above
   * APPROX_BETWEENNESS_ABOVE_PEOPLE, closeness above EXACT_CLOSENESS_MAX_PEOPLE).
   */
  exact?: boolean;
  /** Seed of approximate betweenness and closeness (default 1). */
  seed?: number;
  approx?: Partial<ApproxBetweennessOptions>;
  approxCloseness?: Partial<ApproxClosenessOptions>;
}

/** How betweenness was computed; approximate results carry their estimated error. */
export interface BetweennessProvenance {
  approximate: boolean;
  method: 'brandes' | 'pair-sampling';
  samples: number | null;
  seed: number | null;
  /** Relative standard error of the K-th highest estimate (K = top) when sampling stopped. */
  topRelativeError: number | null;
  top: number | null;
}

/** How closeness was computed; estimates carry their error (src/fastpath/approx-closeness.ts). */
export interface ClosenessProvenance {
  approximate: boolean;
  method: 'bit-parallel-bfs' | 'source-sampling';
  /** Sources sampled (approximate only). */
  samples: number | null;
  seed: number | null;
  /** Relative standard error of the K-th highest estimate (K = top). */
  topRelativeError: number | null;
  top: number | null;
}

export interface FastPersonMetrics extends PersonMetrics {
  /** 95 % half-width of the betweenness estimate; present only when betweenness is approximate. */
  betweennessError95?: number;
  /** 95 % half-width of the closeness estimate; present only when closeness is approximate. */
  closenessError95?: number;
}

export interface FastCoreMetrics extends CoreMetrics {
  people: FastPersonMetrics[];
  betweennessMethod: BetweennessProvenance;
  closenessMethod: ClosenessProvenance;
  /** Milliseconds per part (pageRank, betweenness, closenessEigenvectorHits — one task over the threads —, network), for progress and benchmarks. */
  timingsMs: Record<string, number>;
}

/**
 * coreMetrics (src/metrics/core.ts) on a CSR graph without graphology: same definitions and
 * defaults; the path measures come from the fast kernels (betweenness: Brandes over threads, or
 * adaptive pair sampling above APPROX_BETWEENNESS_ABOVE_PEOPLE — labelled approximate with its
 * error; closeness: exact bit-parallel BFS up to EXACT_CLOSENESS_MAX_PEOPLE, sampled sources above —
 * labelled approximate with its error; PageRank: Gauss–Seidel to the same tolerance); the
 * rest reuses the single-metric modules of src/metrics over the same arrays (eigenvector and HITS
 * run as one job of the closeness task, in a worker beside the closeness batches).
 */
export async function fastCoreMetrics(c: Csr, options: FastCoreOptions = {}): Promise<FastCoreMetrics> {
  const n = c.n;
  const notes: MetricNote[] = [];
  const timingsMs: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = now - t;
    t = now;
  };
  const deg = degreeArrays(c);
  const pr = pageRankGaussSeidel(c);
  lap('pageRank');
  if (!pr.converged) notes.push({ metric: 'pageRank', reason: 'did not converge' });
  const approximate = options.exact !== true && n > APPROX_BETWEENNESS_ABOVE_PEOPLE;
  let bc: Float64Array;
  let err: Float64Array | null = null;
  let method: BetweennessProvenance;
  if (approximate) {
    const a = await approxBetweenness(c, {
      ...options.approx,
      seed: options.seed ?? options.approx?.seed ?? 1,
      threads: options.threads,
      workerUrl: options.workerUrl,
      signal: options.signal,
    });
    bc = a.values;
    err = a.halfWidth95;
    method = {
      approximate: true,
      method: 'pair-sampling',
      samples: a.samples,
      seed: a.seed,
      topRelativeError: a.topRelativeError,
      top: a.top,
    };
  } else {
    bc = await exactBetweenness(c, options);
    method = { approximate: false, method: 'brandes', samples: null, seed: null, topRelativeError: null, top: null };
  }
  lap('betweenness');
  const approxCl = options.exact !== true && n > EXACT_CLOSENESS_MAX_PEOPLE;
  let cl: Float64Array;
  let clErr: Float64Array | null = null;
  let spectral: SpectralResult;
  let closenessMethod: ClosenessProvenance;
  if (approxCl) {
    const a = await approxClosenessAndSpectral(c, {
      ...options.approxCloseness,
      seed: options.seed ?? options.approxCloseness?.seed ?? 1,
      threads: options.threads,
      workerUrl: options.workerUrl,
      signal: options.signal,
    });
    cl = a.closeness.values;
    clErr = a.closeness.halfWidth95;
    spectral = a.spectral;
    const e = a.closeness;
    closenessMethod = {
      approximate: true,
      method: 'source-sampling',
      samples: e.samples,
      seed: e.seed,
      topRelativeError: e.topRelativeError,
      top: e.top,
    };
  } else {
    const r = await incomingDistancesAndSpectral(c, options);
    cl = closenessFromSums(r.distances.distanceSum, r.distances.reachedBy, n);
    spectral = r.spectral;
    closenessMethod = { approximate: false, method: 'bit-parallel-bfs', samples: null, seed: null, topRelativeError: null, top: null };
  }
  const ev = { values: spectral.eigenvector, reason: spectral.eigenvectorReason };
  if (ev.reason) notes.push({ metric: 'eigenvector', reason: ev.reason });
  const hi = { hubs: spectral.hubs, authorities: spectral.authorities, reason: spectral.hitsReason };
  if (hi.reason) notes.push({ metric: 'hubs', reason: hi.reason }, { metric: 'authorities', reason: hi.reason });
  lap('closenessEigenvectorHits');
  const people: FastPersonMetrics[] = personRows(c, {
    degrees: deg,
    pageRank: pr,
    betweenness: bc,
    closeness: cl,
    eigenvector: ev.values,
    hits: hi,
  });
  if (err) for (let i = 0; i < n; i++) people[i]!.betweennessError95 = err[i]!;
  if (clErr) for (let i = 0; i < n; i++) people[i]!.closenessError95 = clErr[i]!;
  const network = networkMetrics(c, notes);
  lap('network');
  return { network, people, notes, betweennessMethod: method, closenessMethod, timingsMs };
}
