import type { Csr } from '../../graph/csr.js';
import { densityOf } from '../network/density.js';
import { GROUP_DEFAULTS, groupLabels, type GroupOf } from './groups.js';

export interface MixingBlock {
  from: string;
  to: string;
  /** Arcs from members of `from` to members of `to`; null when suppressed. */
  ties: number | null;
  /** ties / possible ordered pairs; null when suppressed or no possible pair. */
  density: number | null;
}

export interface MixingMatrix {
  groups: { name: string; size: number; suppressed: boolean }[];
  blocks: MixingBlock[];
  /** Arcs inside groups and between groups (all groups, suppressed ones included, so totals add up to m). */
  within: number;
  between: number;
}

/**
 * Group mixing (block) matrix of a directed graph: arcs from group g to group h and block density
 *   within:  density_gg = ties_gg / (n_g (n_g − 1))      (the density of the group: network/density.ts)
 *   between: density_gh = ties_gh / (n_g n_h)
 * Options: minGroupSize (default 5): blocks touching a smaller group are reported with null
 * values (privacy), though the totals `within`/`between` still count them.
 * Degenerate: a one-person group has no within pairs → density null. O(n + m + G²).
 * Ref: Wasserman & Faust (1994) §10.2 (density of blocks in a blockmodel).
 */
export function mixingMatrix(ig: Csr, groupOf: GroupOf, options: Partial<typeof GROUP_DEFAULTS> = {}): MixingMatrix {
  const { minGroupSize } = { ...GROUP_DEFAULTS, ...options };
  const { labels, names, sizes } = groupLabels(ig, groupOf);
  const G = names.length;
  const counts = new Float64Array(G * G);
  for (let i = 0; i < ig.n; i++) {
    for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) counts[labels[i]! * G + labels[ig.outTargets[k]!]!]!++;
  }
  let within = 0;
  let between = 0;
  const blocks: MixingBlock[] = [];
  for (let g = 0; g < G; g++) {
    for (let h = 0; h < G; h++) {
      const t = counts[g * G + h]!;
      if (g === h) within += t;
      else between += t;
      const suppressed = sizes[g]! < minGroupSize || sizes[h]! < minGroupSize;
      blocks.push({
        from: names[g]!,
        to: names[h]!,
        ties: suppressed ? null : t,
        density: suppressed ? null : g === h ? densityOf(t, sizes[g]!) : t / (sizes[g]! * sizes[h]!),
      });
    }
  }
  return { groups: names.map((name, g) => ({ name, size: sizes[g]!, suppressed: sizes[g]! < minGroupSize })), blocks, within, between };
}
