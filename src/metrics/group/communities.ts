import louvain from 'graphology-communities-louvain';
import type { Csr, CsrArrays } from '../../graph/csr.js';
import { undirectedIndex } from '../../graph/undirected.js';
import { louvainGraphView } from './louvain-graph-view.js';
import { compareIds } from '../../graph/compare-ids.js';
import { mulberry32, DEFAULT_SEED } from '../random.js';

export const COMMUNITY_DEFAULTS = {
  seed: DEFAULT_SEED,
  resolution: 1,
};
export type CommunityOptions = typeof COMMUNITY_DEFAULTS;

export interface CommunityResult {
  /** Community index per person id (0-based, numbered by first member in id order). */
  communityOf: Record<string, number>;
  /** Members of each community, sorted by id. */
  communities: string[][];
  /** Modularity of the partition on the undirected weighted graph (null when it has no ties). */
  modularity: number | null;
  reason: string | null;
}

/**
 * Louvain communities of the undirected weighted version of the graph: i–j joined when i→j or j→i,
 * weight w_ij + w_ji (strength, never a distance). graphology-communities-louvain with a seeded
 * mulberry32 rng, so one seed always gives the same partition; the library reads the network from typed
 * arrays (louvainGraphView), not from a graphology Graph built for it. Communities are renumbered by their
 * first member in id order so the output does not depend on the library's internal numbering.
 * Options: seed, resolution (1 = standard modularity).
 * Degenerate: no ties → every person alone, modularity null ("no ties"). O(m log n) typical.
 * Ref: Blondel et al. (2008), J. Stat. Mech. P10008.
 */
export function louvainCommunities(ig: Csr, options: Partial<CommunityOptions> = {}): CommunityResult {
  const o = { ...COMMUNITY_DEFAULTS, ...options };
  const g = louvainGraphView(ig, undirectedIndex(ig));
  let raw: Record<string, number>;
  if (g.size === 0) raw = Object.fromEntries(ig.ids.map((id, i) => [id, i]));
  else raw = louvain(g, { getEdgeWeight: 'weight', rng: mulberry32(o.seed), resolution: o.resolution });
  const labels = new Int32Array(ig.n);
  ig.ids.forEach((id, i) => {
    labels[i] = raw[id]!;
  });
  return partitionResult(ig, labels);
}

/** Builds a CommunityResult (stable renumbering + modularity) from any labelling. */
export function partitionResult(ig: Csr, labels: Int32Array): CommunityResult {
  const order = Array.from({ length: ig.n }, (_, i) => i).sort((a, b) => compareIds(ig.ids[a]!, ig.ids[b]!));
  const renumber = new Map<number, number>();
  const communities: string[][] = [];
  const communityOf: Record<string, number> = {};
  const relabeled = new Int32Array(ig.n);
  for (const i of order) {
    let c = renumber.get(labels[i]!);
    if (c === undefined) {
      c = communities.length;
      renumber.set(labels[i]!, c);
      communities.push([]);
    }
    communities[c]!.push(ig.ids[i]!);
    communityOf[ig.ids[i]!] = c;
    relabeled[i] = c;
  }
  const q = modularity(ig, relabeled);
  return { communityOf, communities, modularity: q, reason: q === null ? 'no ties' : null };
}

/**
 * Newman modularity of a partition on the undirected weighted version (w_ij + w_ji per pair):
 *   Q = Σ_c [ L_c / W − γ (S_c / 2W)² ]
 * W = total undirected weight, L_c = weight of edges inside c, S_c = Σ_{i∈c} strength_i, γ = resolution.
 * Same as networkx.community.modularity(G.to_undirected-with-summed-weights, partition, weight='weight').
 * The one modularity of leadmap: louvainCommunities and the fast path's Louvain kernel both report it.
 * Degenerate: W = 0 (no ties, or n < 2) → null (undefined: 0/0). O(n + m).
 * Ref: Newman (2006), PNAS 103(23), 8577–8582.
 */
export function modularity(ig: CsrArrays, labels: Int32Array, resolution = 1): number | null {
  let W = 0;
  let C = 0;
  for (let i = 0; i < ig.n; i++) C = Math.max(C, labels[i]! + 1);
  const inside = new Float64Array(C);
  const strength = new Float64Array(C);
  for (let i = 0; i < ig.n; i++) {
    for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) {
      const j = ig.outTargets[k]!;
      const w = ig.outWeights[k]!;
      W += w;
      strength[labels[i]!]! += w;
      strength[labels[j]!]! += w;
      if (labels[i] === labels[j]) inside[labels[i]!]! += w;
    }
  }
  if (W === 0) return null;
  let q = 0;
  for (let c = 0; c < C; c++) q += inside[c]! / W - resolution * (strength[c]! / (2 * W)) ** 2;
  return q;
}
