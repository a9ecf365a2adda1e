import type { CsrArrays } from '../../graph/csr.js';
import { modularity } from '../../metrics/group/communities.js';
import { mulberry32 } from './rng.js';

/** An undirected weighted graph in CSR form with self-loop weights kept apart (Louvain levels). */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of the self-loop of each node (ties inside a community, after aggregation). */
  loops: Float64Array;
}

export interface LouvainResult {
  /** Community of each node, numbered 0.. in order of first member. */
  labels: Int32Array;
  count: number;
  /** Modularity of `labels` by the one definition (src/metrics/group/communities.ts); null with no ties. */
  modularity: number | null;
  levels: number;
}

/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, J. Stat. Mech. P10008)
 * on typed arrays, for large networks. Ties are made undirected with weight w(u→v) + w(v→u)
 * (strengths), as graphology-communities-louvain and igraph's multilevel do for undirected graphs.
 * The partition is scored by the one modularity definition (src/metrics/group/communities.ts `modularity`).
 * Node order of each local-moving pass is shuffled with `seed`; moves require a strictly positive gain.
 * The standard path's louvainCommunities runs graphology-communities-louvain; this kernel exists for
 * districts of millions of ties, where graphology's object graph is the cost.
 * Degenerate (as louvainCommunities): no ties → every person alone, modularity null.
 */
export function louvain(c: CsrArrays, seed = 1, resolution = 1): LouvainResult {
  const rand = mulberry32(seed);
  let level = undirected(c);
  const n0 = c.n;
  const membership = new Int32Array(n0);
  for (let i = 0; i < n0; i++) membership[i] = i;
  let levels = 0;
  for (;;) {
    const { comm, count, moved } = localMoving(level, rand, resolution);
    levels++;
    for (let i = 0; i < n0; i++) membership[i] = comm[membership[i]!]!;
    if (!moved || count === level.n) break;
    level = aggregate(level, comm, count);
  }
  // Renumber in order of first member.
  const relabel = new Int32Array(n0).fill(-1);
  let count = 0;
  const labels = new Int32Array(n0);
  for (let i = 0; i < n0; i++) {
    const m = membership[i]!;
    if (relabel[m] === -1) relabel[m] = count++;
    labels[i] = relabel[m]!;
  }
  return { labels, count, modularity: modularity(c, labels, resolution), levels };
}

function undirected(c: CsrArrays): Level {
  const n = c.n;
  const deg = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    for (let k = c.outOffsets[u]!; k < c.outOffsets[u + 1]!; k++) {
      deg[u + 1]!++;
      deg[c.outTargets[k]! + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const fill = deg.slice(0, n);
  const t = new Int32Array(deg[n]!);
  const w = new Float64Array(deg[n]!);
  for (let u = 0; u < n; u++) {
    for (let k = c.outOffsets[u]!; k < c.outOffsets[u + 1]!; k++) {
      const v = c.outTargets[k]!;
      const x = c.outWeights[k]!;
      let p = fill[u]!++;
      t[p] = v;
      w[p] = x;
      p = fill[v]!++;
      t[p] = u;
      w[p] = x;
    }
  }
  return { n, offsets: deg, targets: t, weights: w, loops: new Float64Array(n) };
}

function localMoving(g: Level, rand: () => number, gamma: number): { comm: Int32Array; count: number; moved: boolean } {
  const { n, offsets, targets, weights, loops } = g;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * loops[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weights[e]!;
    k[i] = s;
    m2 += s;
  }
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    comm[i] = i;
    tot[i] = k[i]!;
  }
  if (m2 === 0) return { comm, count: n, moved: false };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  const neighW = new Float64Array(n).fill(-1);
  const neighC = new Int32Array(n);
  let movedAny = false;
  for (let pass = 0; pass < 100; pass++) {
    let moves = 0;
    for (let q = 0; q < n; q++) {
      const i = order[q]!;
      const ci = comm[i]!;
      let nn = 0;
      neighW[ci] = 0;
      neighC[nn++] = ci;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const j = targets[e]!;
        if (j === i) continue;
        const cj = comm[j]!;
        if (neighW[cj] === -1) {
          neighW[cj] = 0;
          neighC[nn++] = cj;
        }
        neighW[cj]! += weights[e]!;
      }
      const ki = k[i]!;
      tot[ci]! -= ki;
      let best = ci;
      let bestGain = neighW[ci] - (gamma * tot[ci]! * ki) / m2;
      for (let a = 1; a < nn; a++) {
        const cc = neighC[a]!;
        const gain = neighW[cc]! - (gamma * tot[cc]! * ki) / m2;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = cc;
        }
      }
      tot[best]! += ki;
      if (best !== ci) {
        comm[i] = best;
        moves++;
      }
      for (let a = 0; a < nn; a++) neighW[neighC[a]!] = -1;
    }
    if (moves === 0) break;
    movedAny = true;
  }
  // Renumber communities densely.
  const map = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = comm[i]!;
    if (map[c] === -1) map[c] = count++;
    comm[i] = map[c]!;
  }
  return { comm, count, moved: movedAny };
}

function aggregate(g: Level, comm: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, loops } = g;
  const newLoops = new Float64Array(count);
  // Members by community (counting sort).
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;
  const pos = new Int32Array(count).fill(-1);
  const offs = new Int32Array(count + 1);
  let t = new Int32Array(Math.max(16, offsets[n]! >> 1));
  let w = new Float64Array(t.length);
  let len = 0;
  for (let c = 0; c < count; c++) {
    const rowStart = len;
    for (let p = start[c]!; p < start[c + 1]!; p++) {
      const i = members[p]!;
      newLoops[c]! += loops[i]!;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const d = comm[targets[e]!]!;
        // Each internal tie is seen from both ends: half each time gives its weight once.
        if (d === c) {
          newLoops[c]! += weights[e]! / 2;
          continue;
        }
        const at = pos[d]!;
        if (at >= rowStart) {
          w[at]! += weights[e]!;
          continue;
        }
        if (len === t.length) {
          const t2 = new Int32Array(len * 2);
          t2.set(t);
          t = t2;
          const w2 = new Float64Array(len * 2);
          w2.set(w);
          w = w2;
        }
        pos[d] = len;
        t[len] = d;
        w[len] = weights[e]!;
        len++;
      }
    }
    offs[c + 1] = len;
  }
  return { n: count, offsets: offs, targets: t.slice(0, len), weights: w.slice(0, len), loops: newLoops };
}
