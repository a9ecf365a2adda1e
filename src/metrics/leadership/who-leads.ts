import { ANY_DOMAIN, type Person } from '../../model/types.js';
import { holdsFormalRoleIn, type FormalRoleRule } from '../../model/formal-roles.js';
import { degreeArrays } from '../node/degree.js';
import type { Csr } from '../../graph/csr.js';
import { rankByInDegree } from './distribution.js';

export const LEADER_RULE_DEFAULTS = {
  /** Absolute floor: a leader is named by at least this many colleagues. */
  minNominations: 3,
  /** Relative bar: in-degree ≥ mean + sdAbove · sd (population sd over all people of the graph). */
  sdAbove: 1,
};
export type LeaderRuleOptions = typeof LEADER_RULE_DEFAULTS;

export interface LeaderThreshold {
  /** The in-degree a person needs: max(minNominations, mean + sdAbove · sd). */
  threshold: number;
  mean: number;
  sd: number;
  minNominations: number;
}

/**
 * The leader rule: person i leads a domain when
 *   in-degree_i ≥ max(minNominations, mean + sdAbove · sd)
 * with mean and (population, divide-by-n) sd of in-degree over everyone in the graph (isolates
 * included). The absolute floor keeps a sparse domain (a few scattered nominations) from producing
 * "leaders" named by one person; the relative bar keeps a dense domain from making half the staff leaders.
 * Degenerate: n = 0 → mean 0, sd 0, threshold = minNominations. O(n).
 * Ref: leadmap's own rule; "mean + 1 sd of in-degree" is the conventional cut-off for prominent actors
 * (Wasserman & Faust 1994, ch. 5, prominence), the floor is a product decision for small schools.
 */
export function leaderThreshold(inDegree: ArrayLike<number>, options: Partial<LeaderRuleOptions> = {}): LeaderThreshold {
  const { minNominations, sdAbove } = { ...LEADER_RULE_DEFAULTS, ...options };
  const n = inDegree.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += inDegree[i]!;
  mean = n > 0 ? mean / n : 0;
  let v = 0;
  for (let i = 0; i < n; i++) v += (inDegree[i]! - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(v / n) : 0;
  return { threshold: Math.max(minNominations, mean + sdAbove * sd), mean, sd, minNominations };
}

/** The leader rule for one in-degree against a domain's threshold (from {@link leaderThreshold}). */
export function isLeader(inDegree: number, threshold: number): boolean {
  return inDegree >= threshold - 1e-12;
}

/**
 * The ids {@link whoLeads} marks as leaders, in index order, from in-degrees alone: named at least once
 * and meeting the leader rule (leaderThreshold over all of `inDegree`). For callers that need the
 * leaders and not the ranked list (the district's school rows). O(n).
 */
export function leaderIdsOf(ids: readonly string[], inDegree: ArrayLike<number>, options: Partial<LeaderRuleOptions> = {}): string[] {
  const { threshold } = leaderThreshold(inDegree, options);
  const out: string[] = [];
  for (let i = 0; i < inDegree.length; i++) if (inDegree[i]! > 0 && isLeader(inDegree[i]!, threshold)) out.push(ids[i]!);
  return out;
}

/** One person sought out in a domain. */
export interface SoughtOutPerson {
  id: string;
  name: string;
  role: string;
  department: string;
  formalLeader: boolean;
  /** Number of distinct colleagues who name this person. */
  inDegree: number;
  /** Sum of the strengths of those ties. */
  inStrength: number;
  /** 1-based rank (in-degree desc, in-strength desc, id asc). */
  rank: number;
  leader: boolean;
}

export interface WhoLeadsResult {
  rule: LeaderThreshold;
  /** Everyone named at least once, ranked. */
  soughtOut: SoughtOutPerson[];
  /** Ids of leaders, in rank order. */
  leaders: string[];
}

/**
 * Who leads a domain: people sought out, ranked by in-degree, then in-strength, then id; with the
 * leader rule applied. Degenerate: no ties → empty lists. O(n log n).
 */
export function whoLeads(
  ig: Csr,
  personOf: (id: string) => Person | undefined,
  options: Partial<LeaderRuleOptions> & { domain?: string; formalRoles?: readonly FormalRoleRule[] } = {},
): WhoLeadsResult {
  const deg = degreeArrays(ig);
  const rule = leaderThreshold(deg.inDegree, options);
  const order = rankByInDegree(ig.ids, deg.inDegree, deg.inStrength);
  const soughtOut: SoughtOutPerson[] = [];
  order.forEach((i, r) => {
    if (deg.inDegree[i]! === 0) return;
    const id = ig.ids[i]!;
    const p = personOf(id);
    soughtOut.push({
      id,
      name: p?.name ?? id,
      role: p?.role ?? '',
      department: p?.department ?? '',
      formalLeader: holdsFormalRoleIn(p, options.domain ?? ANY_DOMAIN, options.formalRoles),
      inDegree: deg.inDegree[i]!,
      inStrength: deg.inStrength[i]!,
      rank: r + 1,
      leader: isLeader(deg.inDegree[i]!, rule.threshold),
    });
  });
  return { rule, soughtOut, leaders: soughtOut.filter((s) => s.leader).map((s) => s.id) };
}
