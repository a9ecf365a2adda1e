import type { CsrArrays } from '../graph/csr.js';

/**
 * Strongly connected components of the people not removed (iterative Tarjan). Components are numbered
 * in completion order, which is a reverse topological order of the condensation (sinks first).
 * O(n + m). Ref: Tarjan (1972), SIAM J. Computing 1(2).
 */
export function strongComponents(c: CsrArrays, removed?: Uint8Array): { comp: Int32Array; count: number } {
  const { n, outOffsets, outTargets } = c;
  const comp = new Int32Array(n).fill(-1);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const stack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const callV = new Int32Array(n);
  const callK = new Int32Array(n);
  let sp = 0,
    next = 0,
    count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || removed?.[root]) continue;
    let depth = 0;
    callV[0] = root;
    callK[0] = outOffsets[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth]!;
      const k = callK[depth]!;
      if (k < outOffsets[v + 1]!) {
        callK[depth] = k + 1;
        const w = outTargets[k]!;
        if (removed?.[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callK[depth] = outOffsets[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { comp, count };
}

/** Largest condensation (number of components) handled with reach bitsets: count² / 8 bytes ≤ 128 MB. */
export const MAX_COMPONENTS_FOR_BITSETS = 32_768;

/**
 * Reachability: the share of ordered pairs (u, v), u ≠ v, of the people not removed such that u reaches
 * v — as src/metrics/risk/reach.ts `reachability`, but with bitsets over *components* of the
 * condensation (C²/32 words) instead of people (C·n/32), so it scales to districts whose condensation is
 * a giant component plus a few thousand others. null when fewer than 2 people remain or the
 * condensation has more than MAX_COMPONENTS_FOR_BITSETS components.
 * O(n + m + m_c · C/32) for m_c ties between components.
 */
export function reachabilityShare(c: CsrArrays, removed?: Uint8Array): number | null {
  const n = c.n;
  let alive = 0;
  for (let i = 0; i < n; i++) if (!removed?.[i]) alive++;
  if (alive < 2) return null;
  const { comp, count } = strongComponents(c, removed);
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

export interface KeyPersonImpact {
  /** Index of the person removed. */
  person: number;
  before: number | null;
  after: number | null;
  /** before − after: the share of ordered pairs that lose every directed path (relative to the new n). */
  drop: number | null;
}

/**
 * Key-person removal at scale: for each candidate, reachability of the network without them
 * (one at a time), against the intact network — the reachabilityDrop of src/metrics/risk/key-person.ts.
 * Typical candidates: the top brokers by betweenness. O(k · (n + m + m_c · C/32)).
 */
export function keyPersonRemoval(c: CsrArrays, candidates: readonly number[]): KeyPersonImpact[] {
  const before = reachabilityShare(c);
  const removed = new Uint8Array(c.n);
  return candidates.map((person) => {
    removed[person] = 1;
    const after = reachabilityShare(c, removed);
    removed[person] = 0;
    return { person, before, after, drop: before === null || after === null ? null : before - after };
  });
}
