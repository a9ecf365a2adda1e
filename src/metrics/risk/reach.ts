import type { Csr } from '../../graph/csr.js';
import type { UndirectedIndex } from '../../graph/undirected.js';

/**
 * Share of ordered pairs (i, j), i ≠ j, with a directed path from i to j, among the people not removed:
 *   R = #{(i, j) : i ≠ j, i ⇝ j} / (n' (n' − 1)),  n' = people remaining.
 * (In an advice network: how much of the school can reach, through chains of advice-seeking, whom.)
 * Computed by Tarjan's strongly connected components (iterative) and bitset reachability sets over the
 * condensation, whose components Tarjan completes sinks first. Degenerate: n' < 2 → null.
 * O(n + m · n/32) time, O(C · n/32) words of memory.
 * Ref: Tarjan (1972), SIAM J. Computing 1(2); reachability as in Wasserman & Faust (1994) §4.3.
 */
export function reachability(ig: Csr, removed?: Uint8Array): number | null {
  const n = ig.n;
  let alive = 0;
  for (let i = 0; i < n; i++) if (!removed || !removed[i]) alive++;
  if (alive < 2) return null;
  const { comp, count } = stronglyConnected(ig, removed);
  const words = (n + 31) >>> 5;
  const reach = new Uint32Array(count * words);
  const size = new Int32Array(count);
  // members grouped by component (counting sort), components in completion order (sinks first)
  const first = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (comp[i]! >= 0) first[comp[i]! + 1]!++;
  for (let c = 0; c < count; c++) first[c + 1]! += first[c]!;
  const order = new Int32Array(alive);
  const fill = first.slice(0, count);
  for (let i = 0; i < n; i++) if (comp[i]! >= 0) order[fill[comp[i]!]!++] = i;
  for (let o = 0; o < alive; o++) {
    const v = order[o]!;
    const c = comp[v]!;
    size[c]!++;
    reach[c * words + (v >>> 5)]! |= 1 << (v & 31);
    for (let k = ig.outOffsets[v]!; k < ig.outOffsets[v + 1]!; k++) {
      const w = ig.outTargets[k]!;
      const d = comp[w]!;
      if (d < 0 || d === c) continue;
      const a = c * words;
      const b = d * words;
      for (let x = 0; x < words; x++) reach[a + x]! |= reach[b + x]!;
    }
  }
  let pairs = 0;
  for (let c = 0; c < count; c++) {
    let bits = 0;
    for (let x = 0; x < words; x++) bits += popcount(reach[c * words + x]!);
    pairs += size[c]! * bits;
  }
  return (pairs - alive) / (alive * (alive - 1));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Tarjan SCCs of the directed graph without `removed`; comp = −1 for removed people; sinks numbered first. */
export function stronglyConnected(ig: Csr, removed?: Uint8Array): { comp: Int32Array; count: number } {
  const n = ig.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const ptr = new Int32Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  let sp = 0;
  let cp = 0;
  let idx = 0;
  let count = 0;
  for (let s = 0; s < n; s++) {
    if ((removed && removed[s]) || index[s] !== -1) continue;
    calls[cp++] = s;
    index[s] = low[s] = idx++;
    ptr[s] = ig.outOffsets[s]!;
    stack[sp++] = s;
    onStack[s] = 1;
    while (cp > 0) {
      const v = calls[cp - 1]!;
      let descended = false;
      while (ptr[v]! < ig.outOffsets[v + 1]!) {
        const w = ig.outTargets[ptr[v]!++]!;
        if (removed && removed[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = idx++;
          ptr[w] = ig.outOffsets[w]!;
          stack[sp++] = w;
          onStack[w] = 1;
          calls[cp++] = w;
          descended = true;
          break;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
      cp--;
      if (cp > 0) {
        const p = calls[cp - 1]!;
        low[p] = Math.min(low[p]!, low[v]!);
      }
    }
  }
  return { comp, count };
}

/**
 * Borgatti's fragmentation on the undirected version: F = 1 − Σ_{i≠j} r_ij / (n' (n' − 1)), r_ij = 1
 * when i and j are in the same connected component; equivalently 1 − Σ_k s_k (s_k − 1) / (n'(n' − 1))
 * over component sizes s_k. 0 = everyone connected, 1 = everyone isolated. (The distance-weighted
 * variant is not used: key-person risk asks who is cut off, not how far.)
 * Degenerate: n' < 2 → null. O(n + m).
 * Ref: Borgatti (2006), Computational & Mathematical Organization Theory 12, 21–34.
 */
export function fragmentation(n: number, u: UndirectedIndex, removed?: Uint8Array): number | null {
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let alive = 0;
  let sum = 0;
  for (let s = 0; s < n; s++) {
    if ((removed && removed[s]) || seen[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = u.start[v]!; k < u.start[v + 1]!; k++) {
        const w = u.adj[k]!;
        if (seen[w] || (removed && removed[w])) continue;
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
    alive += tail;
    sum += tail * (tail - 1);
  }
  if (alive < 2) return null;
  return 1 - sum / (alive * (alive - 1));
}
