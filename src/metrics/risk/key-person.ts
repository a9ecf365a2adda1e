import type { Csr } from '../../graph/csr.js';
import { degreeArrays } from '../node/degree.js';
import { compareIds } from '../../graph/compare-ids.js';
import { undirectedIndex } from '../../graph/undirected.js';
import { rankByInDegree } from '../leadership/distribution.js';
import { fragmentation, reachability } from './reach.js';

export const RISK_DEFAULTS = {
  /** Number of steps of the removal curve (people removed in rank order). */
  removalSteps: 10,
  /** Bench: people sought out by at least this many colleagues. */
  benchMinNominations: 2,
  /**
   * Path-based risk (reachability, fragmentation, removal curve) only up to this many people: it costs
   * O(k · m · n/32) time and O(n²/32) memory, fine for a school, not for a 75,000-person district.
   */
  maxPeopleForPaths: 5000,
};
export type RiskOptions = typeof RISK_DEFAULTS;

export interface KeyPersonRisk {
  id: string;
  /** People whose every out-tie in this graph goes to this person: they would be left with no source. */
  leftWithoutSource: string[];
  reachabilityBefore: number | null;
  reachabilityAfter: number | null;
  /** before − after (share of ordered pairs that lose their directed path, relative to the new n). */
  reachabilityDrop: number | null;
  fragmentationBefore: number | null;
  fragmentationAfter: number | null;
  fragmentationIncrease: number | null;
}

/**
 * What is lost if one person leaves, for each candidate (normally the domain's leaders):
 *   leftWithoutSource = { i : d_out(i) ≥ 1 and every out-neighbour of i is the candidate }
 *   reachability drop = R(G) − R(G − v)   (R: share of ordered pairs with a directed path, see reach.ts)
 *   fragmentation increase = F(G − v) − F(G)  (Borgatti, undirected version)
 * Both "after" values are taken over the n − 1 people who remain. Results sorted by
 * leftWithoutSource size, then reachability drop, then id.
 * Degenerate: n ≤ 2 → reachability/fragmentation after removal null ("fewer than 2 people left").
 * O(k · (n + m · n/32)) for k candidates.
 * Ref: Borgatti (2006), "Identifying sets of key players in a social network", CMOT 12, 21–34.
 */
export function keyPersonRisk(ig: Csr, candidates: readonly string[]): KeyPersonRisk[] {
  const u = undirectedIndex(ig);
  const rBefore = reachability(ig);
  const fBefore = fragmentation(ig.n, u);
  const removed = new Uint8Array(ig.n);
  const res: KeyPersonRisk[] = [];
  for (const id of candidates) {
    const v = ig.index.get(id);
    if (v === undefined) continue;
    const left: string[] = [];
    for (let i = 0; i < ig.n; i++) {
      const s = ig.outOffsets[i]!;
      const e = ig.outOffsets[i + 1]!;
      if (e - s === 1 && ig.outTargets[s] === v) left.push(ig.ids[i]!);
    }
    removed[v] = 1;
    const rAfter = reachability(ig, removed);
    const fAfter = fragmentation(ig.n, u, removed);
    removed[v] = 0;
    res.push({
      id,
      leftWithoutSource: left.sort(compareIds),
      reachabilityBefore: rBefore,
      reachabilityAfter: rAfter,
      reachabilityDrop: rBefore === null || rAfter === null ? null : rBefore - rAfter,
      fragmentationBefore: fBefore,
      fragmentationAfter: fAfter,
      fragmentationIncrease: fBefore === null || fAfter === null ? null : fAfter - fBefore,
    });
  }
  return res.sort(
    (a, b) =>
      b.leftWithoutSource.length - a.leftWithoutSource.length ||
      (b.reachabilityDrop ?? 0) - (a.reachabilityDrop ?? 0) ||
      compareIds(a.id, b.id),
  );
}

export interface RemovalStep {
  /** People removed so far (0 = the intact network). */
  removed: number;
  /** The person removed at this step (null at step 0). */
  id: string | null;
  reachability: number | null;
  fragmentation: number | null;
}

/**
 * Top-k removal curve: people removed one at a time in rank order (in-degree desc, in-strength desc,
 * id asc — the order a principal sees in "who leads"), recording reachability and fragmentation after
 * each removal. By rank rather than greedy: the curve answers "what if our most sought-out people
 * left", and costs k evaluations instead of k · n. Steps stop early when fewer than 2 people would
 * remain or when the next person in rank order is named by nobody.
 * O(k · (n + m · n/32)).
 */
export function removalCurve(ig: Csr, options: Partial<RiskOptions> = {}): RemovalStep[] {
  const { removalSteps } = { ...RISK_DEFAULTS, ...options };
  const u = undirectedIndex(ig);
  const deg = degreeArrays(ig);
  const order = rankByInDegree(ig.ids, deg.inDegree, deg.inStrength);
  const removed = new Uint8Array(ig.n);
  const steps: RemovalStep[] = [{ removed: 0, id: null, reachability: reachability(ig), fragmentation: fragmentation(ig.n, u) }];
  const k = Math.min(removalSteps, ig.n - 2);
  for (let s = 0; s < k; s++) {
    const v = order[s]!;
    if (deg.inDegree[v] === 0) break;
    removed[v] = 1;
    steps.push({ removed: s + 1, id: ig.ids[v]!, reachability: reachability(ig, removed), fragmentation: fragmentation(ig.n, u, removed) });
  }
  return steps;
}

/** Bench depth: how many people are sought out by ≥ benchMinNominations colleagues (succession capacity). O(n). */
export function benchDepth(ig: Csr, options: Partial<RiskOptions> = {}): number {
  const { benchMinNominations } = { ...RISK_DEFAULTS, ...options };
  const deg = degreeArrays(ig);
  let c = 0;
  for (let i = 0; i < ig.n; i++) if (deg.inDegree[i]! >= benchMinNominations) c++;
  return c;
}
