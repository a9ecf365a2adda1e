import type { OrgGraph } from '../../graph/org-graph.js';
import { directedDensity } from 'graphology-metrics/graph/density.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Density: the share of possible directed ties that exist.
 * Formula: m / (n (n − 1)), counting ordered pairs without self-ties; unweighted. In [0, 1].
 * Degenerate: n < 2 (empty graph, one person) → null (no tie is possible: 0/0; networkx returns 0,
 * leadmap does not report a share of nothing); no ties with n ≥ 2 → 0.
 * Computed by graphology-metrics `directedDensity(n, m)` (the same m / (n (n − 1))), guarded for n < 2,
 * where graphology-metrics returns 0. O(1).
 * Ref: Wasserman & Faust (1994) §4.2; networkx `density(G)`.
 * @example density(graphFrom([], [['a','b']])) // 1 / 2 = 0.5
 */
export function density(graph: OrgGraph | Csr): number | null {
  const c = asCsr(graph);
  return densityOf(c.m, c.n);
}

/**
 * {@link density} from counts, with the possible senders: m / (s (n − 1)). In a survey only the s
 * people who answered can send ties, so the leadership distribution passes s = respondents
 * (Wasserman & Faust 1994 §4.2 on ego-restricted designs); s = n is the plain density.
 * Degenerate: n < 2 or s = 0 → null.
 */
export function densityOf(m: number, n: number, senders: number = n): number | null {
  if (n < 2 || senders === 0) return null;
  return senders === n ? directedDensity(n, m) : m / (senders * (n - 1));
}
