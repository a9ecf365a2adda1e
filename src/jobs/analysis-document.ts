import { fastCoreMetrics, type FastCoreMetrics } from '../fastpath/core.js';
import { buildGraph } from '../graph/build-graph.js';
import { toCsr } from '../graph/csr.js';
import type { OrgGraph } from '../graph/org-graph.js';
import { analyzeLeadership, type LeadershipAnalysis } from '../metrics/analytics.js';
import { coreMetrics, type CoreMetrics } from '../metrics/core.js';
import { crossSchoolLeaders } from '../metrics/district/cross-school-leaders.js';
import { districtLevelUnits, isDistrict, schoolBreakdown } from '../metrics/district/schools.js';
import type { FormalRoleRule } from '../model/formal-roles.js';
import type { Dataset } from '../model/types.js';

/** Networks at least this large use the fast kernels (worker threads, bit-parallel BFS): same definitions, same numbers to ~1e-11. */
export const FAST_KERNELS_MIN_PEOPLE = 2000;

export interface AnalysisOptions {
  relation?: string;
  domain?: string;
  /** Grouping for silos and brokers (default department; school when the roster names several schools). */
  groupBy?: string;
  formalRoles?: readonly FormalRoleRule[];
  /** Exact betweenness even above 5,000 people. */
  exact?: boolean;
}

/** What `leadmap analyze` computes for one dataset (before the optional sections read from other files). */
export interface DatasetAnalysis {
  graph: OrgGraph;
  core: CoreMetrics | FastCoreMetrics;
  leadership: LeadershipAnalysis;
  /** Per school and cross-school leaders, when the roster names several schools; else null. */
  district: {
    schools: ReturnType<typeof schoolBreakdown>;
    crossSchoolLeaders: ReturnType<typeof crossSchoolLeaders>;
    districtLevel: ReturnType<typeof districtLevelUnits>;
  } | null;
  selection: { relation: string; domain: string; wave: string | null };
}

/**
 * The one analysis of a dataset that `leadmap analyze` prints and `leadmap batch` writes per school: core
 * network measures (coreMetrics below FAST_KERNELS_MIN_PEOPLE people, the fast kernels from there, with
 * betweenness approximate above 5,000 people and closeness above 20,000 unless `exact`), the leadership analysis, and the district
 * breakdown when the roster names several schools.
 */
export async function analyzeDataset(dataset: Dataset, o: AnalysisOptions = {}): Promise<DatasetAnalysis> {
  const graph = buildGraph(dataset, { relation: o.relation, domain: o.domain });
  const relation = graph.getAttribute('relation');
  const core = await coreMeasures(graph, o.exact === true);
  const district = isDistrict(dataset);
  const leadership = analyzeLeadership(dataset, {
    relation,
    groupBy: o.groupBy ?? (district ? 'school' : 'department'),
    formalRoles: o.formalRoles,
  });
  return {
    graph,
    core,
    leadership,
    district: district
      ? {
          schools: schoolBreakdown(dataset, { relation, formalRoles: o.formalRoles }),
          crossSchoolLeaders: crossSchoolLeaders(dataset, relation),
          districtLevel: districtLevelUnits(dataset),
        }
      : null,
    selection: { relation, domain: graph.getAttribute('domain'), wave: dataset.wave?.label ?? null },
  };
}

/** The JSON document of `leadmap analyze --json` (without the sections of --people, --activities, --decisions). */
export function analysisDocument(a: DatasetAnalysis): Record<string, unknown> {
  const { selection: _leadershipSelection, ...sections } = a.leadership;
  return {
    network: a.core.network,
    people: a.core.people,
    notes: a.core.notes,
    selection: a.selection,
    ...('betweennessMethod' in a.core ? { betweennessMethod: a.core.betweennessMethod, closenessMethod: a.core.closenessMethod } : {}),
    ...sections,
    ...(a.district
      ? { schools: a.district.schools, crossSchoolLeaders: a.district.crossSchoolLeaders, districtLevel: a.district.districtLevel }
      : {}),
  };
}

async function coreMeasures(graph: OrgGraph, exact: boolean): Promise<CoreMetrics | FastCoreMetrics> {
  if (graph.order < FAST_KERNELS_MIN_PEOPLE) return coreMetrics(graph);
  const { timingsMs: _timings, ...rest } = await fastCoreMetrics(toCsr(graph), { exact });
  return rest;
}
