import type { Csr, CsrArrays } from './csr.js';

/**
 * Builds the one graph index (src/graph/csr.ts `Csr`) from tie rows rather than a graphology graph:
 * for large tie files (the fast path streams rows straight here) and for tests. Typed arrays on
 * SharedArrayBuffers, so worker threads read the index without copying. Directed, simple (duplicate
 * rows summed), no self-loops.
 */

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

/** A growable list of (source, target, weight) rows as read, before aggregation. */
export class EdgeBuffer {
  src = new Int32Array(1 << 16);
  dst = new Int32Array(1 << 16);
  w = new Float64Array(1 << 16);
  length = 0;

  add(s: number, t: number, weight: number): void {
    if (this.length === this.src.length) this.grow();
    const k = this.length++;
    this.src[k] = s;
    this.dst[k] = t;
    this.w[k] = weight;
  }

  private grow(): void {
    const k = this.src.length * 2;
    const a = new Int32Array(k);
    a.set(this.src);
    this.src = a;
    const b = new Int32Array(k);
    b.set(this.dst);
    this.dst = b;
    const c = new Float64Array(k);
    c.set(this.w);
    this.w = c;
  }
}

/**
 * Aggregates rows into a simple directed CSR: self-loops dropped, duplicate ordered pairs summed
 * (weights added). Out-neighbours are in first-seen order per source. O(n + rows).
 * Returns the graph and the number of duplicate rows merged.
 */
export function buildCsr(ids: string[], edges: EdgeBuffer): { graph: Csr; duplicates: number; selfLoops: number } {
  const n = ids.length;
  const rows = edges.length;
  const { src, dst, w } = edges;
  // Counting sort of rows by source.
  const start = new Int32Array(n + 1);
  let selfLoops = 0;
  for (let k = 0; k < rows; k++) {
    if (src[k] === dst[k]) {
      selfLoops++;
      continue;
    }
    start[src[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const order = new Int32Array(rows - selfLoops);
  const fill = start.slice(0, n);
  for (let k = 0; k < rows; k++) if (src[k] !== dst[k]) order[fill[src[k]!]!++] = k;
  // Merge duplicate targets per source (marker array holds the position of a target in this row).
  const pos = new Int32Array(n).fill(-1);
  const tmpT = new Int32Array(order.length);
  const tmpW = new Float64Array(order.length);
  const outOffsets = sharedInt32(n + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = m;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const k = order[p]!;
      const t = dst[k]!;
      const at = pos[t]!;
      if (at >= rowStart) {
        tmpW[at]! += w[k]!;
      } else {
        pos[t] = m;
        tmpT[m] = t;
        tmpW[m] = w[k]!;
        m++;
      }
    }
    outOffsets[i + 1] = m;
  }
  const outTargets = sharedInt32(m);
  const outWeights = sharedFloat64(m);
  outTargets.set(tmpT.subarray(0, m));
  outWeights.set(tmpW.subarray(0, m));
  const graph = withInEdges(ids, n, m, outOffsets, outTargets, outWeights);
  return { graph, duplicates: order.length - m, selfLoops };
}

/** Adds the transposed (in-edge) arrays; in-neighbours of each node in increasing source order. */
export function withInEdges(
  ids: string[],
  n: number,
  m: number,
  outOffsets: Int32Array,
  outTargets: Int32Array,
  outWeights: Float64Array,
): Csr {
  const inOffsets = sharedInt32(n + 1);
  for (let e = 0; e < m; e++) inOffsets[outTargets[e]! + 1]!++;
  for (let i = 0; i < n; i++) inOffsets[i + 1]! += inOffsets[i]!;
  const inSources = sharedInt32(m);
  const inWeights = sharedFloat64(m);
  const fill = inOffsets.slice(0, n);
  for (let s = 0; s < n; s++) {
    for (let e = outOffsets[s]!; e < outOffsets[s + 1]!; e++) {
      const t = outTargets[e]!;
      const p = fill[t]!++;
      inSources[p] = s;
      inWeights[p] = outWeights[e]!;
    }
  }
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);
  return { n, m, ids, index, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights };
}

/**
 * The subgraph of `g` induced by the nodes `keep` (indices, in the order the new graph numbers them):
 * ties among them only, each source's targets in g's order — for a roster subset in roster order, the
 * graph selectionCsr builds from the ties among those people. O(n + m).
 */
export function inducedCsr(g: Csr, keep: readonly number[]): Csr {
  const at = new Int32Array(g.n).fill(-1);
  keep.forEach((old, i) => (at[old] = i));
  const n = keep.length;
  const outOffsets = sharedInt32(n + 1);
  for (let i = 0; i < n; i++) {
    const s = keep[i]!;
    let k = 0;
    for (let e = g.outOffsets[s]!; e < g.outOffsets[s + 1]!; e++) if (at[g.outTargets[e]!]! >= 0) k++;
    outOffsets[i + 1] = outOffsets[i]! + k;
  }
  const m = outOffsets[n]!;
  const outTargets = sharedInt32(m);
  const outWeights = sharedFloat64(m);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const s = keep[i]!;
    for (let e = g.outOffsets[s]!; e < g.outOffsets[s + 1]!; e++) {
      const t = at[g.outTargets[e]!]!;
      if (t < 0) continue;
      outTargets[w] = t;
      outWeights[w++] = g.outWeights[e]!;
    }
  }
  return withInEdges(
    keep.map((i) => g.ids[i]!),
    n,
    m,
    outOffsets,
    outTargets,
    outWeights,
  );
}

/** The typed arrays of a graph (what workers need). */
export function arraysOf(g: CsrArrays): CsrArrays {
  const { n, m, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = g;
  return { n, m, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights };
}

/** Builds a Csr from ids and [source, target, weight?] triples (tests, small inputs). */
export function csrFromEdges(ids: readonly string[], list: ReadonlyArray<readonly [string, string, number?]>): Csr {
  const all = [...ids];
  const index = new Map<string, number>();
  all.forEach((id, i) => index.set(id, i));
  const edges = new EdgeBuffer();
  for (const [s, t, wt] of list) {
    for (const id of [s, t])
      if (!index.has(id)) {
        index.set(id, all.length);
        all.push(id);
      }
    edges.add(index.get(s)!, index.get(t)!, wt ?? 1);
  }
  return buildCsr(all, edges).graph;
}
