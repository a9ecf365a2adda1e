import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, toMap, type Csr } from '../../graph/csr.js';
import { allSourcesPaths } from './shortest-paths.js';

export interface BetweennessOptions {
  /**
   * false (default): shortest paths by hop count — every tie has length 1, strength ignored.
   * true: a tie of strength w has length 1 / w (stronger tie = shorter), shortest paths by Dijkstra.
   */
  weighted: boolean;
  /** Divide by (n − 1)(n − 2), the number of ordered pairs (s, t) not involving v. */
  normalized: boolean;
}

export const BETWEENNESS_DEFAULTS: Readonly<BetweennessOptions> = Object.freeze({ weighted: false, normalized: true });

/**
 * Betweenness centrality: how often a person lies on shortest paths between two others (brokerage).
 *
 * Formula: c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), over *ordered* pairs (directed paths follow the
 * direction of ties), where σ(s, t) is the number of shortest s→t paths and σ(s, t | v) those through v.
 * Normalised (default) by 1 / ((n − 1)(n − 2)), so values lie in [0, 1] — the directed scaling; there is
 * no halving as for undirected graphs.
 *
 * Options (BETWEENNESS_DEFAULTS): weighted false — hop counts; tie strength is NOT a distance.
 * weighted true uses length 1 / weight explicitly (networkx: attribute distance = 1/weight).
 * normalized true.
 *
 * Degenerate: empty graph → empty map; n < 3 → every value 0 (no third person to broker; no scaling);
 * isolates and people on no shortest path → 0; no ties → all 0. Unreachable pairs contribute nothing.
 *
 * Complexity: Brandes' algorithm, O(n·m) time hops, O(n·m + n² log n) weighted; O(n + m) memory.
 * Ref: Freeman (1977) Sociometry 40(1); Brandes (2001) J. Math. Sociology 25(2); networkx
 * `betweenness_centrality(G, normalized=True)` (hops) or `(G, weight='distance')` with distance = 1/weight.
 *
 * @example betweenness(graphFrom([], [['a','b'],['b','c']])).get('b') // 1: b is on the only a→c path
 */
export function betweenness(graph: OrgGraph | Csr, options: Partial<BetweennessOptions> = {}): Map<string, number> {
  const c = asCsr(graph);
  return toMap(c, betweennessArray(c, options));
}

/** Betweenness over a CSR view; values indexed like `csr.ids`. */
export function betweennessArray(c: Csr, options: Partial<BetweennessOptions> = {}): Float64Array {
  const { weighted, normalized } = { ...BETWEENNESS_DEFAULTS, ...options };
  const raw = allSourcesPaths(c, { weighted, betweenness: true }).betweenness;
  return scaleBetweenness(raw, c.n, normalized);
}

/** networkx `_rescale` for directed graphs, endpoints excluded: n < 3 → unscaled (all zeros anyway). */
export function scaleBetweenness(raw: Float64Array, n: number, normalized: boolean): Float64Array {
  if (!normalized || n < 3) return raw;
  const scale = 1 / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) raw[i]! *= scale;
  return raw;
}
