import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Reciprocity: the share of ties whose reverse tie also exists (i → j with j → i), unweighted.
 * Formula: |{(i, j) ∈ E : (j, i) ∈ E}| / |E|; a mutual pair counts twice in the numerator. In [0, 1].
 * With `canReply` given (a survey: only respondents can name back), only ties i → j whose target j
 * could reply are counted, in numerator and denominator alike.
 * Degenerate: no countable tie (empty graph, n = 1, only isolates) → null (undefined; networkx raises
 * "Not defined for empty graphs"). Isolates do not change the value.
 * O(n + m). Ref: Wasserman & Faust (1994) §13.2; networkx `overall_reciprocity(G)`.
 * @example reciprocity(graphFrom([], [['a','b'],['b','a'],['a','c']])) // 2 / 3
 */
export function reciprocity(graph: OrgGraph | Csr, canReply?: (i: number) => boolean): number | null {
  const c = asCsr(graph);
  const mark = new Int32Array(c.n).fill(-1);
  let ties = 0;
  let mutual = 0;
  for (let v = 0; v < c.n; v++) {
    if (canReply && !canReply(v)) continue;
    // Ties u → v into a person v who could reply; mutual when v → u.
    for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) mark[c.outTargets[k]!] = v;
    ties += c.inOffsets[v + 1]! - c.inOffsets[v]!;
    for (let k = c.inOffsets[v]!; k < c.inOffsets[v + 1]!; k++) if (mark[c.inSources[k]!] === v) mutual++;
  }
  return ties === 0 ? null : mutual / ties;
}
