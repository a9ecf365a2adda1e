import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';
import { degreeArrays } from '../node/degree.js';

/**
 * Freeman in-degree centralization: how much one person dominates incoming ties.
 * Formula: Σ_i (max_j d⁻_j − d⁻_i) / (n − 1)², raw in-degree counts (unweighted). The denominator is the
 * largest possible sum, reached by an in-star (everyone names the same person). In [0, 1]:
 * 0 — everyone is named equally often; 1 — one person is named by all and nobody else is named.
 * Same normalisation as sna::centralization(g, degree, cmode = "indegree") and UCINET.
 * Degenerate: n < 2 (empty graph, one person) → null (the denominator is 0: nobody can be named, so
 * there is no inequality to measure); no ties with n ≥ 2 → 0. Isolates count as in-degree 0 and raise
 * the value. The one definition: the core measures, the fast path and the leadership distribution use it.
 * O(n + m). Ref: Freeman (1978/79) Social Networks 1(3), 215–239; Wasserman & Faust (1994) §5.2.2.
 * @example inDegreeCentralization(graphFrom([], [['b','a'],['c','a']])) // (0 + 2 + 2) / 4 = 1
 */
export function inDegreeCentralization(graph: OrgGraph | Csr): number | null {
  return inDegreeCentralizationOf(degreeArrays(asCsr(graph)).inDegree);
}

/** {@link inDegreeCentralization} from the in-degree of each person (isolates included). O(n). */
export function inDegreeCentralizationOf(inDegree: ArrayLike<number>): number | null {
  const n = inDegree.length;
  if (n < 2) return null;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, inDegree[i]!);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - inDegree[i]!;
  return sum / ((n - 1) * (n - 1));
}
