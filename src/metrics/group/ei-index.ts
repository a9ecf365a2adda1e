import type { Csr } from '../../graph/csr.js';
import { mulberry32, shuffleInPlace, DEFAULT_SEED } from '../random.js';
import { GROUP_DEFAULTS, groupLabels, type GroupOf } from './groups.js';

export const EI_DEFAULTS = {
  /** Number of label permutations for the significance test; 0 skips the test. */
  permutations: 1000,
  /** Per-group counting: 'out' = the members' out-arcs (rows); 'both' = out- and in-arcs (rows and columns, as R ITNr::ei_group). */
  groupArcs: 'out' as 'out' | 'both',
  /** Cap on permutations × arcs (work of the test): very large graphs get fewer permutations (reported in test.permutations). */
  maxWork: 5e7,
  seed: DEFAULT_SEED,
  minGroupSize: GROUP_DEFAULTS.minGroupSize,
};
export type EiOptions = typeof EI_DEFAULTS;

export interface GroupEi {
  group: string;
  size: number;
  /** Out-arcs of the group's members that stay inside / leave the group; null when suppressed. */
  internal: number | null;
  external: number | null;
  ei: number | null;
  reason: string | null;
}

export interface EiPermutationTest {
  permutations: number;
  seed: number;
  /** Mean E-I over the permutations (what random group labels would give). */
  expected: number;
  /** P(E-I_perm ≤ observed) with the +1 correction: small = fewer crossing ties than chance (silos). */
  pLower: number;
  /** P(E-I_perm ≥ observed) with the +1 correction: small = more crossing ties than chance. */
  pUpper: number;
  /** min(1, 2 · min(pLower, pUpper)). */
  pTwoSided: number;
}

export interface EiResult {
  internal: number;
  external: number;
  /** (E − I) / (E + I) over all arcs; null when there are no ties. */
  ei: number | null;
  reason: string | null;
  groups: GroupEi[];
  test: EiPermutationTest | null;
  testReason: string | null;
}

/**
 * Krackhardt–Stern E-I index: (E − I) / (E + I), E = arcs between groups, I = arcs within groups.
 * −1 = every tie stays inside its group (silos), +1 = every tie crosses groups. Each arc counts once,
 * weights ignored (as in UCINET: "edge values are ignored").
 * Per group (packages differ here), by default the members' OUT-arcs — the rows of the adjacency
 * matrix, the sender's view ("where do our people go for advice?"): I_g = arcs g→g, E_g = arcs
 * g→other, so Σ_g E_g = E and Σ_g I_g = I. `groupArcs: 'both'` also counts arcs other→g in E_g
 * (rows and columns, as R ITNr::ei_group).
 * Significance: group labels are shuffled among people (Fisher–Yates, seeded mulberry32) `permutations`
 * times, keeping group sizes and the graph fixed; one-sided p-values (R + 1 correction,
 * Phipson & Smyth 2010) in both directions plus a doubled two-sided value.
 * Options: permutations (1000), seed, minGroupSize (5; smaller groups' per-group values are null),
 * maxWork (5e7: permutations are reduced so permutations × (n + m) stays below it; a school of 150 is
 * far below, a district of 1M ties gets ~50 permutations — `test.permutations` reports the number used).
 * Degenerate: no ties → ei null ("no ties"), no test; one group → ei −1 and no test ("only one group");
 * a group whose members send no tie → its ei null ("no ties sent").
 * O(n + m) per evaluation, O(R (n + m)) with the test.
 * Ref: Krackhardt & Stern (1988), Social Psychology Quarterly 51(2), 123–140; Borgatti, Everett &
 * Freeman (2002) UCINET 6, Network>Cohesion>E-I Index.
 * Example: two groups {a,b},{c,d}, arcs a→b, c→d, a→c → E-I = (1 − 2)/3 = −1/3.
 */
export function eiIndex(ig: Csr, groupOf: GroupOf, options: Partial<EiOptions> = {}): EiResult {
  const o = { ...EI_DEFAULTS, ...options };
  const { labels, names, sizes } = groupLabels(ig, groupOf);
  const gi = new Float64Array(names.length);
  const ge = new Float64Array(names.length);
  let internal = 0;
  for (let i = 0; i < ig.n; i++) {
    const g = labels[i]!;
    for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) {
      const h = labels[ig.outTargets[k]!]!;
      if (h === g) {
        gi[g]!++;
        internal++;
      } else {
        ge[g]!++;
        if (o.groupArcs === 'both') ge[h]!++;
      }
    }
  }
  const external = ig.m - internal;
  const groups: GroupEi[] = names.map((group, g) => {
    const size = sizes[g]!;
    if (size < o.minGroupSize)
      return { group, size, internal: null, external: null, ei: null, reason: `suppressed: fewer than ${o.minGroupSize} people` };
    const t = gi[g]! + ge[g]!;
    return {
      group,
      size,
      internal: gi[g]!,
      external: ge[g]!,
      ei: t === 0 ? null : (ge[g]! - gi[g]!) / t,
      reason: t === 0 ? 'no ties sent' : null,
    };
  });
  if (ig.m === 0) return { internal, external, ei: null, reason: 'no ties', groups, test: null, testReason: 'no ties' };
  const ei = (external - internal) / ig.m;
  if (names.length < 2) return { internal, external, ei, reason: null, groups, test: null, testReason: 'only one group' };
  if (o.permutations <= 0)
    return { internal, external, ei, reason: null, groups, test: null, testReason: 'permutation test not requested' };
  const R = Math.max(1, Math.min(o.permutations, Math.floor(o.maxWork / Math.max(1, ig.m + ig.n))));
  const rng = mulberry32(o.seed);
  const perm = Int32Array.from(labels);
  let sum = 0;
  let le = 0;
  let ge2 = 0;
  for (let r = 0; r < R; r++) {
    shuffleInPlace(perm, rng);
    let ext = 0;
    for (let i = 0; i < ig.n; i++) {
      const g = perm[i]!;
      for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) if (perm[ig.outTargets[k]!] !== g) ext++;
    }
    const v = (2 * ext - ig.m) / ig.m;
    sum += v;
    if (v <= ei + 1e-12) le++;
    if (v >= ei - 1e-12) ge2++;
  }
  const pLower = (le + 1) / (R + 1);
  const pUpper = (ge2 + 1) / (R + 1);
  return {
    internal,
    external,
    ei,
    reason: null,
    groups,
    test: { permutations: R, seed: o.seed, expected: sum / R, pLower, pUpper, pTwoSided: Math.min(1, 2 * Math.min(pLower, pUpper)) },
    testReason: null,
  };
}
