import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, toMap, type Csr } from '../../graph/csr.js';
import { allSourcesPaths } from './shortest-paths.js';

export interface ClosenessOptions {
  /** false (default): hop counts. true: a tie of strength w has length 1 / w (Dijkstra). */
  weighted: boolean;
}

export const CLOSENESS_DEFAULTS: Readonly<ClosenessOptions> = Object.freeze({ weighted: false });

/**
 * Closeness centrality with Wasserman–Faust scaling, on *incoming* distances: how near a person is to the
 * colleagues who can reach them (how quickly advice-seekers, directly or through others, arrive at v).
 *
 * Formula: with R(v) = {u ≠ v : u reaches v}, r = |R(v)| and D = Σ_{u ∈ R(v)} d(u, v),
 *   C(v) = (r / D) · (r / (n − 1)).
 * The second factor (Wasserman & Faust 1994, eq. 5.5 improved) scales down people reachable only from
 * a small part of the network, so values stay comparable across components. With hop counts C ∈ [0, 1];
 * with weighted distances (1/strength, possibly < 1) C can exceed 1.
 *
 * Options (CLOSENESS_DEFAULTS): weighted false — hop counts, strength ignored; weighted true uses
 * length 1 / weight explicitly (networkx: distance attribute = 1/weight).
 *
 * Degenerate: empty graph → empty map; n = 1 → 0; nobody reaches v (isolates, people nobody names) → 0
 * (networkx's convention: D = 0 gives 0, never NaN/Infinity); no ties → all 0; n = 2 with a→b → C(b) = 1, C(a) = 0.
 *
 * Complexity: one BFS (Dijkstra) per node, O(n·m) (O(n·(m + n) log n)); shares the kernel with betweenness.
 * Ref: Freeman (1979) Social Networks 1(3); Wasserman & Faust (1994) §5.3; networkx
 * `closeness_centrality(G, wf_improved=True)` — for a DiGraph networkx uses incoming distances.
 *
 * @example closeness(graphFrom([], [['a','b'],['c','b']])).get('b') // (2/2)·(2/2) = 1
 */
export function closeness(graph: OrgGraph | Csr, options: Partial<ClosenessOptions> = {}): Map<string, number> {
  const c = asCsr(graph);
  const { weighted } = { ...CLOSENESS_DEFAULTS, ...options };
  const sums = allSourcesPaths(c, { weighted, betweenness: false });
  return toMap(c, closenessFromSums(sums.distanceSum, sums.reachedBy, c.n));
}

/** Closeness from the kernel's incoming-distance sums, exactly as networkx orders the arithmetic. */
export function closenessFromSums(distanceSum: Float64Array, reachedBy: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = reachedBy[v]!;
    const total = distanceSum[v]!;
    if (total > 0 && n > 1) out[v] = (r / total) * (r / (n - 1));
  }
  return out;
}
