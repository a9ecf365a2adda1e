import type { CsrArrays } from '../../graph/csr.js';
import type { UndirectedIndex } from '../../graph/undirected.js';
import { tarjan } from '../network/components.js';

/** Largest condensation (number of strong components) handled with reach bitsets: C² / 8 bytes ≤ 128 MB. */
export const MAX_COMPONENTS_FOR_BITSETS = 32_768;

/**
 * Share of ordered pairs (i, j), i ≠ j, with a directed path from i to j, among the people not removed:
 *   R = #{(i, j) : i ≠ j, i ⇝ j} / (n' (n' − 1)),  n' = people remaining.
 * (In an advice network: how much of the school can reach, through chains of advice-seeking, whom.)
 * Computed over the condensation: Tarjan's strong components (src/metrics/network/components.ts, which
 * completes sinks first) and one reach bitset per component over components (C²/32 words), so it also
 * scales to districts whose condensation is a giant component plus a few thousand others. The fast
 * path's key-person removal uses this same function.
 * Degenerate: n' < 2 → null (no pair); no ties → 0. Memory guard: a condensation of more than
 * MAX_COMPONENTS_FOR_BITSETS components → null (never at school scale).
 * O(n + m + m_c · C/32) for m_c ties between components.
 * Ref: Tarjan (1972), SIAM J. Computing 1(2); reachability as in Wasserman & Faust (1994) §4.3.
 */
export function reachability(c: CsrArrays, removed?: Uint8Array): number | null {
  const n = c.n;
  let alive = 0;
  for (let i = 0; i < n; i++) if (!removed?.[i]) alive++;
  if (alive < 2) return null;
  const { comp, count } = tarjan(c, removed);
  if (count > MAX_COMPONENTS_FOR_BITSETS) return null;
  const size = new Float64Array(count);
  for (let i = 0; i < n; i++) if (comp[i]! >= 0) size[comp[i]!]!++;
  const words = (count + 31) >>> 5;
  const reach = new Int32Array(count * words);
  // Members grouped by component; components complete sinks first, so successors are done before.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (comp[i]! >= 0) start[comp[i]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const members = new Int32Array(alive);
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) if (comp[i]! >= 0) members[fill[comp[i]!]!++] = i;
  let pairs = 0;
  for (let k = 0; k < count; k++) {
    const a = k * words;
    reach[a + (k >>> 5)]! |= 1 << (k & 31);
    for (let p = start[k]!; p < start[k + 1]!; p++) {
      const v = members[p]!;
      for (let e = c.outOffsets[v]!; e < c.outOffsets[v + 1]!; e++) {
        const d = comp[c.outTargets[e]!]!;
        if (d < 0 || d === k) continue;
        if ((reach[a + (d >>> 5)]! & (1 << (d & 31))) !== 0) continue; // already merged
        const b = d * words;
        for (let x = 0; x < words; x++) reach[a + x]! |= reach[b + x]!;
      }
    }
    let reached = 0;
    for (let x = 0; x < words; x++) {
      let bits = reach[a + x]!;
      while (bits !== 0) {
        const low = bits & -bits;
        reached += size[x * 32 + 31 - Math.clz32(low)]!;
        bits ^= low;
      }
    }
    pairs += size[k]! * reached;
  }
  return (pairs - alive) / (alive * (alive - 1));
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
