import type { Csr } from '../../graph/csr.js';
import { undirectedIndex } from '../../graph/undirected.js';

/**
 * Burt's constraint of each person, as networkx.constraint(G, weight="weight") on the directed graph:
 *   m_ij = w_ij + w_ji (mutual strength), p_ij = m_ij / Σ_k m_ik,
 *   c_i  = Σ_{j ∈ N(i)} ( p_ij + Σ_{q ∈ N(i)} p_iq p_qj )²
 * N(i) = people i names or is named by. High constraint (→ 1 and above for tight small circles) = a
 * person whose contacts all know each other; low = a person spanning structural holes (a broker).
 * Strength is used as strength (a frequent tie is a bigger investment), never as a distance.
 * Degenerate: a person with no ties → null (networkx gives NaN). O(Σ_i d_i²) with sorted neighbour lists.
 * Ref: Burt (1992) Structural Holes; Burt (2004), Am. J. Sociology 110(2), 349–399.
 * Example: a node with one neighbour has constraint 1.
 */
export function burtConstraint(ig: Csr): (number | null)[] {
  const u = undirectedIndex(ig);
  const n = ig.n;
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = u.start[i]!; k < u.start[i + 1]!; k++) total[i]! += u.w[k]!;
  const pos = new Int32Array(n).fill(-1);
  const res = new Array<number | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (total[i] === 0) continue;
    // p_i· as a dense scratch row over i's neighbours
    for (let k = u.start[i]!; k < u.start[i + 1]!; k++) pos[u.adj[k]!] = k;
    const indirect = new Float64Array(u.start[i + 1]! - u.start[i]!);
    for (let k = u.start[i]!; k < u.start[i + 1]!; k++) {
      const q = u.adj[k]!;
      const piq = u.w[k]! / total[i]!;
      for (let r = u.start[q]!; r < u.start[q + 1]!; r++) {
        const j = u.adj[r]!;
        const kj = pos[j]!;
        if (j === i || kj < 0) continue;
        indirect[kj - u.start[i]!]! += piq * (u.w[r]! / total[q]!);
      }
    }
    let c = 0;
    for (let k = u.start[i]!; k < u.start[i + 1]!; k++) {
      const pij = u.w[k]! / total[i]!;
      c += (pij + indirect[k - u.start[i]!]!) ** 2;
    }
    res[i] = c;
    for (let k = u.start[i]!; k < u.start[i + 1]!; k++) pos[u.adj[k]!] = -1;
  }
  return res;
}
