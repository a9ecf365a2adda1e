import { statSync } from 'node:fs';
import { ANY_DOMAIN, type Person, type Problem } from '../model/types.js';
import { blankPerson } from '../model/blank-person.js';
import type { FormalRoleRule } from '../model/formal-roles.js';
import { readRoster } from '../ingest/roster.js';
import { analyzeLeadershipOn, type LeadershipAnalysis } from '../metrics/analytics.js';
import { districtLevelUnits, isDistrict, schoolBreakdownOn, type SchoolBreakdownRow } from '../metrics/district/schools.js';
import { crossSchoolLeadersOn, type CrossSchoolLeader } from '../metrics/district/cross-school-leaders.js';
import { fastCoreMetrics, type FastCoreMetrics, type FastCoreOptions } from './core.js';
import { readTiesCsr, type FastTiesOptions, type FastTiesStats } from './ingest-ties.js';

/**
 * Tie files at least this large (bytes; ~400,000 tie rows) are analysed on the fast path end to end:
 * streamed straight into typed arrays, never into graphology objects or Tie rows.
 */
export const FAST_PATH_MIN_BYTES = 16 * 1024 * 1024;

/** True when `leadmap analyze` should take the fast path for this tie file. */
export function shouldUseFastPath(tiesPath: string): boolean {
  return statSync(tiesPath).size >= FAST_PATH_MIN_BYTES;
}

export type LargeAnalyzeOptions = FastTiesOptions &
  FastCoreOptions & {
    /** Also compute the leadership analytics sections (analyzeLeadership's, from the typed arrays). */
    sections?: boolean;
    /** Grouping for silos and brokers (default: department; school when the roster names several schools). */
    groupBy?: string;
    formalRoles?: readonly FormalRoleRule[];
  };

export type LargeAnalyzeResult =
  | {
      ok: true;
      metrics: FastCoreMetrics;
      /** The analytics sections, when asked for. */
      leadership: LeadershipAnalysis | null;
      /** Per school, cross-school leaders and district-level units, with the sections, when the roster names several schools. */
      district: {
        schools: SchoolBreakdownRow[];
        crossSchoolLeaders: CrossSchoolLeader[];
        districtLevel: Array<{ unit: string; people: number }>;
      } | null;
      stats: FastTiesStats;
      problems: Problem[];
      timings: Record<string, number>;
    }
  | { ok: false; problems: Problem[] };

/**
 * Analyses a large tie file: stream → CSR (ids interned from bytes) → fastCoreMetrics, and with
 * `sections` the leadership analytics (analyzeLeadershipOn) on per-domain graphs built in the same pass.
 * Same selection rules (relation, domain, roster) and metric definitions as the graphology path;
 * betweenness is approximate above APPROX_BETWEENNESS_ABOVE_PEOPLE and closeness above
 * EXACT_CLOSENESS_MAX_PEOPLE unless `exact` (the result says so).
 */
export async function analyzeLargeTiesFile(path: string, opts: LargeAnalyzeOptions = {}): Promise<LargeAnalyzeResult> {
  const t0 = performance.now();
  // The sections cover every domain (as on the standard path), so they need the all-domain read.
  const pooledRead = opts.sections === true && opts.domain === undefined;
  const read = await readTiesCsr(path, { ...opts, byDomain: pooledRead });
  if (!read.ok) return read;
  const t1 = performance.now();
  const metrics = await fastCoreMetrics(read.graph, opts);
  const t2 = performance.now();
  const timings: Record<string, number> = { ingestMs: t1 - t0, metricsMs: t2 - t1 };
  let leadership: LeadershipAnalysis | null = null;
  let district: Extract<LargeAnalyzeResult, { ok: true }>['district'] = null;
  if (opts.sections === true) {
    const all = pooledRead ? read : await readTiesCsr(path, { ...opts, domain: undefined, byDomain: true });
    if (!all.ok) return all;
    let people: Person[];
    if (opts.roster !== undefined) {
      const r = await readRoster(opts.roster, { signal: opts.signal });
      if (!r.ok) return { ok: false, problems: r.problems };
      people = r.value;
    } else people = all.graph.ids.map((id) => blankPerson(id));
    const wave = all.stats.wave;
    const input = {
      relation: all.stats.relation ?? 'advice',
      people,
      respondents: null,
      wave: wave === null ? null : { id: wave, label: wave, schoolId: '', collectedOn: null },
      graphs: [...all.domainGraphs.map((g) => ({ domain: g.domain, ig: g.graph })), { domain: ANY_DOMAIN, ig: all.graph }],
    };
    const several = isDistrict(input);
    leadership = analyzeLeadershipOn(input, {
      relation: input.relation,
      groupBy: opts.groupBy ?? (several ? 'school' : 'department'),
      formalRoles: opts.formalRoles,
    });
    if (several)
      district = {
        schools: schoolBreakdownOn(input, { relation: input.relation, formalRoles: opts.formalRoles }),
        crossSchoolLeaders: crossSchoolLeadersOn(input),
        districtLevel: districtLevelUnits(input),
      };
    timings.sectionsMs = performance.now() - t2;
  }
  return { ok: true, metrics, leadership, district, stats: read.stats, problems: read.problems, timings };
}
