import { districtBenchmarks, type Benchmark, type DistrictAnalysis } from '../metrics/district/district.js';
import type { SchoolBreakdownRow } from '../metrics/district/schools.js';
import type { SchoolChange } from '../metrics/district/school-change.js';
import { holdsFormalRoleIn } from '../model/formal-roles.js';
import type { Person } from '../model/types.js';
import { KAnonymity } from './k-anonymity.js';
import { compareLabels } from './order.js';
import type { Disclosure, PrivacyPolicy } from './policy.js';
import { departmentSizes } from './present-leadership.js';
import type { Pseudonyms } from './pseudonym.js';
import { groupLabelFor, hiddenGroups, suppressBlocks, suppressGroups } from './suppress.js';

/** A school's row as shown: every statistic null when the school is suppressed. */
export type ShownSchool = { school: string; suppressed: boolean } & {
  [K in Exclude<keyof SchoolBreakdownRow, 'school'>]: SchoolBreakdownRow[K] | null;
};

export interface ShownCrossSchoolLeader {
  /** Roster id (named) or the wave's pseudonym. */
  id: string;
  name: string;
  /** The person's school; pseudonymised: null unless at least k staff share everything printed about them with it. */
  school: string | null;
  schoolsNaming: number;
  nominationsFromOtherSchools: number;
  domains: string[];
}

export interface DistrictView {
  relation: string;
  minGroupSize: number;
  /** Schools in natural order; the complementary hidden set of src/privacy/suppress.ts is suppressed. */
  schools: ShownSchool[];
  /** Each indicator's district median and range over the schools shown (suppressed schools never enter them). */
  benchmarks: Benchmark[];
  /** School-by-school nominations; a block touching a suppressed school has ties null. */
  matrix: Array<{ from: string; to: string; ties: number | null; suppressed: boolean }>;
  crossSchoolLeaders: ShownCrossSchoolLeader[];
  /**
   * The district's own staff (units that are not schools: metrics/district/schools.ts isDistrictLevel):
   * never a school row; `people` null when the unit is hidden by the minimum group size rule.
   */
  districtLevel: Array<{ unit: string; people: number | null; suppressed: boolean }>;
  /**
   * Each school's change since the previous wave with its interval and verdict (metrics/district/
   * school-change.ts), or null without a previous wave: only schools shown in this wave and not hidden
   * by the minimum group size in the previous one.
   */
  changes: { previous: string; schools: SchoolChange[] } | null;
}

/** The previous wave's school changes and its units' staff counts (schools and district-level units). */
export interface DistrictChangesInput {
  previous: string;
  schools: SchoolChange[];
  unitSizesBefore: Array<[string, number]>;
}

/**
 * Passes the district view (src/metrics/district/district.ts) through the privacy rules.
 *
 * Every disclosure: schools — and district-level units (the district office), which have no school
 * row — smaller than the minimum group size are suppressed with complementary suppression (the next
 * smallest schools join them until the hidden ones are at least two and hold at least k people
 * together), in the school rows and in every matrix block touching them, so no hidden unit's count
 * follows from the wave's totals; the median and range use shown schools only.
 *
 * Pseudonymised (viewers, anonymised exports): cross-school leaders carry the wave's pseudonym, and
 * their school only when at least k staff share the combination a viewer can see beside that
 * pseudonym across the wave's views — the department label the leadership views print
 * (src/privacy/present-leadership.ts), whether the person holds a formal role in each domain (what
 * the nominal and hidden leader lists can imply), and the school label (hidden schools merged into
 * "(small group)") (k-anonymity: Sweeney 2002, src/privacy/k-anonymity.ts). The list is ordered by
 * what it shows, then by pseudonym (src/privacy/order.ts).
 */
export function presentDistrict(
  d: DistrictAnalysis,
  people: readonly Person[],
  domains: readonly string[],
  ctx: {
    disclosure: Disclosure;
    policy: PrivacyPolicy;
    pseudonyms: Pseudonyms;
    formalIn?: (p: Person, domain: string) => boolean;
    changes?: DistrictChangesInput | null;
  },
): DistrictView {
  const min = ctx.policy.minGroupSize;
  // District-level units take part in the hidden set: a small district office is recoverable from the
  // wave's totals minus the school rows, so it is hidden with the next smallest school like a small school.
  const hidden = hiddenGroups(
    new Map([
      ...d.schools.map((s): [string, number] => [s.school, s.people]),
      ...d.districtLevel.map((u): [string, number] => [u.unit, u.people]),
    ]),
    min,
  );
  const districtLevel = d.districtLevel.map((u) =>
    hidden.has(u.unit) ? { unit: u.unit, people: null, suppressed: true } : { unit: u.unit, people: u.people, suppressed: false },
  );
  const schools: ShownSchool[] = suppressGroups(
    d.schools.map(({ school, people: size, ...rest }) => ({ group: school, size, ...rest })),
    min,
    hidden,
  ).map(({ group, size, ...rest }) => ({ school: group, people: size, ...rest }));
  const benchmarks = districtBenchmarks(schools.filter((s) => !s.suppressed));
  const matrix = suppressBlocks(d.matrix, hidden);
  const hiddenBefore = ctx.changes ? hiddenGroups(new Map(ctx.changes.unitSizesBefore), min) : new Set<string>();
  const changes = ctx.changes
    ? {
        previous: ctx.changes.previous,
        schools: ctx.changes.schools
          .filter((c) => !hidden.has(c.school) && !hiddenBefore.has(c.school))
          .map((c) => ({ school: c.school, indicators: c.indicators.map((i) => ({ ...i })) })),
      }
    : null;
  const base = { relation: d.relation, minGroupSize: min, schools, benchmarks, matrix, districtLevel, changes };
  if (ctx.disclosure === 'named')
    return { ...base, crossSchoolLeaders: d.crossSchoolLeaders.map((l) => ({ ...l, domains: [...l.domains] })) };

  const byId = new Map(people.map((p) => [p.id, p]));
  const deptHidden = hiddenGroups(departmentSizes(people), min);
  const deptLabel = (p: Person): string => groupLabelFor(p.department.trim() || '(none)', deptHidden);
  const schoolLabel = (p: Person): string => groupLabelFor((p.school ?? '').trim(), hidden);
  const formalIn = ctx.formalIn ?? ((p: Person, domain: string) => holdsFormalRoleIn(p, domain));
  const k = new KAnonymity(people, deptLabel, min);
  const leaders = d.crossSchoolLeaders.map((l) => {
    const me = byId.get(l.id)!;
    const mine = schoolLabel(me);
    const profile = domains.map((dom) => formalIn(me, dom));
    const shared = k.admit(l.id, (p) => schoolLabel(p) === mine && domains.every((dom, i) => formalIn(p, dom) === profile[i]));
    const label = ctx.pseudonyms.label(l.id);
    return {
      id: label,
      name: label,
      school: shared ? mine : null,
      schoolsNaming: l.schoolsNaming,
      nominationsFromOtherSchools: l.nominationsFromOtherSchools,
      domains: [...l.domains],
    };
  });
  leaders.sort(
    (a, b) =>
      b.nominationsFromOtherSchools - a.nominationsFromOtherSchools || b.schoolsNaming - a.schoolsNaming || compareLabels(a.id, b.id),
  );
  return { ...base, crossSchoolLeaders: leaders };
}
