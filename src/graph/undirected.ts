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
  // Neighbours of i: its out-targets then its in-sources, each once. A pair tied both ways sums its two
  // weights; a self-tie, seen as an out- and an in-entry, counts w + w.
  const start = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let k = c.outOffsets[i]!; k < c.outOffsets[i + 1]!; k++) {
      const j = c.outTargets[k]!;
      if (seen[j] !== i) {
        seen[j] = i;
        d++;
      }
    }
    for (let k = c.inOffsets[i]!; k < c.inOffsets[i + 1]!; k++) {
      const j = c.inSources[k]!;
      if (seen[j] !== i) {
        seen[j] = i;
        d++;
      }
    }
    start[i + 1] = start[i]! + d;
  }
  const adj = new Int32Array(start[n]!);
  const w = new Float64Array(start[n]!);
  const sum = new Float64Array(n);
  seen.fill(-1);
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    let d = s;
    for (let k = c.outOffsets[i]!; k < c.outOffsets[i + 1]!; k++) {
      const j = c.outTargets[k]!;
      if (seen[j] !== i) {
        seen[j] = i;
        sum[j] = 0;
        adj[d++] = j;
      }
      sum[j]! += c.outWeights[k]!;
    }
    for (let k = c.inOffsets[i]!; k < c.inOffsets[i + 1]!; k++) {
      const j = c.inSources[k]!;
      if (seen[j] !== i) {
        seen[j] = i;
        sum[j] = 0;
        adj[d++] = j;
      }
      sum[j]! += c.inWeights[k]!;
    }
    adj.subarray(s, d).sort();
    for (let k = s; k < d; k++) w[k] = sum[adj[k]!]!;
  }
  return { start, adj, w };
}

/** True when i→j is a tie (a linear scan: out-lists are short at school scale). */
export function hasArc(c: Csr, i: number, j: number): boolean {
  for (let k = c.outOffsets[i]!; k < c.outOffsets[i + 1]!; k++) if (c.outTargets[k] === j) return true;
  return false;
}
