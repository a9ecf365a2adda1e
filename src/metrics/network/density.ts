import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Density: the share of possible directed ties that exist.
 * Formula: m / (n (n − 1)), counting ordered pairs without self-ties; unweighted. In [0, 1].
 * Degenerate: n < 2 (empty graph, one person) → 0 (no possible tie; networkx also returns 0).
 * O(1). Ref: Wasserman & Faust (1994) §4.2; networkx `density(G)`.
 * @example density(graphFrom([], [['a','b']])) // 1 / 2 = 0.5
 */
export function density(graph: OrgGraph | Csr): number {
  const c = asCsr(graph);
  return c.n < 2 ? 0 : c.m / (c.n * (c.n - 1));
}
