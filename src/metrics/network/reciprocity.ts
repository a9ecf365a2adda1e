import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Reciprocity: the share of ties whose reverse tie also exists (i → j with j → i), unweighted.
 * Formula: |{(i, j) ∈ E : (j, i) ∈ E}| / |E|; a mutual pair counts twice in the numerator. In [0, 1].
 * Degenerate: no ties (empty graph, n = 1, only isolates) → null (undefined; networkx raises
 * "Not defined for empty graphs"). Isolates do not change the value.
 * O(n + m). Ref: Wasserman & Faust (1994) §13.2; networkx `overall_reciprocity(G)`.
 * @example reciprocity(graphFrom([], [['a','b'],['b','a'],['a','c']])) // 2 / 3
 */
export function reciprocity(graph: OrgGraph | Csr): number | null {
  const c = asCsr(graph);
  if (c.m === 0) return null;
  return reciprocatedTies(c) / c.m;
}

/** Number of directed ties whose reverse exists. */
export function reciprocatedTies(c: Csr): number {
  const mark = new Int32Array(c.n).fill(-1);
  let mutual = 0;
  for (let v = 0; v < c.n; v++) {
    for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) mark[c.outTargets[k]!] = v;
    for (let k = c.inOffsets[v]!; k < c.inOffsets[v + 1]!; k++) if (mark[c.inSources[k]!] === v) mutual++;
  }
  return mutual;
}
