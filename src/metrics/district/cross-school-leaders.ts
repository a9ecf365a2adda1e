/**
 * Cross-school leaders of a district: people whom colleagues in other schools seek out. A teacher
 * leader named by 31 colleagues across the district is the district's leader whatever their own
 * school's network says.
 */
import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { leadershipInput, type LeadershipInput } from '../analytics.js';
import { isDistrictLevel, schoolOf, schoolsOf } from './schools.js';

export interface CrossSchoolLeader {
  id: string;
  name: string;
  school: string;
  /** Other schools at least one of whose people names this person. */
  schoolsNaming: number;
  /** Distinct colleagues in other schools who name this person (any domain of the relation). */
  nominationsFromOtherSchools: number;
  /** Domains in which colleagues of other schools name this person, most named first (ties: alphabetical). */
  domains: string[];
}

/**
 * Everyone named by at least one person of another school, for one relation; most sought-out first
 * (nominationsFromOtherSchools, then schoolsNaming, then id). People with no school on the roster
 * neither count as another school nor appear; district-level staff (the district office) appear when
 * schools name them, and their own nominations come from no school. [] when the roster names fewer than two schools.
 * O(n + m log m).
 */
export function crossSchoolLeaders(dataset: Dataset, relation?: string): CrossSchoolLeader[] {
  if (schoolsOf(dataset).length < 2) return [];
  return crossSchoolLeadersOn(leadershipInput(dataset, relation));
}

/** crossSchoolLeaders on prepared graphs (LeadershipInput: per-domain graphs, then the pooled one), as the large-file path has them. */
export function crossSchoolLeadersOn(input: LeadershipInput): CrossSchoolLeader[] {
  if (schoolsOf(input).length < 2) return [];
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const seen = new Map<string, { sources: Set<string>; schools: Set<string>; domains: Map<string, Set<string>> }>();
  const pooled = input.graphs[input.graphs.length - 1]!;
  for (const { domain, ig } of [pooled, ...input.graphs.slice(0, -1)]) {
    const real = domain !== ANY_DOMAIN;
    for (let i = 0; i < ig.n; i++) {
      const s = byId.get(ig.ids[i]!);
      if (!s) continue;
      const from = schoolOf(s);
      // District-level staff (schools.ts isDistrictLevel) are not a school: their nominations are not from
      // another school, but they are in none, so every school naming them is another school.
      if (from === '' || isDistrictLevel(from)) continue;
      for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) {
        const d = byId.get(ig.ids[ig.outTargets[k]!]!);
        if (!d) continue;
        const to = schoolOf(d);
        if (to === '' || from === to) continue;
        let e = seen.get(d.id);
        if (!e) seen.set(d.id, (e = { sources: new Set(), schools: new Set(), domains: new Map() }));
        if (!real) {
          e.sources.add(s.id);
          e.schools.add(from);
          continue;
        }
        let ds = e.domains.get(domain);
        if (!ds) e.domains.set(domain, (ds = new Set()));
        ds.add(s.id);
      }
    }
  }
  return [...seen]
    .map(([id, e]) => ({
      id,
      name: byId.get(id)!.name,
      school: schoolOf(byId.get(id)!),
      schoolsNaming: e.schools.size,
      nominationsFromOtherSchools: e.sources.size,
      domains: [...e.domains].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([d]) => d),
    }))
    .sort(
      (a, b) =>
        b.nominationsFromOtherSchools - a.nominationsFromOtherSchools ||
        b.schoolsNaming - a.schoolsNaming ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
