import type { CsrArrays } from '../../graph/csr.js';

/**
 * Brandes' betweenness accumulation, hop counts, for the sources `from, from+step, …` below `to`:
 * adds each source's dependencies δ_s(v) into `out` (raw, ordered pairs, endpoints excluded).
 * The forward BFS records the shortest-path DAG's edges (v → w with d(w) = d(v) + 1) grouped by v in
 * BFS order, so the backward pass walks only those edges instead of re-testing every out-edge.
 * Per node the arithmetic is src/metrics/node/shortest-paths.ts's — δ(v) = σ(v) · Σ_w (1 + δ(w)) / σ(w)
 * over v's DAG successors in out-list order — so results agree to the last bits except float
 * addition order across sources and threads (~1e-16 relative). O(m) per source, O(n + m) scratch.
 */
export function brandesAccumulate(c: CsrArrays, from: number, to: number, step: number, out: Float64Array): void {
  const { n, m, outOffsets, outTargets } = c;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // DAG successors: dagTo[dagStart[i] .. dagStart[i+1]) for the i-th node in BFS order.
  const dagTo = new Int32Array(Math.max(1, m));
  const dagStart = new Int32Array(n + 1);
  for (let s = from; s < to; s += step) {
    let head = 0;
    let tail = 0;
    let e = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      dagStart[head] = e;
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
          dagTo[e++] = w;
        } else if (dw === dv) {
          sigma[w]! += sv;
          dagTo[e++] = w;
        }
      }
    }
    dagStart[tail] = e;
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i]!;
      let acc = 0;
      for (let k = dagStart[i]!, end = dagStart[i + 1]!; k < end; k++) {
        const w = dagTo[k]!;
        acc += (1 + delta[w]!) / sigma[w]!;
      }
      const dv = sigma[v]! * acc;
      delta[v] = dv;
      if (i > 0) out[v]! += dv;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
}
