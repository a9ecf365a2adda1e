/**
 * Distributed-leadership analytics: one call turns a Dataset into the plain-JSON answers a principal
 * asks for — who leads what, how widely leadership is spread, formal vs informal leaders, silos,
 * brokers, key-person risk, isolated new staff, overload and data quality. Every number is defined in
 * the function it comes from (src/metrics/{leadership,group,brokerage,risk,quality}) and in
 * docs/metrics.md. No NaN or Infinity: undefined values are null with a reason. Seeded: the same
 * dataset and options always give the same result.
 */
import type { Dataset, Person } from '../model/types.js';
import { degreeArrays } from './node/degree.js';
import { ANY_DOMAIN } from '../model/types.js';
import type { FormalRoleRule } from '../model/formal-roles.js';
import { resolveRelation } from '../graph/build-graph.js';
import { selectionCsr } from '../graph/selection-csr.js';
import { LEADER_RULE_DEFAULTS } from './leadership/who-leads.js';
import { PROFILE_DEFAULTS, domainLabel } from './leadership/profile.js';
import { FORMAL_INFORMAL_DEFAULTS } from './leadership/formal-informal.js';
import { crossDomainOverlap } from './leadership/overlap.js';
import { PERIPHERY_DEFAULTS, isolatedNewStaff, waveYearOf } from './leadership/periphery.js';
import { OVERLOAD_DEFAULTS, overload } from './leadership/overload.js';
import { analyzeDomain } from './leadership/domain-analysis.js';
import { mixingMatrix } from './group/mixing.js';
import { louvainCommunities } from './group/communities.js';
import { adjustedRandIndex, normalizedMutualInformation } from './group/partition-agreement.js';
import { gouldFernandez, topBrokers, BROKER_ROLES } from './brokerage/gould-fernandez.js';
import { burtConstraint } from './brokerage/constraint.js';
import { articulationPoints } from './brokerage/articulation.js';
import { RISK_DEFAULTS } from './risk/key-person.js';
import { QUALITY_DEFAULTS, dataQuality, respondentSet } from './quality/data-quality.js';
import { DEFAULT_SEED } from './random.js';
import type { LeadershipAnalysis } from './leadership/analysis-types.js';
import type { Csr } from '../graph/csr.js';

export type { LeadershipAnalysis } from './leadership/analysis-types.js';
export { summarizeLeadership } from './leadership/summary.js';

export const ANALYTICS_DEFAULTS = {
  /** Relation to analyse (default: the only one, or "advice"). */
  relation: undefined as string | undefined,
  /** Grouping for silos and brokerage: department, team, school, role, or any roster attribute. */
  groupBy: 'department',
  /** Overrides groupBy with any person → group function. */
  groupOf: undefined as ((p: Person) => string) | undefined,
  seed: DEFAULT_SEED,
  /** Formal leadership positions (overload's formalOnly). */
  formalPatterns: undefined as readonly RegExp[] | undefined,
  /** Role → domains table for hidden and nominal leaders (default DEFAULT_FORMAL_ROLE_DOMAINS; docs/metrics.md). */
  formalRoles: undefined as readonly FormalRoleRule[] | undefined,
  leaderRule: LEADER_RULE_DEFAULTS,
  formalInformal: FORMAL_INFORMAL_DEFAULTS,
  profile: PROFILE_DEFAULTS,
  /** Top share: fraction of people counted as "the top" (ceil(fraction · n)). */
  topFraction: 0.1,
  /** Gini with the n/(n−1) correction. */
  giniCorrection: false,
  /** Permutations of the E-I test (0 = no test). */
  permutations: 1000,
  /** Also run the E-I permutation test per domain (default: only on all domains pooled, to stay fast). */
  permuteDomains: false,
  minGroupSize: QUALITY_DEFAULTS.minGroupSize,
  /** Louvain resolution. */
  resolution: 1,
  risk: { ...RISK_DEFAULTS, /** Sole source: the only source of at least this many colleagues. */ minDependents: 3 },
  periphery: PERIPHERY_DEFAULTS,
  overload: OVERLOAD_DEFAULTS,
  minResponseRate: QUALITY_DEFAULTS.minResponseRate,
  /** People listed per domain in "who leads" (leaders always listed). */
  listLimit: 25,
};

type Nested = 'leaderRule' | 'formalInformal' | 'profile' | 'risk' | 'periphery' | 'overload';
export type AnalyticsOptions = Omit<typeof ANALYTICS_DEFAULTS, Nested> & {
  [K in Nested]: Partial<(typeof ANALYTICS_DEFAULTS)[K]>;
};

/** Reads a person's group for `groupBy`; empty values become "(none)". */
export function groupValue(p: Person, groupBy: string): string {
  const v =
    groupBy === 'department'
      ? p.department
      : groupBy === 'team'
        ? p.team
        : groupBy === 'school'
          ? p.school
          : groupBy === 'role'
            ? p.role
            : p.attributes[groupBy];
  const s = v === null || v === undefined ? '' : String(v).trim();
  return s === '' ? '(none)' : s;
}

/**
 * Analyses one relation of a dataset, per leadership domain and for all domains pooled (ANY_DOMAIN).
 * Per domain: leaders, distribution, formal/informal, E-I with permutation test, risk, periphery.
 * Pooled only: group mixing, communities, brokerage, cross-domain overlap, new staff, overload, quality.
 * O(D · (R (n + m) + k (n + m n/32))) for D domains, R permutations, k key people.
 */
export function analyzeLeadership(dataset: Dataset, options: Partial<AnalyticsOptions> = {}): LeadershipAnalysis {
  return analyzeLeadershipOn(leadershipInput(dataset, options.relation), options);
}

/** The LeadershipInput of a dataset for one relation (default: resolveRelation's): its per-domain graphs by selectionCsr. */
export function leadershipInput(dataset: Dataset, relationOption?: string): LeadershipInput {
  const relation = resolveRelation(dataset, relationOption);
  const realDomains = [
    ...new Set(dataset.ties.filter((t) => t.relation === relation && t.domain !== ANY_DOMAIN).map((t) => t.domain)),
  ].sort();
  const graphs = [...realDomains, ANY_DOMAIN].map((domain) => ({ domain, ig: selectionCsr(dataset, { relation, domain }) }));
  return { relation, people: dataset.people, respondents: dataset.respondents, wave: dataset.wave, graphs };
}

/**
 * What the analytics read: the people (roster order, the graphs' node order), who answered, the wave, and
 * one CSR graph per leadership domain of the relation (sorted by domain) followed by the pooled graph
 * (ANY_DOMAIN, weights summed) — built from a dataset by selectionCsr, or straight from a large tie file
 * by the fast path's typed-array reader, so both give the same sections.
 */
export interface LeadershipInput extends Pick<Dataset, 'people' | 'respondents' | 'wave'> {
  relation: string;
  graphs: ReadonlyArray<{ domain: string; ig: Csr }>;
}

/** analyzeLeadership on prepared graphs (see LeadershipInput); the last graph must be the pooled one. */
export function analyzeLeadershipOn(input: LeadershipInput, options: Partial<AnalyticsOptions> = {}): LeadershipAnalysis {
  const dataset = input; // people, respondents and wave, as a dataset holds them
  const o = {
    ...ANALYTICS_DEFAULTS,
    ...options,
    leaderRule: { ...ANALYTICS_DEFAULTS.leaderRule, ...options.leaderRule },
    formalInformal: { ...ANALYTICS_DEFAULTS.formalInformal, ...options.formalInformal },
    profile: { ...ANALYTICS_DEFAULTS.profile, ...options.profile },
    risk: { ...ANALYTICS_DEFAULTS.risk, ...options.risk },
    periphery: { ...ANALYTICS_DEFAULTS.periphery, ...options.periphery },
    overload: { ...ANALYTICS_DEFAULTS.overload, ...options.overload },
  };
  const relation = input.relation;
  const byId = new Map(dataset.people.map((p) => [p.id, p]));
  const personOf = (id: string) => byId.get(id);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const groupName = o.groupOf ? 'group' : o.groupBy;
  const groupOf = (id: string) => {
    const p = byId.get(id);
    return p ? (o.groupOf ? o.groupOf(p) : groupValue(p, o.groupBy)) : '(none)';
  };
  const respondents = respondentSet(dataset);
  const domains = input.graphs.map((g) => g.domain);
  const hasDomains = domains.length > 1;
  const graphOf = new Map(input.graphs.map((g) => [g.domain, g.ig]));

  const results = domains.map((domain) => {
    const ig = graphOf.get(domain)!;
    const res = analyzeDomain(ig, {
      relation,
      domain,
      label: domainLabel(relation, domain, hasDomains),
      personOf,
      respondents,
      groupOf,
      formalRoles: o.formalRoles,
      hasDomains,
      leaderRule: o.leaderRule,
      formal: o.formalInformal,
      profile: o.profile,
      topFraction: o.topFraction,
      giniCorrection: o.giniCorrection,
      ei: { permutations: domain === ANY_DOMAIN || o.permuteDomains ? o.permutations : 0, seed: o.seed, minGroupSize: o.minGroupSize },
      risk: o.risk,
      listLimit: o.listLimit,
    });
    return { domain, ig, res };
  });
  const pooled = results[results.length - 1]!;
  const pig = pooled.ig;

  // Cross-domain overlap and load across domains.
  const leadersByDomain = new Map(results.filter((r) => r.domain !== ANY_DOMAIN).map((r) => [r.domain, r.res.leaders.leaders]));
  const loads = new Map<string, { load: number; domainsLed: number }>();
  const perDomain = hasDomains ? results.filter((r) => r.domain !== ANY_DOMAIN) : [pooled];
  for (const r of perDomain) {
    const leaders = new Set(r.res.leaders.leaders);
    const { inDegree } = degreeArrays(r.ig);
    for (let i = 0; i < r.ig.n; i++) {
      const id = r.ig.ids[i]!;
      const cur = loads.get(id) ?? { load: 0, domainsLed: 0 };
      cur.load += inDegree[i]!;
      if (leaders.has(id)) cur.domainsLed++;
      loads.set(id, cur);
    }
  }
  for (const id of pooled.res.leaders.leaders) {
    const cur = loads.get(id)!;
    if (cur.domainsLed === 0) cur.domainsLed = 1; // leads the pooled graph
  }

  // Groups (pooled).
  const mixing = mixingMatrix(pig, groupOf, { minGroupSize: o.minGroupSize });
  const communities = louvainCommunities(pig, { seed: o.seed, resolution: o.resolution });
  const commLabels = pig.ids.map((id) => communities.communityOf[id]!);
  const groupLabelsList = pig.ids.map(groupOf);

  // Brokerage (pooled).
  const gf = gouldFernandez(pig, groupOf);
  const constraint = burtConstraint(pig);
  const cutPoints = articulationPoints(pig);

  const waveYear = waveYearOf(dataset, o.periphery.waveYear ?? null);
  const quality = dataQuality(dataset, pig, mixing.groups, groupName, { minGroupSize: o.minGroupSize, minResponseRate: o.minResponseRate });
  for (const r of results) {
    if (r.ig.m === 0 && r.domain !== ANY_DOMAIN)
      quality.warnings.push({ code: 'NO_TIES', message: `No ties were reported for ${r.domain}.`, subject: r.domain });
  }

  return {
    selection: { relation, domains, wave: dataset.wave?.label ?? null, people: pig.n, groupBy: groupName, seed: o.seed },
    leaders: { byDomain: results.map((r) => r.res.leaders) },
    distribution: {
      byDomain: results.map((r) => r.res.distribution),
      overlap: crossDomainOverlap(leadersByDomain, nameOf),
    },
    formalInformal: { byDomain: results.map((r) => r.res.formalInformal) },
    groups: {
      groupBy: groupName,
      mixing,
      ei: results.map((r) => r.res.ei),
      communities: {
        ...communities,
        count: communities.communities.length,
        alignment: { nmi: normalizedMutualInformation(commLabels, groupLabelsList), ari: adjustedRandIndex(commLabels, groupLabelsList) },
      },
    },
    brokerage: {
      groupBy: groupName,
      people: gf.map((c) => ({ ...c, name: nameOf(c.id), constraint: constraint[pig.index.get(c.id)!] ?? null })),
      top: Object.fromEntries(BROKER_ROLES.map((role) => [role, topBrokers(gf, role).map((c) => c.id)])) as Record<
        (typeof BROKER_ROLES)[number],
        string[]
      >,
      cutPoints: cutPoints.map((id) => ({ id, name: nameOf(id) })),
    },
    risk: { byDomain: results.map((r) => r.res.risk) },
    periphery: {
      waveYear,
      byDomain: results.map((r) => r.res.periphery),
      isolatedNewStaff: isolatedNewStaff(pig, personOf, waveYear, respondents, o.periphery),
      overload: overload(loads, personOf, dataset.people, { ...o.overload, formalPatterns: o.formalPatterns }),
    },
    quality,
  };
}
