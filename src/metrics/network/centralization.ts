import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Freeman in-degree centralization: how much one person dominates incoming ties.
 * Formula: Σ_i (max_j d⁻_j − d⁻_i) / (n − 1)², raw in-degree counts (unweighted). The denominator is the
 * largest possible sum, reached by an in-star (everyone names the same person). In [0, 1]:
 * 0 — everyone is named equally often; 1 — one person is named by all and nobody else is named.
 * Degenerate: n < 2 (empty graph, one person) → 0 (no one can be named; there is no inequality);
 * no ties → 0. Isolates count as in-degree 0 and raise the value.
 * O(n + m). Ref: Freeman (1978/79) Social Networks 1(3); Wasserman & Faust (1994) §5.2.2.
 * @example inDegreeCentralization(graphFrom([], [['b','a'],['c','a']])) // (0 + 2 + 2) / 4 = 1
 */
export function inDegreeCentralization(graph: OrgGraph | Csr): number {
  const c = asCsr(graph);
  const n = c.n;
  if (n < 2) return 0;
  let max = 0;
  for (let v = 0; v < n; v++) max = Math.max(max, c.inOffsets[v + 1]! - c.inOffsets[v]!);
  let sum = 0;
  for (let v = 0; v < n; v++) sum += max - (c.inOffsets[v + 1]! - c.inOffsets[v]!);
  return sum / ((n - 1) * (n - 1));
}
