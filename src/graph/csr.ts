import type { OrgGraph } from './org-graph.js';

/**
 * The one graph index of leadmap: a compressed-sparse-row view of a directed, simple graph without
 * self-loops. Node i is `ids[i]`; its out-neighbours are `outTargets[outOffsets[i] .. outOffsets[i+1])`
 * with strengths `outWeights` at the same positions (never distances); in-neighbours likewise in
 * `inSources` / `inWeights`. Every measure in src/metrics and every fast-path kernel reads these arrays.
 * Built from an OrgGraph by {@link toCsr} (graph node order, graphology's edge order, so every kernel is
 * deterministic) or from tie rows (large tie files, tests) by buildCsr / csrFromEdges
 * (src/graph/csr-builder.ts, on SharedArrayBuffers so worker threads read it without copying).
 */
export interface Csr {
  /** Number of nodes. */
  n: number;
  /** Number of directed edges (ties). */
  m: number;
  ids: string[];
  /** Index of a node id in `ids`. */
  index: Map<string, number>;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  /** Strength of each out-edge (edge attribute `weight`, default 1). Never a distance. */
  outWeights: Float64Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  inWeights: Float64Array;
}

/** The typed-array part of a Csr, as sent to worker threads (no strings). */
export type CsrArrays = Omit<Csr, 'ids' | 'index'>;

/** Indexes the graph once into typed arrays. O(n + m). */
export function toCsr(graph: OrgGraph): Csr {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);
  const m = graph.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wts = new Float64Array(m);
  const outOffsets = new Int32Array(n + 1);
  const inOffsets = new Int32Array(n + 1);
  let e = 0;
  graph.forEachEdge((_key, attr, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    src[e] = s;
    dst[e] = t;
    wts[e] = typeof attr.weight === 'number' ? attr.weight : 1;
    outOffsets[s + 1]!++;
    inOffsets[t + 1]!++;
    e++;
  });
  for (let i = 0; i < n; i++) {
    outOffsets[i + 1]! += outOffsets[i]!;
    inOffsets[i + 1]! += inOffsets[i]!;
  }
  const outTargets = new Int32Array(m);
  const outWeights = new Float64Array(m);
  const inSources = new Int32Array(m);
  const inWeights = new Float64Array(m);
  const outFill = outOffsets.slice(0, n);
  const inFill = inOffsets.slice(0, n);
  for (let k = 0; k < m; k++) {
    const s = src[k]!;
    const t = dst[k]!;
    const o = outFill[s]!++;
    outTargets[o] = t;
    outWeights[o] = wts[k]!;
    const p = inFill[t]!++;
    inSources[p] = s;
    inWeights[p] = wts[k]!;
  }
  return { n, m, ids, index, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights };
}

/** Builds a Map id → value from an array indexed like `csr.ids`. */
export function toMap(csr: Csr, values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < csr.n; i++) out.set(csr.ids[i]!, values[i]!);
  return out;
}

/** Accepts either a graph or an already-built CSR view (lets callers index once). */
export function asCsr(graph: OrgGraph | Csr): Csr {
  return isCsr(graph) ? graph : toCsr(graph);
}

function isCsr(x: OrgGraph | Csr): x is Csr {
  return (x as Csr).outOffsets instanceof Int32Array;
}
