/**
 * The district view of a wave: each school's row (schools.ts), the school-by-school matrix of
 * nominations, and the people colleagues of other schools seek out (cross-school-leaders.ts), for
 * one relation with every domain pooled.
 */
import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { LeadmapError } from '../../model/errors.js';
import { buildGraph, resolveRelation } from '../../graph/build-graph.js';
import { toCsr } from '../../graph/csr.js';
import type { AnalyticsOptions } from '../analytics.js';
import { mixingMatrix } from '../group/mixing.js';
import { median } from '../leadership/value.js';
import { crossSchoolLeaders, type CrossSchoolLeader } from './cross-school-leaders.js';
import { districtLevelUnits, isDistrict, schoolBreakdown, schoolOf, schoolsOf, type SchoolBreakdownRow } from './schools.js';

/** Nominations (pooled arcs) from people of school `from` to people of school `to`; from === to is the school's own ties. */
export interface SchoolBlock {
  from: string;
  to: string;
  ties: number;
}

export interface DistrictAnalysis {
  relation: string;
  schools: SchoolBreakdownRow[];
  /** Every ordered pair of schools (schools in natural order, `from` major). People without a school, and district-level staff, are left out. */
  matrix: SchoolBlock[];
  crossSchoolLeaders: CrossSchoolLeader[];
  /** Roster units that are the district's own staff, not schools (schools.ts isDistrictLevel), with their staff. */
  districtLevel: Array<{ unit: string; people: number }>;
}

/** The indicators of a school row that are compared across schools, in the order they are shown. */
export const DISTRICT_INDICATORS = [
  'people',
  'ties',
  'responseRate',
  'density',
  'inDegreeCentralization',
  'gini',
  'externalShare',
  'eiIndex',
  'leaders',
] as const satisfies ReadonlyArray<keyof SchoolBreakdownRow>;
export type DistrictIndicator = (typeof DISTRICT_INDICATORS)[number];

/** An indicator's district median and range over the schools given (null when no school has a value). */
export interface Benchmark {
  indicator: DistrictIndicator;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Schools whose value entered the median. */
  schools: number;
}

/**
 * The district view of a dataset whose roster names two or more schools; NOT_A_DISTRICT otherwise.
 * O(S · analysis of one school + n + m + S²).
 */
export function analyzeDistrict(dataset: Dataset, options: Partial<AnalyticsOptions> = {}): DistrictAnalysis {
  if (!isDistrict(dataset))
    throw new LeadmapError(
      'NOT_A_DISTRICT',
      'this wave has one school: the district view needs a roster whose school column names several',
    );
  const relation = resolveRelation(dataset, options.relation);
  const schools = schoolsOf(dataset);
  const byId = new Map(dataset.people.map((p) => [p.id, p]));
  const csr = toCsr(buildGraph(dataset, { relation, domain: ANY_DOMAIN }));
  const mix = mixingMatrix(csr, (id) => schoolOf(byId.get(id)!), { minGroupSize: 1 });
  const ties = new Map(mix.blocks.map((b) => [`${b.from}\u0000${b.to}`, b.ties ?? 0]));
  const matrix: SchoolBlock[] = [];
  for (const from of schools) for (const to of schools) matrix.push({ from, to, ties: ties.get(`${from}\u0000${to}`) ?? 0 });
  return {
    relation,
    schools: schoolBreakdown(dataset, { ...options, relation }),
    matrix,
    crossSchoolLeaders: crossSchoolLeaders(dataset, relation),
    districtLevel: districtLevelUnits(dataset),
  };
}

/** Each indicator's median (mean of the two middle values for an even count) and range over `rows`, nulls left out. */
export function districtBenchmarks(rows: ReadonlyArray<Partial<Record<DistrictIndicator, number | null>>>): Benchmark[] {
  return DISTRICT_INDICATORS.map((indicator) => {
    const values = rows.map((r) => r[indicator]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return {
      indicator,
      median: median(values),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      schools: values.length,
    };
  });
}
