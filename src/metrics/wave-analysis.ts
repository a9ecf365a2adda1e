import { createHash } from 'node:crypto';
import { isDistrict } from './district/schools.js';
import { buildGraph, resolveDomain, resolveRelation } from '../graph/build-graph.js';
import { coreMetrics, type MetricNote, type NetworkMetrics, type PersonMetrics } from './core.js';
import { eiIndex } from './group/ei-index.js';
import { mixingMatrix } from './group/mixing.js';
import { toCsr } from '../graph/csr.js';
import { whoLeads } from './leadership/who-leads.js';
import { ANY_DOMAIN, type AttributeValue, type Dataset, type Person } from '../model/types.js';

/** Bump when the shape or the numbers of RawAnalysis change: old cache entries are then ignored. */
export const ANALYSIS_VERSION = 5;

/**
 * What the roster says about a person besides name, role and department, for filtering the network view:
 * team, school, start year, experience, FTE, release time and every extra roster column, keyed by a
 * readable name; empty values left out; never the e-mail. Only the named edition carries it
 * (src/privacy/present.ts drops it: these are quasi-identifiers).
 */
export type RosterFacts = Record<string, Exclude<AttributeValue, null>>;
export type PersonRow = { id: string; name: string; role: string; department: string; roster?: RosterFacts } & Omit<PersonMetrics, 'id'>;

/** The roster facts of one person (see RosterFacts). */
export function rosterFacts(p: Person): RosterFacts {
  const facts: Record<string, AttributeValue> = {
    team: p.team,
    school: p.school,
    'start year': p.startYear,
    'years of experience': p.yearsExperience,
    FTE: p.fte,
    'release time': p.releaseTime,
    ...p.attributes,
  };
  const out: RosterFacts = {};
  for (const [k, v] of Object.entries(facts)) if (v !== null && v !== '' && !/^e-?mail$/i.test(k)) out[k] = v;
  return out;
}
export interface DepartmentRow {
  group: string;
  size: number;
  respondents: number | null;
  responseRate: number | null;
  internal: number;
  external: number;
  ei: number | null;
}
export interface WhoLeadsDomain {
  domain: string;
  leaders: Array<{
    id: string;
    name: string;
    role: string;
    department: string;
    inDegree: number;
    inStrength: number;
    rank: number;
    leader: boolean;
  }>;
}

/**
 * Everything computed for one (wave, relation, domain), identifiable and
 * unsuppressed. Never served as is: src/privacy/present.ts turns it into what
 * an account may see. Plain JSON (cached in the store by input hash).
 */
export interface RawAnalysis {
  version: number;
  waveId: string;
  relation: string;
  domain: string;
  relations: string[];
  domains: string[];
  /** The roster names several schools: the wave has a district view (src/metrics/district/district.ts). */
  district: boolean;
  network: NetworkMetrics;
  notes: MetricNote[];
  people: PersonRow[];
  departments: DepartmentRow[];
  mixing: Array<{ from: string; to: string; ties: number }>;
  whoLeads: WhoLeadsDomain[];
  /** Network E-I index over departments (whole-network statistic). */
  ei: { value: number | null; internal: number; external: number };
  /** Ties of the selected graph by person id (for the network view and graph exports). */
  edges: Array<{ source: string; target: string; weight: number }>;
}

export function analysisKey(dataHash: string, relation: string, domain: string): string {
  return createHash('sha256')
    .update(JSON.stringify([ANALYSIS_VERSION, dataHash, relation, domain]))
    .digest('hex');
}

/** The selection with its defaults resolved (so "no parameter" and the default's own name are one key). */
export function resolveSelection(
  dataset: Pick<Dataset, 'relations' | 'domains'>,
  relation?: string,
  domain?: string,
): { relation: string; domain: string } {
  return { relation: resolveRelation(dataset, relation), domain: resolveDomain(dataset, domain) };
}

export function computeAnalysis(dataset: Dataset, waveId: string, relation: string, domain: string): RawAnalysis {
  const graph = buildGraph(dataset, { relation, domain });
  const core = coreMetrics(graph);
  const byId = new Map(dataset.people.map((p) => [p.id, p]));
  const people: PersonRow[] = core.people.map(({ id, ...m }) => {
    const p = byId.get(id);
    return {
      id,
      name: p?.name ?? id,
      role: p?.role ?? '',
      department: p?.department ?? '',
      ...(p ? { roster: rosterFacts(p) } : {}),
      ...m,
    };
  });
  const ig = toCsr(graph);
  const deptOf = (id: string): string => byId.get(id)?.department || '(none)';
  const ei = eiIndex(ig, deptOf, { permutations: 0, minGroupSize: 1 });
  const respondents = dataset.respondents ? new Set(dataset.respondents) : null;
  const departments: DepartmentRow[] = ei.groups.map((g) => {
    const members = dataset.people.filter((p) => deptOf(p.id) === g.group);
    const answered = respondents ? members.filter((p) => respondents.has(p.id)).length : null;
    return {
      group: g.group,
      size: g.size,
      respondents: answered,
      responseRate: answered === null || g.size === 0 ? null : answered / g.size,
      internal: g.internal ?? 0,
      external: g.external ?? 0,
      ei: g.ei,
    };
  });
  const mix = mixingMatrix(ig, deptOf, { minGroupSize: 1 });
  const mixing = mix.blocks.map((b) => ({ from: b.from, to: b.to, ties: b.ties ?? 0 }));
  const domains = domain === ANY_DOMAIN ? dataset.domains.filter((d) => d !== ANY_DOMAIN) : [domain];
  const leadsOf = (d: string): WhoLeadsDomain => {
    const g = d === domain ? graph : buildGraph(dataset, { relation, domain: d });
    const r = whoLeads(toCsr(g), (id) => byId.get(id), { domain: d });
    return {
      domain: d,
      leaders: r.soughtOut.slice(0, 10).map((s) => ({
        id: s.id,
        name: s.name,
        role: s.role,
        department: s.department,
        inDegree: s.inDegree,
        inStrength: s.inStrength,
        rank: s.rank,
        leader: s.leader,
      })),
    };
  };
  const whoLeadsRows = (domains.length > 0 ? domains : [domain]).filter((d) => relationHasDomain(dataset, relation, d)).map(leadsOf);
  const edges: RawAnalysis['edges'] = [];
  graph.forEachEdge((_e, a, s, t) => {
    edges.push({ source: s, target: t, weight: a.weight });
  });
  return {
    version: ANALYSIS_VERSION,
    waveId,
    relation,
    domain,
    relations: dataset.relations.map((r) => r.name),
    domains: dataset.domains,
    district: isDistrict(dataset),
    network: core.network,
    notes: core.notes,
    people,
    departments,
    mixing,
    whoLeads: whoLeadsRows,
    ei: { value: ei.ei, internal: ei.internal, external: ei.external },
    edges,
  };
}

function relationHasDomain(dataset: Dataset, relation: string, domain: string): boolean {
  return domain === ANY_DOMAIN || dataset.ties.some((t) => t.relation === relation && t.domain === domain);
}
