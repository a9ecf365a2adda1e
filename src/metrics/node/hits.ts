import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, toMap, type Csr } from '../../graph/csr.js';

export interface HitsOptions {
  /** Iterations before giving up. */
  maxIterations: number;
  /** Stop when the L1 change of the (sum-1) authority vector is below this (absolute). */
  tolerance: number;
  /** Use tie strengths as matrix entries (networkx's default via adjacency_matrix); false: every tie 1. */
  weighted: boolean;
}

export const HITS_DEFAULTS: Readonly<HitsOptions> = Object.freeze({
  maxIterations: 1000,
  tolerance: 1e-12,
  weighted: true,
});

export type HitsReason = 'no ties' | 'did not converge';

export interface HitsResult {
  /** Hub score per person (names good authorities), or null (see `reason`). */
  hubs: Map<string, number> | null;
  /** Authority score per person (named by good hubs), or null (see `reason`). */
  authorities: Map<string, number> | null;
  reason: HitsReason | null;
  iterations: number;
}

/**
 * HITS hubs and authorities (Kleinberg 1999), weighted by tie strength.
 *
 * Formula: authorities a = principal eigenvector of AᵀA (the leading right singular vector of A,
 * A_ij = strength of i → j), hubs h = A a; each scaled to sum 1. Computed by power iteration
 * a ← Aᵀ(A a) / Σ from a₀ = 1/n, to an absolute L1 change below `tolerance`. This is what networkx 3.6
 * `hits(G)` computes with a sparse SVD (scipy svds) on the weighted adjacency matrix, then h = A a,
 * both divided by their sums.
 *
 * Options (HITS_DEFAULTS): maxIterations 1000, tolerance 1e-12, weighted true.
 *
 * Degenerate (decided here, never thrown):
 * - empty graph → empty maps;
 * - no ties (including n = 1) → both null, reason "no ties" (networkx divides 0 by 0 and returns NaN);
 * - the leading singular value repeated (e.g. two identical disconnected teams): the eigenvector is not
 *   unique; from the uniform start we return its deterministic projection, where networkx's svds returns an
 *   arbitrary vector of the eigenspace — the two agree only when the leading singular value is simple;
 * - leading singular values so close that maxIterations do not suffice → null, "did not converge";
 * - isolates and people nobody names → authority 0; people who name nobody → hub 0.
 *
 * Complexity: O(m · iterations); converges at rate (σ₂/σ₁)² per iteration.
 * Ref: Kleinberg (1999) J. ACM 46(5); Langville & Meyer (2005) SIAM Review 47(1); networkx `hits`.
 *
 * @example hits(graphFrom([], [['a','c'],['b','c']])).authorities // c → 1, a → 0, b → 0
 */
export function hits(graph: OrgGraph | Csr, options: Partial<HitsOptions> = {}): HitsResult {
  const c = asCsr(graph);
  const r = hitsArray(c, options);
  return {
    hubs: r.hubs && toMap(c, r.hubs),
    authorities: r.authorities && toMap(c, r.authorities),
    reason: r.reason,
    iterations: r.iterations,
  };
}

/** HITS over a CSR view; values indexed like `csr.ids`. */
export function hitsArray(
  c: Csr,
  options: Partial<HitsOptions> = {},
): { hubs: Float64Array | null; authorities: Float64Array | null; reason: HitsReason | null; iterations: number } {
  const { maxIterations, tolerance, weighted } = { ...HITS_DEFAULTS, ...options };
  const n = c.n;
  if (n === 0) return { hubs: new Float64Array(0), authorities: new Float64Array(0), reason: null, iterations: 0 };
  if (c.m === 0) return { hubs: null, authorities: null, reason: 'no ties', iterations: 0 };
  let a = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const h = new Float64Array(n);
  for (let it = 1; it <= maxIterations; it++) {
    multiplyA(c, a, h, weighted);
    multiplyAt(c, h, next, weighted);
    normaliseSum(next);
    let err = 0;
    for (let j = 0; j < n; j++) err += Math.abs(next[j]! - a[j]!);
    [a, next] = [next, a];
    if (err < tolerance) {
      multiplyA(c, a, h, weighted);
      normaliseSum(h);
      return { hubs: h, authorities: a, reason: null, iterations: it };
    }
  }
  return { hubs: null, authorities: null, reason: 'did not converge', iterations: maxIterations };
}

/** y = A x: y_i = Σ_{i → j} w_ij x_j (out-lists). */
function multiplyA(c: Csr, x: Float64Array, y: Float64Array, weighted: boolean): void {
  for (let i = 0; i < c.n; i++) {
    let s = 0;
    for (let k = c.outOffsets[i]!, end = c.outOffsets[i + 1]!; k < end; k++) {
      s += (weighted ? c.outWeights[k]! : 1) * x[c.outTargets[k]!]!;
    }
    y[i] = s;
  }
}

/** y = Aᵀ x: y_j = Σ_{i → j} w_ij x_i (in-lists). */
function multiplyAt(c: Csr, x: Float64Array, y: Float64Array, weighted: boolean): void {
  for (let j = 0; j < c.n; j++) {
    let s = 0;
    for (let k = c.inOffsets[j]!, end = c.inOffsets[j + 1]!; k < end; k++) {
      s += (weighted ? c.inWeights[k]! : 1) * x[c.inSources[k]!]!;
    }
    y[j] = s;
  }
}

function normaliseSum(v: Float64Array): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  if (s > 0) for (let i = 0; i < v.length; i++) v[i]! /= s;
}
