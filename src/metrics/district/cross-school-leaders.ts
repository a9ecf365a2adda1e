/**
 * Cross-school leaders of a district: people whom colleagues in other schools seek out. A teacher
 * leader named by 31 colleagues across the district is the district's leader whatever their own
 * school's network says.
 */
import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { resolveRelation } from '../../graph/build-graph.js';
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
  const rel = resolveRelation(dataset, relation);
  const byId = new Map(dataset.people.map((p) => [p.id, p]));
  const seen = new Map<string, { sources: Set<string>; schools: Set<string>; domains: Map<string, Set<string>> }>();
  for (const t of dataset.ties) {
    if (t.relation !== rel || t.source === t.target) continue;
    const s = byId.get(t.source);
    const d = byId.get(t.target);
    if (!s || !d) continue;
    const from = schoolOf(s);
    const to = schoolOf(d);
    // District-level staff (schools.ts isDistrictLevel) are not a school: their nominations are not from
    // another school, but they are in none, so every school naming them is another school.
    if (from === '' || to === '' || from === to || isDistrictLevel(from)) continue;
    let e = seen.get(d.id);
    if (!e) seen.set(d.id, (e = { sources: new Set(), schools: new Set(), domains: new Map() }));
    e.sources.add(s.id);
    e.schools.add(from);
    if (t.domain !== ANY_DOMAIN) {
      let ds = e.domains.get(t.domain);
      if (!ds) e.domains.set(t.domain, (ds = new Set()));
      ds.add(s.id);
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
