import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

export interface Isolates {
  count: number;
  /** Ids in graph node order. */
  ids: string[];
}

/**
 * Isolates: people with no incoming and no outgoing tie in this relation (nobody names them and they
 * name nobody). On a survey, a non-respondent whom nobody names is an isolate too.
 * Degenerate: empty graph → count 0; n = 1 → that person; no ties → everyone.
 * O(n). Ref: Wasserman & Faust (1994) §4.3; networkx `list(isolates(G))`.
 * @example isolates(graphFrom(['c'], [['a','b']])) // { count: 1, ids: ['c'] }
 */
export function isolates(graph: OrgGraph | Csr): Isolates {
  const c = asCsr(graph);
  const ids: string[] = [];
  for (let v = 0; v < c.n; v++) {
    if (c.outOffsets[v + 1] === c.outOffsets[v] && c.inOffsets[v + 1] === c.inOffsets[v]) ids.push(c.ids[v]!);
  }
  return { count: ids.length, ids };
}
