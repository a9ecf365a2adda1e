/**
 * District datasets: a roster whose `school` column names two or more schools. Each school is
 * measured as if it had been analysed alone (its own people, the ties among them, its own
 * respondents), with the same definitions as a single-school analysis, plus how much of its staff's
 * advice-seeking leaves the school.
 */
import { ANY_DOMAIN, type Dataset, type Person } from '../../model/types.js';
import { analyzeLeadershipOn, leadershipInput, type AnalyticsOptions, type LeadershipInput } from '../analytics.js';
import { inducedCsr } from '../../graph/csr-builder.js';
import { eiIndex } from '../group/ei-index.js';
import { leaderIds } from '../leadership/leader-sets.js';

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
 * density, centralization, Gini and leaders come from analyzeLeadership on the school's own dataset
 * (all domains pooled), so a school's row equals what `leadmap analyze` prints for that school alone.
 * externalShare and eiIndex come from the district network's out-arcs grouped by school (E-I:
 * Krackhardt & Stern 1988, the one eiIndex of src/metrics/group). O(S · analysis of one school + n + m).
 */
export function schoolBreakdown(dataset: Dataset, options: Partial<AnalyticsOptions> = {}): SchoolBreakdownRow[] {
  if (schoolsOf(dataset).length < 2) return [];
  return schoolBreakdownOn(leadershipInput(dataset, options.relation), options);
}

/**
 * schoolBreakdown on prepared graphs (LeadershipInput: per-domain graphs then the pooled one, nodes in
 * people order), as the large-file path has them: each school's graphs are the subgraphs induced by its
 * people, the domains with a tie among them and the pooled graph.
 */
export function schoolBreakdownOn(input: LeadershipInput, options: Partial<AnalyticsOptions> = {}): SchoolBreakdownRow[] {
  const schools = schoolsOf(input);
  if (schools.length < 2) return [];
  const relation = input.relation;
  const district = input.graphs[input.graphs.length - 1]!.ig;
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const ei = eiIndex(district, (id) => schoolOf(byId.get(id)!) || '(none)', { permutations: 0, minGroupSize: 1 });
  const eiOf = new Map(ei.groups.map((g) => [g.group, g]));
  return schools.map((school) => {
    const people = input.people.filter((p) => schoolOf(p) === school);
    const ids = new Set(people.map((p) => p.id));
    const keep = people.map((p) => district.index.get(p.id)!);
    const sub: LeadershipInput = {
      relation,
      people,
      respondents: input.respondents === null ? null : input.respondents.filter((id) => ids.has(id)),
      wave: input.wave,
      graphs: input.graphs
        .map((g) => ({ domain: g.domain, ig: inducedCsr(g.ig, keep) }))
        .filter((g) => g.domain === ANY_DOMAIN || g.ig.m > 0),
    };
    const a = sub.people.length > 0 ? analyzeLeadershipOn(sub, { ...options, relation, permutations: 0 }) : null;
    const pooled = a?.distribution.byDomain.find((d) => d.domain === ANY_DOMAIN) ?? null;
    const g = eiOf.get(school);
    const sent = g && g.internal !== null && g.external !== null ? g.internal + g.external : 0;
    const respondents = sub.respondents === null ? null : sub.respondents.length;
    return {
      school,
      people: sub.people.length,
      ties: pooled?.ties ?? 0,
      respondents,
      responseRate: respondents === null || sub.people.length === 0 ? null : respondents / sub.people.length,
      density: pooled ? pooled.density : null,
      inDegreeCentralization: pooled ? pooled.centralization.value : null,
      gini: pooled ? pooled.gini.value : null,
      externalShare: sent > 0 ? g!.external! / sent : null,
      eiIndex: sent > 0 ? g!.ei : null,
      leaders: a ? leaderIds(a).length : 0,
    };
  });
}
