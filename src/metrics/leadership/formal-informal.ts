import { ANY_DOMAIN, type Person } from '../../model/types.js';
import { formalDomainsOf, holdsFormalRoleIn, type FormalRoleRule } from '../../model/formal-roles.js';
import { degreeArrays } from '../node/degree.js';
import type { Csr } from '../../graph/csr.js';
import { rankByInDegree } from './distribution.js';
import { median } from './value.js';

export const FORMAL_INFORMAL_DEFAULTS = {
  /** A hidden leader is named at least this many times the median in-degree (and meets the leader rule). */
  hiddenFactor: 2,
  /** A nominal leader (formal role) is named fewer than max(nominalMinNominations, median in-degree) times. */
  nominalMinNominations: 2,
};
export type FormalInformalOptions = typeof FORMAL_INFORMAL_DEFAULTS;

export interface FlaggedPerson {
  id: string;
  name: string;
  role: string;
  inDegree: number;
}

export interface FormalInformalResult {
  /** Number of people holding formal responsibility in this domain (any domain for all domains pooled). */
  formalLeaders: number;
  /** Share of all nominations (arcs) that go to people formally responsible for this domain; null when there are no ties. */
  formalShare: number | null;
  medianInDegree: number | null;
  /** Leader-plus: leaders by the leader rule without a formal role (Spillane's "leader plus"). */
  leaderPlus: FlaggedPerson[];
  /** Informal leaders well above the median: in-degree ≥ hiddenFactor · median and ≥ the leader rule, no formal responsibility here. */
  hiddenLeaders: FlaggedPerson[];
  /** Formally responsible for this domain yet rarely sought out in it: in-degree < max(nominalMinNominations, median). */
  nominalLeaders: FlaggedPerson[];
}

/**
 * Formal vs informal leadership in one (relation, domain) graph. "Formal" is per domain: person i is
 * formal in domain D when their role (or roster `formal_domains` cell) makes them responsible for D —
 * a counselor for behaviour and wellbeing, a principal for every domain (src/model/formal-roles.ts,
 * the table in docs/metrics.md). In the pooled graph (ANY_DOMAIN) formal = responsible for any domain.
 *   formalShare = Σ_{i formal in D} in-degree_i / m
 *   hidden  : not formal in D ∧ d_i ≥ leaderThreshold ∧ d_i ≥ hiddenFactor · median(d)
 *   nominal : formal in D ∧ d_i < max(nominalMinNominations, median(d))
 * Median over everyone in the graph. With median 0 the hidden rule reduces to the leader rule.
 * In the pooled graph of a tie list with domains (`pooledOverDomains`) only people responsible for
 * every domain can be nominal: a counselor is judged in behaviour and wellbeing, not against
 * everyone's all-domain median.
 * So a counselor sought out about behaviour is not hidden there; a teacher sought out about
 * technology is; a counselor rarely sought about behaviour is nominal in behaviour, not in technology.
 * Degenerate: no ties → formalShare null, no hidden leaders, every formal role holder nominal.
 * O(n log n). Ref: Spillane (2006), Distributed Leadership, Jossey-Bass ("leader plus").
 */
export function formalInformal(
  ig: Csr,
  personOf: (id: string) => Person | undefined,
  leaderThreshold: number,
  options: Partial<FormalInformalOptions> & {
    domain?: string;
    formalRoles?: readonly FormalRoleRule[];
    /** The graph pools real domains (the tie list has a domain column): see "nominal" above. */
    pooledOverDomains?: boolean;
  } = {},
): FormalInformalResult {
  const o = { ...FORMAL_INFORMAL_DEFAULTS, ...options };
  const deg = degreeArrays(ig);
  const med = median(deg.inDegree);
  const order = rankByInDegree(ig.ids, deg.inDegree, deg.inStrength);
  let formalIn = 0;
  let formalLeaders = 0;
  const leaderPlus: FlaggedPerson[] = [];
  const hiddenLeaders: FlaggedPerson[] = [];
  const nominalLeaders: FlaggedPerson[] = [];
  for (const i of order) {
    const id = ig.ids[i]!;
    const p = personOf(id);
    const role = p?.role ?? '';
    const formal = holdsFormalRoleIn(p, options.domain ?? ANY_DOMAIN, options.formalRoles);
    const d = deg.inDegree[i]!;
    const flagged = { id, name: p?.name ?? id, role, inDegree: d };
    if (formal) {
      formalLeaders++;
      formalIn += d;
      const judged =
        !(options.pooledOverDomains && (options.domain ?? ANY_DOMAIN) === ANY_DOMAIN) || formalDomainsOf(p, options.formalRoles) === 'all';
      if (judged && d < Math.max(o.nominalMinNominations, med ?? 0)) nominalLeaders.push(flagged);
    } else if (d >= leaderThreshold - 1e-12) {
      leaderPlus.push(flagged);
      if (isHiddenLeader(d, false, leaderThreshold, med, o.hiddenFactor)) hiddenLeaders.push(flagged);
    }
  }
  return {
    formalLeaders,
    formalShare: ig.m === 0 ? null : formalIn / ig.m,
    medianInDegree: med,
    leaderPlus,
    hiddenLeaders,
    nominalLeaders,
  };
}

/**
 * The hidden-leader rule of {@link formalInformal} for one person: not formal in the domain, in-degree at the
 * leader threshold, and at least hiddenFactor × the median in-degree (median null counts as 0).
 */
export function isHiddenLeader(
  inDegree: number,
  formal: boolean,
  leaderThreshold: number,
  medianInDegree: number | null,
  hiddenFactor: number = FORMAL_INFORMAL_DEFAULTS.hiddenFactor,
): boolean {
  return !formal && inDegree >= leaderThreshold - 1e-12 && inDegree >= hiddenFactor * (medianInDegree ?? 0);
}
