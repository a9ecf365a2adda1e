import type { OrgGraph } from '../../graph/org-graph.js';
import { toCsr } from '../csr.js';

/**
 * A compact, read-only index of an OrgGraph for the analytics: the shared CSR view
 * (src/metrics/csr.ts, people numbered 0..n−1 in graph node order) under short
 * names, plus in/out-degree and in-strength arrays, so permutation tests,
 * reachability and removal curves run on plain typed arrays. Built once in O(n + m).
 */
export interface IndexedGraph {
  n: number;
  /** Number of arcs. */
  m: number;
  ids: string[];
  index: Map<string, number>;
  outStart: Int32Array;
  outAdj: Int32Array;
  /** Strength of each out-arc (parallel to outAdj). */
  outW: Float64Array;
  inStart: Int32Array;
  inAdj: Int32Array;
  inW: Float64Array;
  inDegree: Int32Array;
  outDegree: Int32Array;
  inStrength: Float64Array;
}

export function indexGraph(g: OrgGraph): IndexedGraph {
  const c = toCsr(g);
  const { n } = c;
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const inStrength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    inDegree[i] = c.inOffsets[i + 1]! - c.inOffsets[i]!;
    outDegree[i] = c.outOffsets[i + 1]! - c.outOffsets[i]!;
    let s = 0;
    for (let k = c.inOffsets[i]!; k < c.inOffsets[i + 1]!; k++) s += c.inWeights[k]!;
    inStrength[i] = s;
  }
  return {
    n,
    m: c.m,
    ids: c.ids,
    index: c.index,
    outStart: c.outOffsets,
    outAdj: c.outTargets,
    outW: c.outWeights,
    inStart: c.inOffsets,
    inAdj: c.inSources,
    inW: c.inWeights,
    inDegree,
    outDegree,
    inStrength,
  };
}

/**
 * The undirected version: i and j adjacent when i→j or j→i; weight w_ij + w_ji
 * (the "mutual weight" of Burt and networkx). Neighbour lists sorted ascending. O(m log d).
 */
export interface UndirectedIndex {
  start: Int32Array;
  adj: Int32Array;
  w: Float64Array;
}

export function undirectedIndex(ig: IndexedGraph): UndirectedIndex {
  const { n } = ig;
  const lists: Map<number, number>[] = Array.from({ length: n }, () => new Map<number, number>());
  for (let i = 0; i < n; i++) {
    for (let k = ig.outStart[i]!; k < ig.outStart[i + 1]!; k++) {
      const j = ig.outAdj[k]!;
      const w = ig.outW[k]!;
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

/** True when i→j is an arc (binary search is not needed at school scale: out-lists are short). */
export function hasArc(ig: IndexedGraph, i: number, j: number): boolean {
  for (let k = ig.outStart[i]!; k < ig.outStart[i + 1]!; k++) if (ig.outAdj[k] === j) return true;
  return false;
}

/** Compare ids for deterministic tie-breaking: numeric when both look numeric, else code-unit order. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
