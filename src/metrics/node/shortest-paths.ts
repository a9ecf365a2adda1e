import type { Csr } from '../../graph/csr.js';

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
  /** Hop BFS direction switch (see hopPaths); for tests. Default 1. */
  bottomUpFactor?: number;
}

export function allSourcesPaths(c: Csr, options: PathKernelOptions): PathSums {
  const n = c.n;
  const sums: PathSums = {
    betweenness: new Float64Array(n),
    distanceSum: new Float64Array(n),
    reachedBy: new Float64Array(n),
  };
  if (options.weighted) weightedPaths(c, options.betweenness, sums);
  else hopPaths(c, options.betweenness, sums, options.bottomUpFactor ?? 1);
  return sums;
}

/**
 * Level-synchronous BFS from every source, direction-optimising (Beamer et al. 2012): a level is expanded
 * top-down (out-edges of the frontier) or bottom-up (in-edges of the not-yet-reached people, summing σ over
 * every parent in the frontier), whichever scans fewer edges. Each shortest-path edge is recorded once —
 * as a successor of its tail (top-down) or a predecessor of its head (bottom-up) — so the dependency
 * accumulation reads only those edges. `bottomUpFactor` (bottom-up when frontier out-edges exceed
 * factor × unreached in-edges): 1 by default, 0 forces bottom-up, Infinity forces top-down (tests use both).
 */
function hopPaths(c: Csr, wantBc: boolean, out: PathSums, bottomUpFactor: number): void {
  const { n, m, outOffsets, outTargets, inOffsets, inSources } = c;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const acc = new Float64Array(n);
  const order = new Int32Array(n); // BFS order
  const succFrom = new Int32Array(n); // by BFS position: successors recorded top-down
  const succTo = new Int32Array(n);
  const predFrom = new Int32Array(n); // by BFS position: predecessors recorded bottom-up
  const predTo = new Int32Array(n);
  const links = new Int32Array(m);
  const unreached = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let tail = 0;
    let fill = 0;
    order[tail] = s;
    predFrom[tail] = predTo[tail] = 0;
    tail++;
    dist[s] = 0;
    sigma[s] = 1;
    let unreachedEdges = m - (inOffsets[s + 1]! - inOffsets[s]!);
    let frontierEdges = outOffsets[s + 1]! - outOffsets[s]!;
    let unreachedCount = -1; // list not built yet
    let lo = 0;
    let hi = 1;
    for (let d = 0; lo < hi; d++) {
      const next = d + 1;
      let nextEdges = 0;
      if (frontierEdges > bottomUpFactor * unreachedEdges) {
        if (unreachedCount < 0) {
          unreachedCount = 0;
          for (let w = 0; w < n; w++) if (dist[w]! < 0) unreached[unreachedCount++] = w;
        }
        for (let i = lo; i < hi; i++) succFrom[i] = succTo[i] = 0;
        let kept = 0;
        for (let j = 0; j < unreachedCount; j++) {
          const w = unreached[j]!;
          if (dist[w]! >= 0) continue; // reached top-down meanwhile
          const start = fill;
          let sum = 0;
          for (let k = inOffsets[w]!, end = inOffsets[w + 1]!; k < end; k++) {
            const u = inSources[k]!;
            if (dist[u] === d) {
              sum += sigma[u]!;
              links[fill++] = u;
            }
          }
          if (fill > start) {
            dist[w] = next;
            sigma[w] = sum;
            predFrom[tail] = start;
            predTo[tail] = fill;
            order[tail++] = w;
            unreachedEdges -= inOffsets[w + 1]! - inOffsets[w]!;
            nextEdges += outOffsets[w + 1]! - outOffsets[w]!;
          } else {
            unreached[kept++] = w;
          }
        }
        unreachedCount = kept;
      } else {
        for (let i = lo; i < hi; i++) {
          const v = order[i]!;
          const sv = sigma[v]!;
          succFrom[i] = fill;
          for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
            const w = outTargets[k]!;
            const dw = dist[w]!;
            if (dw < 0) {
              dist[w] = next;
              sigma[w] = sv;
              predFrom[tail] = predTo[tail] = 0;
              order[tail++] = w;
              links[fill++] = w;
              unreachedEdges -= inOffsets[w + 1]! - inOffsets[w]!;
              nextEdges += outOffsets[w + 1]! - outOffsets[w]!;
            } else if (dw === next) {
              sigma[w]! += sv;
              links[fill++] = w;
            }
          }
          succTo[i] = fill;
        }
      }
      lo = hi;
      hi = tail;
      frontierEdges = nextEdges;
    }
    for (let i = 1; i < tail; i++) {
      const t = order[i]!;
      out.distanceSum[t]! += dist[t]!;
      out.reachedBy[t]!++;
    }
    if (wantBc) {
      // Brandes' accumulation, δ(v) = σ(v) · Σ_{w successor of v} (1 + δ(w)) / σ(w), in reverse BFS order:
      // pulled over recorded successors, pushed (acc) over recorded predecessors.
      for (let i = tail - 1; i >= 0; i--) {
        const v = order[i]!;
        let a = acc[v]!;
        for (let j = succFrom[i]!, end = succTo[i]!; j < end; j++) a += coef[links[j]!]!;
        const delta = sigma[v]! * a;
        const cv = (1 + delta) / sigma[v]!;
        coef[v] = cv;
        for (let j = predFrom[i]!, end = predTo[i]!; j < end; j++) acc[links[j]!]! += cv;
        if (v !== s) out.betweenness[v]! += delta;
      }
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      acc[v] = 0;
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
