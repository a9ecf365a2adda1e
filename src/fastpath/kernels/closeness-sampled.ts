import type { CsrArrays } from '../../graph/csr.js';
import { BATCH, LANES } from './closeness-bits.js';

/** Number of set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Forward bit-parallel BFS from sampled sources (the sources `sources[from..to)`, BATCH at a time, one
 * bit each; see kernels/closeness-bits.ts for the bitset scheme, push/pull switch included), adding for
 * every person v reached at distance d from a sampled source: count[v] += 1, sum[v] += d, squares[v] += d²
 * (`acc` holds count, sum and squares as three consecutive blocks of n). The sources must be distinct;
 * a source never counts for itself.
 * These are the per-person totals source-sampled closeness estimates from (src/fastpath/approx-closeness.ts).
 * All totals are exact integers. O(m · levels) word operations per batch.
 */
export function sampledDistanceTotals(c: CsrArrays, sources: Int32Array, from: number, to: number, acc: Float64Array): void {
  const { n, inOffsets, inSources, outOffsets, outTargets } = c;
  const L = LANES;
  const visited = new Int32Array(n * L);
  let frontier = new Int32Array(n * L);
  let next = new Int32Array(n * L);
  let active = new Int32Array(n);
  let nextActive = new Int32Array(n);
  const touched = new Int32Array(n);
  const isTouched = new Uint8Array(n);
  const sumAt = n;
  const sqAt = 2 * n;
  for (let b0 = from; b0 < to; b0 += BATCH) {
    const size = Math.min(BATCH, to - b0);
    visited.fill(0);
    frontier.fill(0);
    next.fill(0);
    let nActive = 0;
    for (let j = 0; j < size; j++) {
      const s = sources[b0 + j]!;
      const bit = 1 << (j & 31);
      const o = s * L + (j >>> 5);
      active[nActive++] = s; // sources are distinct people, one bit each
      visited[o]! |= bit;
      frontier[o]! |= bit;
    }
    let level = 0;
    while (nActive > 0) {
      level++;
      const l2 = level * level;
      let nNext = 0;
      if (nActive * 16 < n) {
        // Push: OR each active node's frontier into its out-neighbours, then keep the unseen bits.
        let nTouched = 0;
        for (let a = 0; a < nActive; a++) {
          const u = active[a]!;
          const f0 = frontier[u * L]!,
            f1 = frontier[u * L + 1]!,
            f2 = frontier[u * L + 2]!,
            f3 = frontier[u * L + 3]!;
          for (let k = outOffsets[u]!, end = outOffsets[u + 1]!; k < end; k++) {
            const v = outTargets[k]!;
            const o = v * L;
            next[o]! |= f0;
            next[o + 1]! |= f1;
            next[o + 2]! |= f2;
            next[o + 3]! |= f3;
            if (isTouched[v] === 0) {
              isTouched[v] = 1;
              touched[nTouched++] = v;
            }
          }
        }
        for (let a = 0; a < nTouched; a++) {
          const v = touched[a]!;
          isTouched[v] = 0;
          const o = v * L;
          const f0 = next[o]! & ~visited[o]!,
            f1 = next[o + 1]! & ~visited[o + 1]!,
            f2 = next[o + 2]! & ~visited[o + 2]!,
            f3 = next[o + 3]! & ~visited[o + 3]!;
          next[o] = f0;
          next[o + 1] = f1;
          next[o + 2] = f2;
          next[o + 3] = f3;
          if ((f0 | f1 | f2 | f3) === 0) continue;
          visited[o]! |= f0;
          visited[o + 1]! |= f1;
          visited[o + 2]! |= f2;
          visited[o + 3]! |= f3;
          nextActive[nNext++] = v;
          const p = popcount(f0) + popcount(f1) + popcount(f2) + popcount(f3);
          acc[v]! += p;
          acc[sumAt + v]! += p * level;
          acc[sqAt + v]! += p * l2;
        }
      } else {
        // Pull: each node not yet reached in every live lane ORs its in-neighbours' frontiers.
        let live0 = 0,
          live1 = 0,
          live2 = 0,
          live3 = 0;
        for (let a = 0; a < nActive; a++) {
          const o = active[a]! * L;
          live0 |= frontier[o]!;
          live1 |= frontier[o + 1]!;
          live2 |= frontier[o + 2]!;
          live3 |= frontier[o + 3]!;
        }
        for (let v = 0; v < n; v++) {
          const o = v * L;
          const need0 = live0 & ~visited[o]!,
            need1 = live1 & ~visited[o + 1]!,
            need2 = live2 & ~visited[o + 2]!,
            need3 = live3 & ~visited[o + 3]!;
          if ((need0 | need1 | need2 | need3) === 0) continue;
          let x0 = 0,
            x1 = 0,
            x2 = 0,
            x3 = 0;
          for (let k = inOffsets[v]!, end = inOffsets[v + 1]!; k < end; k++) {
            const w = inSources[k]! * L;
            x0 |= frontier[w]!;
            x1 |= frontier[w + 1]!;
            x2 |= frontier[w + 2]!;
            x3 |= frontier[w + 3]!;
          }
          const f0 = x0 & need0,
            f1 = x1 & need1,
            f2 = x2 & need2,
            f3 = x3 & need3;
          if ((f0 | f1 | f2 | f3) === 0) continue;
          visited[o]! |= f0;
          visited[o + 1]! |= f1;
          visited[o + 2]! |= f2;
          visited[o + 3]! |= f3;
          next[o] = f0;
          next[o + 1] = f1;
          next[o + 2] = f2;
          next[o + 3] = f3;
          nextActive[nNext++] = v;
          const p = popcount(f0) + popcount(f1) + popcount(f2) + popcount(f3);
          acc[v]! += p;
          acc[sumAt + v]! += p * level;
          acc[sqAt + v]! += p * l2;
        }
      }
      for (let a = 0; a < nActive; a++) {
        const u = active[a]! * L;
        frontier[u] = 0;
        frontier[u + 1] = 0;
        frontier[u + 2] = 0;
        frontier[u + 3] = 0;
      }
      [frontier, next] = [next, frontier];
      [active, nextActive] = [nextActive, active];
      nActive = nNext;
    }
  }
}
