import type { Person } from '../../model/types.js';
import type { FormalRoleRule } from '../../model/formal-roles.js';
import { degreeArrays } from '../node/degree.js';
import type { Csr } from '../../graph/csr.js';
import { compareIds } from '../../graph/compare-ids.js';
import { gini, lorenzCurve, topShare, type LorenzPoint, type TopShareResult } from './distribution.js';
import { whoLeads, type LeaderRuleOptions, type LeaderThreshold, type SoughtOutPerson } from './who-leads.js';
import { distributionProfile, domainReading, type DistributionProfile, type ProfileOptions } from './profile.js';
import { formalInformal, type FormalInformalOptions, type FormalInformalResult } from './formal-informal.js';
import { domainPeriphery, type DomainPeriphery } from './periphery.js';
import { known, unknown, type MaybeNumber } from './value.js';
import { densityOf } from '../network/density.js';
import { reciprocity } from '../network/reciprocity.js';
import { inDegreeCentralizationOf } from '../network/centralization.js';
import { CHANCE_DEFAULTS, chanceBaseline, type ChanceBaseline } from './chance.js';
import { eiIndex, type EiResult } from '../group/ei-index.js';
import type { GroupOf } from '../group/groups.js';
import { benchDepth, keyPersonRisk, removalCurve, type KeyPersonRisk, type RemovalStep, type RiskOptions } from '../risk/key-person.js';

export interface DomainContext {
  relation: string;
  domain: string;
  label: string;
  personOf: (id: string) => Person | undefined;
  respondents: ReadonlySet<string> | null;
  groupOf: GroupOf;
  /** Role → domains table (default DEFAULT_FORMAL_ROLE_DOMAINS). */
  formalRoles?: readonly FormalRoleRule[];
  /** The tie list has real domains (the ANY_DOMAIN graph pools them). */
  hasDomains?: boolean;
  leaderRule: LeaderRuleOptions;
  formal: FormalInformalOptions;
  profile: ProfileOptions;
  topFraction: number;
  giniCorrection: boolean;
  ei: { permutations: number; seed: number; minGroupSize: number };
  risk: RiskOptions & { minDependents: number };
  listLimit: number;
}

export interface DomainLeaders {
  domain: string;
  label: string;
  rule: LeaderThreshold;
  leaders: string[];
  /** People sought out, ranked (capped at listLimit, leaders always included). */
  soughtOut: SoughtOutPerson[];
  soughtOutTotal: number;
}

export interface DomainDistribution {
  domain: string;
  label: string;
  people: number;
  ties: number;
  /** m / (senders · (n − 1)), senders = respondents when known. */
  density: number | null;
  /** Arc reciprocity over arcs whose target answered the survey. */
  reciprocity: number | null;
  centralization: MaybeNumber;
  gini: MaybeNumber;
  lorenz: LorenzPoint[];
  topShare: TopShareResult & { fraction: number };
  leaders: number;
  leaderPlus: number;
  /** What chance would give for these indices (same people, same out-degrees, same groups): src/metrics/leadership/chance.ts. */
  chance: ChanceBaseline;
  profile: DistributionProfile;
  reading: string;
}

export interface SoleSource {
  id: string;
  name: string;
  /** Colleagues whose only source in this domain is this person. */
  dependents: string[];
}

export interface DomainRisk {
  domain: string;
  label: string;
  benchDepth: number;
  soleSources: SoleSource[];
  /** Leaders and sole sources: what is lost if each leaves. */
  keyPeople: (KeyPersonRisk & { name: string })[];
  removalCurve: RemovalStep[];
  /** Why keyPeople and removalCurve are empty (graph larger than risk.maxPeopleForPaths), else null. */
  pathsReason: string | null;
}

export interface DomainResult {
  leaders: DomainLeaders;
  distribution: DomainDistribution;
  formalInformal: FormalInformalResult & { domain: string };
  ei: EiResult & { domain: string };
  risk: DomainRisk;
  periphery: DomainPeriphery & { domain: string };
}

/** Every per-domain analytic of one (relation, domain) graph. O(R(n + m) + k(n + m n/32)). */
export function analyzeDomain(ig: Csr, ctx: DomainContext): DomainResult {
  const { domain, label } = ctx;
  const nameOf = (id: string) => ctx.personOf(id)?.name ?? id;
  const deg = degreeArrays(ig);
  const who = whoLeads(ig, ctx.personOf, { ...ctx.leaderRule, domain, formalRoles: ctx.formalRoles });
  const shown = who.soughtOut.filter((s, k) => k < ctx.listLimit || s.leader);
  const fi = formalInformal(ig, ctx.personOf, who.rule.threshold, {
    ...ctx.formal,
    domain,
    formalRoles: ctx.formalRoles,
    pooledOverDomains: ctx.hasDomains === true,
  });

  const resp = ctx.respondents;
  const senders = resp === null ? ig.n : ig.ids.filter((id) => resp.has(id)).length;
  const dens = densityOf(ig.m, ig.n, senders);
  const recip = reciprocity(ig, resp === null ? undefined : (j) => resp.has(ig.ids[j]!));
  const cz = inDegreeCentralizationOf(deg.inDegree);
  const centralization = cz === null ? unknown('fewer than 2 people') : known(cz);
  const profile = distributionProfile(
    { density: dens, reciprocity: recip, centralization: centralization.value, centralMembers: who.leaders.length },
    ctx.profile,
  );
  // Sole sources: people whose out-ties in this domain all go to one colleague.
  const dependents = new Map<number, string[]>();
  for (let i = 0; i < ig.n; i++) {
    if (deg.outDegree[i] !== 1) continue;
    const t = ig.outTargets[ig.outOffsets[i]!]!;
    dependents.set(t, [...(dependents.get(t) ?? []), ig.ids[i]!]);
  }
  // The one-leader reading: "runs through one person" only when they hold most nominations and someone asks no one else.
  const only = who.leaders.length === 1 ? (ig.index.get(who.leaders[0]!) ?? -1) : -1;
  const single = {
    share: only < 0 || ig.m === 0 ? 0 : deg.inDegree[only]! / ig.m,
    soleSource: only >= 0 && (dependents.get(only)?.length ?? 0) > 0,
  };
  const distribution: DomainDistribution = {
    domain,
    label,
    people: ig.n,
    ties: ig.m,
    density: dens,
    reciprocity: recip,
    centralization,
    gini: gini(deg.inDegree, { correction: ctx.giniCorrection }),
    lorenz: lorenzCurve(deg.inDegree),
    topShare: { ...topShare(ig.ids, deg.inDegree, { fraction: ctx.topFraction }), fraction: ctx.topFraction },
    leaders: who.leaders.length,
    leaderPlus: fi.leaderPlus.length,
    chance: chanceBaseline(ig, dens, ctx.groupOf, { ...CHANCE_DEFAULTS, seed: ctx.ei.seed }),
    profile,
    reading: domainReading(label, ig.m, who.leaders.map(nameOf), who.rule.threshold, profile.centralizationBand, single),
  };
  const soleSources: SoleSource[] = [...dependents.entries()]
    .filter(([, ds]) => ds.length >= ctx.risk.minDependents)
    .map(([t, ds]) => ({ id: ig.ids[t]!, name: nameOf(ig.ids[t]!), dependents: ds.sort(compareIds) }))
    .sort((a, b) => b.dependents.length - a.dependents.length || compareIds(a.id, b.id));
  const paths = ig.n <= ctx.risk.maxPeopleForPaths;
  const candidates = [...new Set([...who.leaders, ...soleSources.map((s) => s.id)])];
  const risk: DomainRisk = {
    domain,
    label,
    benchDepth: benchDepth(ig, ctx.risk),
    soleSources,
    keyPeople: paths ? keyPersonRisk(ig, candidates).map((k) => ({ ...k, name: nameOf(k.id) })) : [],
    removalCurve: paths ? removalCurve(ig, ctx.risk) : [],
    pathsReason: paths ? null : `more than ${ctx.risk.maxPeopleForPaths} people: path-based risk not computed`,
  };
  return {
    leaders: { domain, label, rule: who.rule, leaders: who.leaders, soughtOut: shown, soughtOutTotal: who.soughtOut.length },
    distribution,
    formalInformal: { domain, ...fi },
    ei: { domain, ...eiIndex(ig, ctx.groupOf, ctx.ei) },
    risk,
    periphery: { domain, ...domainPeriphery(ig) },
  };
}
