import type { Csr } from '../csr.js';

/**
 * The all-sources shortest-path kernel shared by betweenness and closeness (Brandes 2001).
 * One BFS (hop counts) or Dijkstra (distance = 1 / strength) per source over the CSR out-lists.
 * From each source s it accumulates:
 *   - Brandes dependencies δ_s(v) into `betweenness[v]` (raw: ordered pairs, endpoints excluded);
 *   - for every target t reached from s, d(s, t) into `distanceSum[t]` and 1 into `reachedBy[t]`,
 *     i.e. the *incoming* distances closeness needs.
 * Predecessors are recognised by d(s, v) + d(v, w) === d(s, w) exactly (networkx does the same),
 * so no predecessor lists are stored. O(n·m) hops, O(n·(m + n) log n) weighted; O(n + m) memory.
 */
export interface PathSums {
  betweenness: Float64Array;
  distanceSum: Float64Array;
  reachedBy: Float64Array;
}

export interface PathKernelOptions {
  /** Distances 1 / weight (Dijkstra) instead of hop counts (BFS). */
  weighted: boolean;
  /** Skip the dependency accumulation (closeness only). */
  betweenness: boolean;
}

export function allSourcesPaths(c: Csr, options: PathKernelOptions): PathSums {
  const n = c.n;
  const sums: PathSums = {
    betweenness: new Float64Array(n),
    distanceSum: new Float64Array(n),
    reachedBy: new Float64Array(n),
  };
  if (options.weighted) weightedPaths(c, options.betweenness, sums);
  else hopPaths(c, options.betweenness, sums);
  return sums;
}

function hopPaths(c: Csr, wantBc: boolean, out: PathSums): void {
  const { n, outOffsets, outTargets } = c;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const order = new Int32Array(n); // BFS order; doubles as the queue
  for (let s = 0; s < n; s++) {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
        const w = outTargets[k]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === dv) {
          sigma[w]! += sv;
        }
      }
    }
    for (let i = 1; i < tail; i++) {
      const t = order[i]!;
      out.distanceSum[t]! += dist[t]!;
      out.reachedBy[t]!++;
    }
    if (wantBc) {
      // Pull form of Brandes' accumulation: δ(v) = σ(v) · Σ_{w successor of v} (1 + δ(w)) / σ(w).
      // coef[w] = (1 + δ(w)) / σ(w) is final once w is passed (reverse BFS order).
      for (let i = tail - 1; i >= 0; i--) {
        const v = order[i]!;
        const dv = dist[v]! + 1;
        let acc = 0;
        for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
          const w = outTargets[k]!;
          if (dist[w] === dv) acc += coef[w]!;
        }
        const d = sigma[v]! * acc;
        coef[v] = (1 + d) / sigma[v]!;
        if (v !== s) out.betweenness[v]! += d;
      }
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
    }
  }
}

function weightedPaths(c: Csr, wantBc: boolean, out: PathSums): void {
  const { n, outOffsets, outTargets, outWeights } = c;
  const length = new Float64Array(c.m);
  for (let k = 0; k < c.m; k++) length[k] = 1 / outWeights[k]!;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const order = new Int32Array(n); // settle order
  const heap = new MinHeap(c.m + n);
  for (let s = 0; s < n; s++) {
    let settled = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heap.push(0, s);
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (done[v] || d > dist[v]!) continue;
      done[v] = 1;
      order[settled++] = v;
      const sv = sigma[v]!;
      for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
        const w = outTargets[k]!;
        if (done[w]) continue;
        const nd = d + length[k]!;
        const dw = dist[w]!;
        if (nd < dw) {
          dist[w] = nd;
          sigma[w] = sv;
          heap.push(nd, w);
        } else if (nd === dw) {
          sigma[w]! += sv;
        }
      }
    }
    for (let i = 1; i < settled; i++) {
      const t = order[i]!;
      out.distanceSum[t]! += dist[t]!;
      out.reachedBy[t]!++;
    }
    if (wantBc) {
      for (let i = settled - 1; i >= 0; i--) {
        const v = order[i]!;
        const dv = dist[v]!;
        let acc = 0;
        for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
          const w = outTargets[k]!;
          if (dv + length[k]! === dist[w]) acc += coef[w]!;
        }
        const d = sigma[v]! * acc;
        coef[v] = (1 + d) / sigma[v]!;
        if (v !== s) out.betweenness[v]! += d;
      }
    }
    for (let i = 0; i < settled; i++) {
      const v = order[i]!;
      dist[v] = Infinity;
      done[v] = 0;
      sigma[v] = 0;
    }
  }
}

/** Binary min-heap of (key, node) with lazy deletion; capacity fixed up front. */
class MinHeap {
  size = 0;
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.nodes = new Int32Array(Math.max(1, capacity));
  }
  topKey(): number {
    return this.keys[0]!;
  }
  push(key: number, node: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      nodes[i] = nodes[p]!;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
