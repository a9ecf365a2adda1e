import type { CsrArrays } from '../csr-graph.js';

/**
 * Brandes' betweenness accumulation, hop counts, for the sources `from, from+step, …` below `to`:
 * adds each source's dependencies δ_s(v) into `out` (raw, ordered pairs, endpoints excluded).
 * Same arithmetic as src/metrics/node/shortest-paths.ts (successors recognised by d(v)+1 = d(w)),
 * so a split over workers sums to the same values up to float addition order (~1e-16 relative).
 * O(m) per source, O(n) scratch.
 */
export function brandesAccumulate(c: CsrArrays, from: number, to: number, step: number, out: Float64Array): void {
  const { n, outOffsets, outTargets } = c;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let s = from; s < to; s += step) {
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
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i]!;
      const dv = dist[v]! + 1;
      let acc = 0;
      for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
        const w = outTargets[k]!;
        if (dist[w] === dv) acc += (1 + delta[w]!) / sigma[w]!;
      }
      delta[v] = sigma[v]! * acc;
      if (v !== s) out[v]! += delta[v]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
}
