import type { Csr } from '../../graph/csr.js';

/** People numbered by group: labels[i] is the group index of person i; names[g] the group's name. */
export interface GroupLabels {
  labels: Int32Array;
  names: string[];
  sizes: number[];
}

/** How a person's group is found: department, team, school or any roster attribute. */
export type GroupOf = (id: string) => string;

/** Groups people by `groupOf`; group names sorted (code-unit order) so output is stable. O(n log n). */
export function groupLabels(ig: Csr, groupOf: GroupOf): GroupLabels {
  const raw = ig.ids.map((id) => groupOf(id));
  const names = [...new Set(raw)].sort();
  const idx = new Map(names.map((g, k) => [g, k]));
  const labels = new Int32Array(ig.n);
  const sizes = names.map(() => 0);
  raw.forEach((g, i) => {
    const k = idx.get(g)!;
    labels[i] = k;
    sizes[k]!++;
  });
  return { labels, names, sizes };
}

export const GROUP_DEFAULTS = {
  /** Groups smaller than this are suppressed in per-group results (privacy; see docs/privacy). */
  minGroupSize: 5,
};
