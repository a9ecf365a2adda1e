import type { CsrArrays } from '../../graph/csr.js';

/** Sources handled per bit-parallel pass: 32 per 32-bit word × LANES words per node. */
export const LANES = 4;
// (16 lanes — one cache line per node — measured slower: the OR work grows faster than misses shrink.)
export const BATCH = 32 * LANES;

/**
 * Multi-source BFS with bitsets (bit-parallel BFS): BATCH sources advance together, one bit each,
 * so each tie is scanned once per level per batch instead of once per source. Follows ties
 * backwards (in-lists) from each target t, giving the *incoming* hop distances d(u, t) closeness
 * needs. Per level, the newly reached bits are added into bit-sliced counters (one binary counter
 * per source spread over words), so counting costs O(1) word operations per reached node.
 * Writes, for targets t in [from, to): distanceSum[t] = Σ_{u reaches t} d(u, t) and
 * reachedBy[t] = |{u ≠ t : u reaches t}| — exact integers, identical to one BFS per node.
 * O(m · levels · ceil(n / BATCH)) word operations overall.
 * Ref: bit-parallel BFS as in Akiba, Iwata & Yoshida (2013), "Fast exact shortest-path distance
 * queries on large networks by pruned landmark labeling", SIGMOD §4.
 */
export function incomingDistanceSums(c: CsrArrays, from: number, to: number, distanceSum: Float64Array, reachedBy: Float64Array): void {
  const { n, inOffsets, inSources, outOffsets, outTargets } = c;
  const L = LANES;
  const visited = new Int32Array(n * L);
  // The current level's frontier and the next one, swapped after each level; `next` is all 0 between levels.
  let frontier = new Int32Array(n * L);
  let next = new Int32Array(n * L);
  let active = new Int32Array(n);
  let nextActive = new Int32Array(n);
  const touched = new Int32Array(n);
  const isTouched = new Uint8Array(n);
  const K = Math.max(4, 32 - Math.clz32(n + 1)); // counter bits: counts up to n (at least the 4 unrolled)
  const counter = new Int32Array(L * K);
  const levelCount = new Float64Array(BATCH);
  for (let b0 = from; b0 < to; b0 += BATCH) {
    const size = Math.min(BATCH, to - b0);
    visited.fill(0);
    frontier.fill(0);
    next.fill(0);
    let nActive = 0;
    for (let j = 0; j < size; j++) {
      const t = b0 + j;
      const bit = 1 << (j & 31);
      const lane = j >>> 5;
      active[nActive++] = t; // seeds are distinct nodes, one bit each
      visited[t * L + lane]! |= bit;
      frontier[t * L + lane]! |= bit;
      distanceSum[t] = 0;
      reachedBy[t] = 0;
    }
    let level = 0;
    while (nActive > 0) {
      level++;
      let nNext = 0;
      counter.fill(0);
      // Bit-sliced counters: counter[l·K + b] holds bit b of the 32 counts of lane l (people newly
      // reached at this level by each source). The four low slices of each lane live in locals during
      // the scan (registers, not re-read after every store to the bitsets); the higher slices are in
      // `counter`, reached only by a carry out of slice 3. Each fresh word is added branch-free.
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      if (nActive * 16 < n) {
        // Push (sparse frontier): OR each active node's frontier into its in-neighbours…
        let nTouched = 0;
        for (let a = 0; a < nActive; a++) {
          const u = active[a]!;
          const f0 = frontier[u * L]!,
            f1 = frontier[u * L + 1]!,
            f2 = frontier[u * L + 2]!,
            f3 = frontier[u * L + 3]!;
          for (let k = inOffsets[u]!, end = inOffsets[u + 1]!; k < end; k++) {
            const v = inSources[k]!;
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
        // …then keep only the bits not seen before: the next frontier.
        for (let a = 0; a < nTouched; a++) {
          const v = touched[a]!;
          isTouched[v] = 0;
          const o = v * L;
          const f0 = next[o]! & ~visited[o]!,
            f1 = next[o + 1]! & ~visited[o + 1]!;
          const f2 = next[o + 2]! & ~visited[o + 2]!,
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
          let x = f0;
          let t = c00 & x;
          c00 ^= x;
          x = t;
          t = c01 & x;
          c01 ^= x;
          x = t;
          t = c02 & x;
          c02 ^= x;
          x = t;
          t = c03 & x;
          c03 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 4, x);
          x = f1;
          t = c10 & x;
          c10 ^= x;
          x = t;
          t = c11 & x;
          c11 ^= x;
          x = t;
          t = c12 & x;
          c12 ^= x;
          x = t;
          t = c13 & x;
          c13 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, K + 4, x);
          x = f2;
          t = c20 & x;
          c20 ^= x;
          x = t;
          t = c21 & x;
          c21 ^= x;
          x = t;
          t = c22 & x;
          c22 ^= x;
          x = t;
          t = c23 & x;
          c23 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 2 * K + 4, x);
          x = f3;
          t = c30 & x;
          c30 ^= x;
          x = t;
          t = c31 & x;
          c31 ^= x;
          x = t;
          t = c32 & x;
          c32 ^= x;
          x = t;
          t = c33 & x;
          c33 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 3 * K + 4, x);
        }
      } else {
        // Pull (dense frontier): each node ORs its out-neighbours' frontiers, skipping nodes already
        // reached in every lane still advancing (direction-optimising BFS, Beamer, Asanović & Patterson 2012);
        // the new bits go straight to the next frontier and the counters (one pass, no touched list).
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
          for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
            const w = outTargets[k]! * L;
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
          // visited[o] is read only for v itself in this loop, so it may be updated in place
          visited[o]! |= f0;
          visited[o + 1]! |= f1;
          visited[o + 2]! |= f2;
          visited[o + 3]! |= f3;
          next[o] = f0;
          next[o + 1] = f1;
          next[o + 2] = f2;
          next[o + 3] = f3;
          nextActive[nNext++] = v;
          let x = f0;
          let t = c00 & x;
          c00 ^= x;
          x = t;
          t = c01 & x;
          c01 ^= x;
          x = t;
          t = c02 & x;
          c02 ^= x;
          x = t;
          t = c03 & x;
          c03 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 4, x);
          x = f1;
          t = c10 & x;
          c10 ^= x;
          x = t;
          t = c11 & x;
          c11 ^= x;
          x = t;
          t = c12 & x;
          c12 ^= x;
          x = t;
          t = c13 & x;
          c13 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, K + 4, x);
          x = f2;
          t = c20 & x;
          c20 ^= x;
          x = t;
          t = c21 & x;
          c21 ^= x;
          x = t;
          t = c22 & x;
          c22 ^= x;
          x = t;
          t = c23 & x;
          c23 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 2 * K + 4, x);
          x = f3;
          t = c30 & x;
          c30 ^= x;
          x = t;
          t = c31 & x;
          c31 ^= x;
          x = t;
          t = c32 & x;
          c32 ^= x;
          x = t;
          t = c33 & x;
          c33 ^= x;
          x = t;
          if (x !== 0) carryInto(counter, 3 * K + 4, x);
        }
      }
      counter[0] = c00;
      counter[1] = c01;
      counter[2] = c02;
      counter[3] = c03;
      counter[K] = c10;
      counter[K + 1] = c11;
      counter[K + 2] = c12;
      counter[K + 3] = c13;
      counter[2 * K] = c20;
      counter[2 * K + 1] = c21;
      counter[2 * K + 2] = c22;
      counter[2 * K + 3] = c23;
      counter[3 * K] = c30;
      counter[3 * K + 1] = c31;
      counter[3 * K + 2] = c32;
      counter[3 * K + 3] = c33;
      // Clear this level's frontier, then swap: `next` becomes the frontier, the cleared array `next`.
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
      if (nActive === 0) break;
      levelCount.fill(0);
      for (let l = 0; l < L; l++) {
        for (let b = 0; b < K; b++) {
          let word = counter[l * K + b]!;
          const weight = 2 ** b;
          while (word !== 0) {
            const low = word & -word;
            levelCount[l * 32 + 31 - Math.clz32(low)]! += weight;
            word ^= low;
          }
        }
      }
      for (let j = 0; j < size; j++) {
        const cnt = levelCount[j]!;
        if (cnt === 0) continue;
        distanceSum[b0 + j]! += cnt * level;
        reachedBy[b0 + j]! += cnt;
      }
    }
  }
}

/** Adds the bit mask `carry` into the bit-sliced counters starting at slice `from` (ripple carry). */
function carryInto(counter: Int32Array, from: number, carry: number): void {
  for (let b = from; carry !== 0; b++) {
    const t = counter[b]! & carry;
    counter[b]! ^= carry;
    carry = t;
  }
}
