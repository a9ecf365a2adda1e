import type { ScaleResult } from '../metrics/survey/scales.js';
import { hiddenGroups } from './suppress.js';

/** A scale as every output shows it (`scales` of leadmap analyze --json; docs/metrics.md). */
export interface PublicScale {
  scale: string;
  items: number;
  minItems: number;
  alpha: number | null;
  alphaN: number;
  n: number;
  mean: number | null;
  sd: number | null;
  groups: Array<{ group: string; n: number; mean: number }>;
  /** Groups not shown because they, or the groups hidden with them, hold fewer than the minimum group size. */
  groupsHidden: number;
}

/**
 * Scale results with small groups hidden: a group mean is shown only when the group has at least
 * `minGroupSize` scored people, and complementary groups are hidden with it (src/privacy/suppress.ts)
 * so no hidden mean follows from the overall mean and the others. The overall mean and sd need the
 * minimum too.
 */
export function presentScales(results: readonly ScaleResult[], minGroupSize: number): PublicScale[] {
  return results.map((r) => {
    const small = r.n < minGroupSize;
    const hidden = small
      ? new Set(r.groups.map((g) => g.group))
      : hiddenGroups(new Map(r.groups.map((g) => [g.group, g.size])), minGroupSize);
    return {
      scale: r.scale,
      items: r.items,
      minItems: r.minItems,
      alpha: r.alpha,
      alphaN: r.alphaN,
      n: r.n,
      mean: small ? null : r.mean,
      sd: small ? null : r.sd,
      groups: r.groups.filter((g) => !hidden.has(g.group)).map((g) => ({ group: g.group, n: g.size, mean: g.mean })),
      groupsHidden: hidden.size,
    };
  });
}
