import type { CsrArrays } from '../../graph/csr.js';
import { chunkSeed, mulberry32 } from './rng.js';

/** Reusable per-thread scratch for {@link samplePairs}; stamps avoid clearing arrays per sample. */
export class PairScratch {
  readonly distF: Int32Array;
  readonly distB: Int32Array;
  readonly sigmaF: Float64Array;
  readonly sigmaB: Float64Array;
  readonly stampF: Int32Array;
  readonly stampB: Int32Array;
  readonly queueF: Int32Array;
  readonly queueB: Int32Array;
  readonly meet: Int32Array;
  readonly tauF: Float64Array;
  readonly tauB: Float64Array;
  stamp = 0;
  constructor(n: number) {
    this.distF = new Int32Array(n);
    this.distB = new Int32Array(n);
    this.sigmaF = new Float64Array(n);
    this.sigmaB = new Float64Array(n);
    this.stampF = new Int32Array(n);
    this.stampB = new Int32Array(n);
    this.queueF = new Int32Array(n);
    this.queueB = new Int32Array(n);
    this.meet = new Int32Array(n);
    this.tauF = new Float64Array(n);
    this.tauB = new Float64Array(n);
  }
}

/**
 * KADABRA-style pair sampling (Borassi & Natale 2019, "KADABRA is an ADaptive Algorithm for
 * Betweenness via Random Approximation", ACM JEA 24): draws `samples` ordered pairs (s, t), s ≠ t,
 * uniformly; finds the s→t shortest paths (hop counts) with a balanced bidirectional BFS (always
 * expanding the side whose next level scans fewer ties)
 * and, instead of drawing one shortest path as KADABRA does, adds each inner node's exact pair
 * dependency x_v = σ_sv σ_vt / σ_st to `sums[v]` (and x_v² to `squares[v]`, for the error estimate) —
 * a Rao–Blackwellised estimator with lower variance at the price of one more pass over the explored
 * ties. E[sums[v]] / samples = Σ_{s≠v≠t} σ_st(v)/σ_st / (n(n − 1)).
 * The random stream of chunk `chunk` depends only on (seed, chunk), so results do not depend on
 * how chunks are spread over threads. Returns the number of pairs that were connected.
 */
export function samplePairs(
  c: CsrArrays,
  seed: number,
  chunk: number,
  samples: number,
  sums: Float64Array,
  squares: Float64Array,
  scratch: PairScratch,
): number {
  const { n } = c;
  if (n < 3) return 0;
  const rand = mulberry32(chunkSeed(seed, chunk));
  let connected = 0;
  for (let i = 0; i < samples; i++) {
    const s = Math.floor(rand() * n);
    let t = Math.floor(rand() * (n - 1));
    if (t >= s) t++;
    if (onePair(c, s, t, sums, squares, scratch)) connected++;
  }
  return connected;
}

function credit(v: number, x: number, sums: Float64Array, squares: Float64Array): void {
  sums[v]! += x;
  squares[v]! += x * x;
}

function onePair(c: CsrArrays, s: number, t: number, sums: Float64Array, squares: Float64Array, sc: PairScratch): boolean {
  const { outOffsets, outTargets, inOffsets, inSources } = c;
  const { distF, distB, sigmaF, sigmaB, stampF, stampB, queueF, queueB, meet } = sc;
  const stamp = ++sc.stamp;
  stampF[s] = stamp;
  distF[s] = 0;
  sigmaF[s] = 1;
  stampB[t] = stamp;
  distB[t] = 0;
  sigmaB[t] = 1;
  // Each side's current level is queue[lo..hi).
  let loF = 0,
    hiF = 1,
    loB = 0,
    hiB = 1;
  queueF[0] = s;
  queueB[0] = t;
  let levelF = 0,
    levelB = 0;
  let nMeet = 0;
  // Ties the next level of each side would scan; recomputed only for the side just expanded.
  let costF = outOffsets[s + 1]! - outOffsets[s]!;
  let costB = inOffsets[t + 1]! - inOffsets[t]!;
  while (nMeet === 0 && hiF > loF && hiB > loB) {
    if (costF <= costB) {
      const d = ++levelF;
      let tail = hiF;
      for (let q = loF; q < hiF; q++) {
        const u = queueF[q]!;
        const su = sigmaF[u]!;
        for (let k = outOffsets[u]!, end = outOffsets[u + 1]!; k < end; k++) {
          const w = outTargets[k]!;
          if (stampF[w] !== stamp) {
            stampF[w] = stamp;
            distF[w] = d;
            sigmaF[w] = su;
            queueF[tail++] = w;
            if (stampB[w] === stamp) meet[nMeet++] = w;
          } else if (distF[w] === d) sigmaF[w]! += su;
        }
      }
      loF = hiF;
      hiF = tail;
      costF = 0;
      for (let q = loF; q < hiF; q++) costF += outOffsets[queueF[q]! + 1]! - outOffsets[queueF[q]!]!;
    } else {
      const d = ++levelB;
      let tail = hiB;
      for (let q = loB; q < hiB; q++) {
        const u = queueB[q]!;
        const su = sigmaB[u]!;
        for (let k = inOffsets[u]!, end = inOffsets[u + 1]!; k < end; k++) {
          const w = inSources[k]!;
          if (stampB[w] !== stamp) {
            stampB[w] = stamp;
            distB[w] = d;
            sigmaB[w] = su;
            queueB[tail++] = w;
            if (stampF[w] === stamp) meet[nMeet++] = w;
          } else if (distB[w] === d) sigmaB[w]! += su;
        }
      }
      loB = hiB;
      hiB = tail;
      costB = 0;
      for (let q = loB; q < hiB; q++) costB += inOffsets[queueB[q]! + 1]! - inOffsets[queueB[q]!]!;
    }
  }
  if (nMeet === 0) return false;
  // σ_st = Σ over meeting nodes σ_sw σ_wt (all meeting nodes lie at F-level a and B-level b, a + b = d(s, t)).
  let total = 0;
  for (let i = 0; i < nMeet; i++) total += sigmaF[meet[i]!]! * sigmaB[meet[i]!]!;
  const inv = 1 / total;
  // Exact pair dependency σ_sv σ_vt / σ_st for every inner node v (Rao–Blackwellised: no path is drawn).
  // tauF[v] = σ_vt on the F side, tauB[v] = σ_sv on the B side, by dynamic programming from the meeting level.
  for (let i = 0; i < nMeet; i++) {
    const w = meet[i]!;
    if (w !== s && w !== t) credit(w, sigmaF[w]! * sigmaB[w]! * inv, sums, squares);
  }
  // F side: levels a−1 … 1.  tauF(v) = Σ_{v→x, x one level deeper} tauF(x); tauF(meeting w) = σ_wt.
  const tF = sc.tauF;
  for (let q = loF; q < hiF; q++) {
    const v = queueF[q]!;
    tF[v] = stampB[v] === stamp ? sigmaB[v]! : 0;
  }
  for (let q = loF - 1; q >= 1; q--) {
    const v = queueF[q]!;
    const want = distF[v]! + 1;
    let acc = 0;
    for (let k = outOffsets[v]!, end = outOffsets[v + 1]!; k < end; k++) {
      const x = outTargets[k]!;
      if (stampF[x] === stamp && distF[x] === want) acc += tF[x]!;
    }
    tF[v] = acc;
    if (acc > 0) credit(v, sigmaF[v]! * acc * inv, sums, squares);
  }
  // B side: levels b−1 … 1.  tauB(v) = Σ_{u→v, u one level deeper from t} tauB(u); tauB(meeting w) = σ_sw.
  const tB = sc.tauB;
  for (let q = loB; q < hiB; q++) {
    const v = queueB[q]!;
    tB[v] = stampF[v] === stamp ? sigmaF[v]! : 0;
  }
  for (let q = loB - 1; q >= 1; q--) {
    const v = queueB[q]!;
    const want = distB[v]! + 1;
    let acc = 0;
    for (let k = inOffsets[v]!, end = inOffsets[v + 1]!; k < end; k++) {
      const u = inSources[k]!;
      if (stampB[u] === stamp && distB[u] === want) acc += tB[u]!;
    }
    tB[v] = acc;
    if (acc > 0) credit(v, sigmaB[v]! * acc * inv, sums, squares);
  }
  return true;
}
