import type { Csr } from './csr.js';

/**
 * The undirected version of a directed graph: i and j adjacent when i→j or j→i, with weight
 * w_ij + w_ji (the "mutual weight" of Burt and networkx). `start`/`adj`/`w` are CSR arrays;
 * neighbour lists sorted ascending. O(m log d).
 */
export interface UndirectedIndex {
  start: Int32Array;
  adj: Int32Array;
  w: Float64Array;
}

export function undirectedIndex(c: Csr): UndirectedIndex {
  const { n } = c;
  const lists = Array.from({ length: n }, () => new Map<number, number>());
  for (let i = 0; i < n; i++) {
    for (let k = c.outOffsets[i]!; k < c.outOffsets[i + 1]!; k++) {
      const j = c.outTargets[k]!;
      const w = c.outWeights[k]!;
      lists[i]!.set(j, (lists[i]!.get(j) ?? 0) + w);
      lists[j]!.set(i, (lists[j]!.get(i) ?? 0) + w);
    }
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.size;
  const adj = new Int32Array(start[n]!);
  const w = new Float64Array(start[n]!);
  for (let i = 0; i < n; i++) {
    const keys = [...lists[i]!.keys()].sort((a, b) => a - b);
    let k = start[i]!;
    for (const j of keys) {
      adj[k] = j;
      w[k] = lists[i]!.get(j)!;
      k++;
    }
  }
  return { start, adj, w };
}

/** True when i→j is a tie (a linear scan: out-lists are short at school scale). */
export function hasArc(c: Csr, i: number, j: number): boolean {
  for (let k = c.outOffsets[i]!; k < c.outOffsets[i + 1]!; k++) if (c.outTargets[k] === j) return true;
  return false;
}
