import { mulberry32 } from '../random.js';
import { gini } from './distribution.js';
import { inDegreeCentralizationOf } from '../network/centralization.js';
import type { Csr } from '../../graph/csr.js';
import { degreeArrays } from '../node/degree.js';

export const CHANCE_DEFAULTS = {
  /** Random networks drawn for the baseline (fewer on very large graphs: at most `maxWork` arcs drawn in all). */
  draws: 200,
  maxWork: 2e6,
};
export type ChanceOptions = typeof CHANCE_DEFAULTS & { seed: number };

/**
 * What chance would give for the indices of one (relation, domain) graph, to read each index against:
 * - `reciprocity`: the expected arc reciprocity if the same ties went to colleagues at random, which is
 *   the density of the network (Wasserman & Faust 1994, §13.2: under a uniform random digraph the
 *   chance that a tie is returned equals the density).
 * - `density`: the same by construction (a random network with the same people and ties has the same
 *   density); shown so every index has its baseline, with the reading "no chance comparison".
 * - `centralization`, `gini`: the mean over `draws` seeded random networks with the same people and
 *   the same out-degrees (each person names the same number of colleagues, drawn uniformly among the
 *   others without repeats) — the spread of nominations that random choice alone gives.
 * - `ei`: the E-I index expected under random mixing for these group sizes, given each person's
 *   out-degree: I_exp = Σ_i d_i (n_g(i) − 1) / (n − 1), E-I_exp = 1 − 2 I_exp / m (Krackhardt & Stern
 *   1988: the expected E-I for the group sizes at hand, not 0, is the no-silo reference).
 * Null where the index itself is undefined (no ties, fewer than 2 people). Seeded (mulberry32).
 * O(draws · (n + m)).
 */
export interface ChanceBaseline {
  density: number | null;
  reciprocity: number | null;
  centralization: number | null;
  gini: number | null;
  /** Standard deviation of centralization and Gini over the random networks (how far chance alone varies). */
  centralizationSd: number | null;
  giniSd: number | null;
  ei: number | null;
  draws: number;
  seed: number;
}

export function chanceBaseline(ig: Csr, density: number | null, groupOf: (id: string) => string, options: ChanceOptions): ChanceBaseline {
  const n = ig.n;
  const m = ig.m;
  const none: ChanceBaseline = {
    density,
    reciprocity: null,
    centralization: null,
    gini: null,
    centralizationSd: null,
    giniSd: null,
    ei: null,
    draws: 0,
    seed: options.seed,
  };
  if (n < 2 || m === 0) return none;
  const { outDegree } = degreeArrays(ig);
  // E-I under random mixing for these group sizes.
  const size = new Map<string, number>();
  const groups = ig.ids.map(groupOf);
  for (const g of groups) size.set(g, (size.get(g) ?? 0) + 1);
  let internal = 0;
  for (let i = 0; i < n; i++) internal += (outDegree[i]! * (size.get(groups[i]!)! - 1)) / (n - 1);
  const ei = 1 - (2 * internal) / m;
  // Random networks with the same out-degrees.
  const draws = Math.max(10, Math.min(options.draws, Math.floor(options.maxWork / m)));
  const rng = mulberry32(options.seed);
  const indeg = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  const cs: number[] = [];
  const gs: number[] = [];
  for (let d = 0; d < draws; d++) {
    indeg.fill(0);
    for (let i = 0; i < n; i++) {
      const k = Math.min(outDegree[i]!, n - 1);
      let picked = 0;
      const stamp = d * n + i;
      while (picked < k) {
        const j = Math.floor(rng() * n);
        if (j === i || mark[j] === stamp) continue;
        mark[j] = stamp;
        indeg[j]!++;
        picked++;
      }
    }
    cs.push(inDegreeCentralizationOf(indeg) ?? 0);
    const g = gini(indeg).value;
    if (g !== null) gs.push(g);
  }
  const c = meanSd(cs);
  const gg = meanSd(gs);
  return {
    density,
    reciprocity: density,
    centralization: c.mean,
    gini: gg.mean,
    centralizationSd: c.sd,
    giniSd: gg.sd,
    ei: Math.max(-1, Math.min(1, ei)),
    draws,
    seed: options.seed,
  };
}

function meanSd(xs: readonly number[]): { mean: number | null; sd: number | null } {
  if (xs.length === 0) return { mean: null, sd: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  return { mean, sd: Math.sqrt(v) };
}
