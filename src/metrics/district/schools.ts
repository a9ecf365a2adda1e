/**
 * District datasets: a roster whose `school` column names two or more schools. Each school is
 * measured as if it had been analysed alone (its own people, the ties among them, its own
 * respondents), with the same definitions as a single-school analysis, plus how much of its staff's
 * advice-seeking leaves the school.
 */
import { ANY_DOMAIN, type Dataset, type Person } from '../../model/types.js';
import { ANALYTICS_DEFAULTS, leadershipInput, type AnalyticsOptions, type LeadershipInput } from '../analytics.js';
import { eiIndex } from '../group/ei-index.js';
import { leaderIdsOf } from '../leadership/who-leads.js';
import { densityOf } from '../network/density.js';
import { inDegreeCentralizationOf } from '../network/centralization.js';
import { gini } from '../leadership/distribution.js';

export interface SchoolBreakdownRow {
  school: string;
  people: number;
  /** Ties among the school's own people (pooled over domains: one per ordered pair). */
  ties: number;
  /** People of the school who answered the survey; null when respondents are unknown. */
  respondents: number | null;
  responseRate: number | null;
  /** The school's own network, as a single-school analysis defines them (docs/metrics.md). */
  density: number | null;
  inDegreeCentralization: number | null;
  gini: number | null;
  /** Share of the school's staff's nominations (pooled arcs) that go to people of other schools; null when they send none. */
  externalShare: number | null;
  /** E-I index of the school as a group of the district network: (external − internal) / (external + internal) out-arcs. */
  eiIndex: number | null;
  /** People who lead at least one domain within their school (the rule of "who leads what"). */
  leaders: number;
}

/** The school of a person, trimmed; "" when the roster leaves it empty. */
export function schoolOf(p: Person): string {
  return (p.school ?? '').trim();
}

/**
 * Whether a value of the roster's `school` column names the district's own staff rather than a school:
 * "District Office", "Central Office", "District Administration", "Board Office", "Superintendent's
 * Office" and the like. Such staff belong to the district network (they name and are named, and can
 * be cross-school leaders) but are not a school: no row of the school comparison, no school section.
 */
export function isDistrictLevel(unit: string): boolean {
  return /\b(district|central|county|board|superintendent'?s?)\s+(office|administration|services|staff)\b/i.test(unit.trim());
}

/** The distinct non-empty values of the roster's `school` column (schools and district-level units), in natural order. */
export function unitsOf(dataset: Pick<Dataset, 'people'>): string[] {
  return [...new Set(dataset.people.map(schoolOf).filter((s) => s !== ''))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
}

/** The distinct schools of a roster, in natural order: the `school` column's values that are not district-level (isDistrictLevel). */
export function schoolsOf(dataset: Pick<Dataset, 'people'>): string[] {
  return unitsOf(dataset).filter((u) => !isDistrictLevel(u));
}

/** Staff of each unit of the roster's `school` column (schools and district-level units), in natural order. */
export function unitSizes(dataset: Dataset): Array<[string, number]> {
  const n = new Map<string, number>();
  for (const p of dataset.people) {
    const u = schoolOf(p);
    if (u !== '') n.set(u, (n.get(u) ?? 0) + 1);
  }
  return unitsOf(dataset).map((u) => [u, n.get(u)!]);
}

/** The district-level units of a roster (isDistrictLevel) with their staff, in natural order. */
export function districtLevelUnits(dataset: Pick<Dataset, 'people'>): Array<{ unit: string; people: number }> {
  return unitsOf(dataset)
    .filter(isDistrictLevel)
    .map((unit) => ({ unit, people: dataset.people.filter((p) => schoolOf(p) === unit).length }));
}

/** A district dataset: two or more schools on the roster (district-level units not counted). */
export function isDistrict(dataset: Pick<Dataset, 'people'>): boolean {
  return schoolsOf(dataset).length >= 2;
}

/** The part of a dataset that belongs to one school: its people, the ties among them, its respondents. */
export function schoolDataset(dataset: Dataset, school: string): Dataset {
  const people = dataset.people.filter((p) => schoolOf(p) === school);
  const ids = new Set(people.map((p) => p.id));
  const ties = dataset.ties.filter((t) => ids.has(t.source) && ids.has(t.target));
  const domains = [...new Set(ties.map((t) => t.domain))].sort();
  return {
    people,
    ties,
    relations: dataset.relations,
    domains,
    respondents: dataset.respondents === null ? null : dataset.respondents.filter((id) => ids.has(id)),
    wave: dataset.wave,
  };
}

/**
 * One row per school of a district dataset ([] when the roster names fewer than two schools);
 * district-level units (isDistrictLevel) get no row, but their staff count in every school's
 * externalShare and E-I as people outside it.
 * density, centralization, Gini and leaders are those analyzeLeadership gives on the school's own
 * dataset (all domains pooled), so a school's row equals what `leadmap analyze` prints for that school alone.
 * externalShare and eiIndex come from the district network's out-arcs grouped by school (E-I:
 * Krackhardt & Stern 1988, the one eiIndex of src/metrics/group). O(D (n + m) + Σ_s n_s log n_s) for D domains.
 */
export function schoolBreakdown(dataset: Dataset, options: Partial<AnalyticsOptions> = {}): SchoolBreakdownRow[] {
  if (schoolsOf(dataset).length < 2) return [];
  return schoolBreakdownOn(leadershipInput(dataset, options.relation), options);
}

/**
 * schoolBreakdown on prepared graphs (LeadershipInput: per-domain graphs then the pooled one, every graph
 * with the same nodes, in people order), as the large-file path has them. A school's graphs are the
 * subgraphs induced by its people (in roster order): the pooled one and the domains with a tie among them.
 * Only what the row shows is computed, from in-degrees counted in one pass over each graph for all
 * schools: ties, density (senders = the school's respondents when known), in-degree centralization,
 * Gini of in-degree (analyzeDomain's definitions) and the people who lead at least one domain
 * (leaderIds: whoLeads's rule per domain; the pooled graph's leaders when no domain has a tie).
 */
export function schoolBreakdownOn(input: LeadershipInput, options: Partial<AnalyticsOptions> = {}): SchoolBreakdownRow[] {
  const schools = schoolsOf(input);
  if (schools.length < 2) return [];
  const district = input.graphs[input.graphs.length - 1]!.ig;
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const ei = eiIndex(district, (id) => schoolOf(byId.get(id)!) || '(none)', { permutations: 0, minGroupSize: 1 });
  const eiOf = new Map(ei.groups.map((g) => [g.group, g]));
  const leaderRule = { ...ANALYTICS_DEFAULTS.leaderRule, ...options.leaderRule };
  const giniCorrection = options.giniCorrection ?? ANALYTICS_DEFAULTS.giniCorrection;
  const answered = input.respondents === null ? null : new Set(input.respondents);

  // Each node's school (-1: none, or a district-level unit) and each school's nodes in people order.
  const schoolIndex = new Map(schools.map((s, i) => [s, i]));
  const schoolAt = new Int32Array(district.n).fill(-1);
  const members: number[][] = schools.map(() => []);
  for (const p of input.people) {
    const s = schoolIndex.get(schoolOf(p));
    if (s === undefined) continue;
    const v = district.index.get(p.id)!;
    schoolAt[v] = s;
    members[s]!.push(v);
  }
  // Respondents listed per school (the row's count), as the school's own dataset lists them.
  const listed = new Float64Array(schools.length);
  for (const id of input.respondents ?? []) {
    const v = district.index.get(id);
    if (v !== undefined && schoolAt[v]! >= 0) listed[schoolAt[v]!]!++;
  }
  // Per graph: in-degree of each node within its school's induced subgraph, and the arcs inside each school.
  const inDegree = new Float64Array(district.n);
  const perGraph = input.graphs.map((g) => {
    const ig = g.ig;
    inDegree.fill(0);
    const arcs = new Float64Array(schools.length);
    for (let v = 0; v < ig.n; v++) {
      const s = schoolAt[v]!;
      if (s < 0) continue;
      for (let e = ig.outOffsets[v]!; e < ig.outOffsets[v + 1]!; e++) {
        const t = ig.outTargets[e]!;
        if (schoolAt[t] !== s) continue;
        inDegree[t]!++;
        arcs[s]!++;
      }
    }
    const local = members.map((vs) => Float64Array.from(vs, (v) => inDegree[v]!));
    return { domain: g.domain, arcs, local };
  });
  const pooled = perGraph[perGraph.length - 1]!;

  return schools.map((school, s) => {
    const vs = members[s]!;
    const ids = vs.map((v) => district.ids[v]!);
    const n = vs.length;
    const m = pooled.arcs[s]!;
    const inDeg = pooled.local[s]!;
    const respondents = answered === null ? null : listed[s]!;
    const senders = answered === null ? n : ids.filter((id) => answered.has(id)).length;
    const domains = perGraph.filter((g) => g.domain !== ANY_DOMAIN && g.arcs[s]! > 0);
    const leaders = new Set((domains.length > 0 ? domains : [pooled]).flatMap((g) => leaderIdsOf(ids, g.local[s]!, leaderRule)));
    const g = eiOf.get(school);
    const sent = g && g.internal !== null && g.external !== null ? g.internal + g.external : 0;
    return {
      school,
      people: n,
      ties: m,
      respondents,
      responseRate: respondents === null || n === 0 ? null : respondents / n,
      density: densityOf(m, n, senders),
      inDegreeCentralization: inDegreeCentralizationOf(inDeg),
      gini: gini(inDeg, { correction: giniCorrection }).value,
      externalShare: sent > 0 ? g!.external! / sent : null,
      eiIndex: sent > 0 ? g!.ei : null,
      leaders: leaders.size,
    };
  });
}
