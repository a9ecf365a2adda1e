import type Graph from 'graphology';
import type { Csr } from '../../graph/csr.js';
import type { UndirectedIndex } from '../../graph/undirected.js';

/**
 * The undirected weighted graph graphology-communities-louvain reads, served from typed arrays instead
 * of a graphology Graph (whose build took 2 s and a few hundred MB for a 75,000-person district). It
 * answers what the library reads (order, size, type, forEachNode, undirectedDegreeWithoutSelfLoops,
 * forEachEdge) exactly as the Graph built by addNode for `ig.ids` in order, then addEdge(i, j,
 * {weight: w_ij}) for each pair j > i in `u`'s neighbour order would: same nodes in the same order,
 * same edges in insertion order, no self-loops. The library's partition is therefore the same, bit for
 * bit (test/metrics/group/louvain-graph-view.test.ts builds that Graph and compares). Members the
 * library's graph check asks for but never calls throw. O(n + m).
 */
export function louvainGraphView(ig: Csr, u: UndirectedIndex): Graph {
  const { n, ids } = ig;
  let size = 0;
  for (let i = 0; i < n; i++) for (let k = u.start[i]!; k < u.start[i + 1]!; k++) if (u.adj[k]! > i) size++;
  const none = {};
  const notUsed = (): never => {
    throw new Error('louvainGraphView: only what graphology-communities-louvain reads is served');
  };
  const view = {
    type: 'undirected',
    multi: false,
    order: n,
    size,
    selfLoopCount: 0,
    undirectedSize: size,
    directedSize: 0,
    addUndirectedEdgeWithKey: notUsed,
    dropNode: notUsed,
    setNodeAttribute: notUsed,
    forEachNode(callback: (node: string, attributes: object) => void): void {
      for (let i = 0; i < n; i++) callback(ids[i]!, none);
    },
    undirectedDegreeWithoutSelfLoops(node: string): number {
      const i = ig.index.get(node)!;
      let d = 0;
      for (let k = u.start[i]!; k < u.start[i + 1]!; k++) if (u.adj[k] !== i) d++;
      return d;
    },
    forEachEdge(callback: (...entry: [string, { weight: number }, string, string, object, object, boolean]) => void): void {
      // One attributes object, rewritten per edge: the library reads the weight during the call.
      const attributes = { weight: 0 };
      for (let i = 0; i < n; i++)
        for (let k = u.start[i]!; k < u.start[i + 1]!; k++) {
          const j = u.adj[k]!;
          if (j <= i) continue;
          attributes.weight = u.w[k]!;
          callback('', attributes, ids[i]!, ids[j]!, none, none, true);
        }
    },
  };
  return view as unknown as Graph;
}
