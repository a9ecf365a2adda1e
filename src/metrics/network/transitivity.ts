import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr } from '../../graph/csr.js';

/**
 * Transitivity (global clustering coefficient) of the undirected simple version of the network:
 * i and j are linked when i → j or j → i; direction and strength are ignored.
 * Formula: 3 × triangles / connected triples = 6Δ / Σ_v d_v (d_v − 1), d_v = undirected degree. In [0, 1].
 * Degenerate: no connected triple (n < 3, no ties, only dyads/isolates) → 0, as networkx.
 * O(m^1.5) (triangles listed once along a degree ordering). Ref: Wasserman & Faust (1994) §6.3;
 * Newman (2003) SIAM Review 45(2); networkx `transitivity(G.to_undirected())`.
 * @example transitivity(graphFrom([], [['a','b'],['b','c'],['c','a']])) // 1
 */
export function transitivity(graph: OrgGraph | Csr): number {
  const c = asCsr(graph);
  const u = undirectedCsr(c);
  let triples = 0;
  for (let v = 0; v < c.n; v++) {
    const d = u.offsets[v + 1]! - u.offsets[v]!;
    triples += d * (d - 1);
  }
  const triangles = countTriangles(u);
  return triangles === 0 ? 0 : (6 * triangles) / triples;
}

/** Undirected simple adjacency (union of in- and out-neighbours, no duplicates). */
export interface UndirectedCsr {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function undirectedCsr(c: Csr): UndirectedCsr {
  const { n } = c;
  const mark = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(n + 1);
  const buffer = new Int32Array(2 * c.m);
  let fill = 0;
  for (let v = 0; v < n; v++) {
    for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) {
      const w = c.outTargets[k]!;
      if (mark[w] !== v) {
        mark[w] = v;
        buffer[fill++] = w;
      }
    }
    for (let k = c.inOffsets[v]!; k < c.inOffsets[v + 1]!; k++) {
      const w = c.inSources[k]!;
      if (mark[w] !== v) {
        mark[w] = v;
        buffer[fill++] = w;
      }
    }
    offsets[v + 1] = fill;
  }
  return { n, offsets, neighbours: buffer.slice(0, fill) };
}

/** Number of triangles, each counted once (forward algorithm over a degree ordering). */
export function countTriangles(u: UndirectedCsr): number {
  const { n, offsets, neighbours } = u;
  const degree = (v: number): number => offsets[v + 1]! - offsets[v]!;
  const before = (a: number, b: number): boolean => degree(a) < degree(b) || (degree(a) === degree(b) && a < b);
  const mark = new Int32Array(n).fill(-1);
  let triangles = 0;
  for (let v = 0; v < n; v++) {
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = neighbours[k]!;
      if (before(v, w)) mark[w] = v;
    }
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = neighbours[k]!;
      if (!before(v, w)) continue;
      for (let l = offsets[w]!; l < offsets[w + 1]!; l++) {
        const x = neighbours[l]!;
        if (mark[x] === v && before(w, x)) triangles++;
      }
    }
  }
  return triangles;
}
