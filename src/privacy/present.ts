import type { RawAnalysis } from '../metrics/wave-analysis.js';
import type { Disclosure, PrivacyPolicy } from './policy.js';
import type { Pseudonyms } from './pseudonym.js';
import { byLabel, bySeeker, compareLabels as cmp } from './order.js';
import { groupLabelFor, hiddenGroups, suppressBlocks, suppressGroups, type Suppressed } from './suppress.js';

export interface PresentContext {
  disclosure: Disclosure;
  policy: PrivacyPolicy;
  pseudonyms: Pseudonyms;
}

type PersonOut = RawAnalysis['people'][number];
type LeaderOut = RawAnalysis['whoLeads'][number]['leaders'][number];

/** What the API, web app and exports may show of an analysis. */
export interface PublicAnalysis {
  disclosure: Disclosure;
  minGroupSize: number;
  waveId: string;
  relation: string;
  domain: string;
  relations: string[];
  domains: string[];
  district: boolean;
  network: RawAnalysis['network'];
  notes: RawAnalysis['notes'];
  /** Named: roster id, name, role, department. Pseudonymised: id = name = "P-…" label, role empty, small departments merged. */
  people: PersonOut[];
  departments: Array<Suppressed<RawAnalysis['departments'][number]>>;
  mixing: Array<{ from: string; to: string; ties: number | null; suppressed: boolean }>;
  whoLeads: Array<{ domain: string; leaders: LeaderOut[] }>;
  ei: RawAnalysis['ei'] | { value: null; internal: null; external: null; suppressed: true };
  edges: RawAnalysis['edges'];
}

/**
 * The one gate between computed results and any output. Applies, for every
 * account and every format: minimum group size on group statistics (with
 * complementary suppression, src/privacy/suppress.ts), and — for viewers and
 * anonymised exports — pseudonymous labels instead of ids and names, no
 * roles, no roster facts, hidden departments merged into one label of at least k people, and
 * every list (people, edges, isolates, leaders) ordered by what it shows and
 * then by pseudonym, so roster and tie-file order leak nothing.
 */
export function presentAnalysis(raw: RawAnalysis, ctx: PresentContext): PublicAnalysis {
  const min = ctx.policy.minGroupSize;
  const sizes = new Map(raw.departments.map((d) => [d.group, d.size]));
  const hidden = hiddenGroups(sizes, min);
  const named = ctx.disclosure === 'named';
  const key = (id: string): string => (named ? id : ctx.pseudonyms.label(id));
  const dept = (d: string): string => (named ? d : groupLabelFor(d || '(none)', hidden));
  const byKey = <T extends { id: string }>(rows: T[]): T[] => (named ? rows : byLabel(rows, (r) => r.id));

  // Pseudonymised: no roster facts at all (team, start year, extra columns are quasi-identifiers).
  const people = byKey(
    raw.people.map((p) => {
      if (named) return p;
      const { roster: _roster, ...rest } = p;
      void _roster;
      return { ...rest, id: key(p.id), name: key(p.id), role: '', department: dept(p.department) };
    }),
  );
  const whoLeads = raw.whoLeads.map((d) => ({
    domain: d.domain,
    leaders: named
      ? d.leaders
      : bySeeker(d.leaders.map((l) => ({ ...l, id: key(l.id), name: key(l.id), role: '', department: dept(l.department) }))),
  }));
  const edges = raw.edges.map((e) => ({ source: key(e.source), target: key(e.target), weight: e.weight }));
  if (!named) edges.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target));
  const wholeTooSmall = raw.network.people < min;
  return {
    disclosure: ctx.disclosure,
    minGroupSize: min,
    waveId: raw.waveId,
    relation: raw.relation,
    domain: raw.domain,
    relations: raw.relations,
    domains: raw.domains,
    district: raw.district,
    network: { ...raw.network, isolateIds: named ? raw.network.isolateIds : raw.network.isolateIds.map(key).sort(cmp) },
    notes: raw.notes,
    people,
    departments: suppressGroups(raw.departments, min, hidden),
    mixing: suppressBlocks(raw.mixing, hidden),
    whoLeads,
    ei: wholeTooSmall ? { value: null, internal: null, external: null, suppressed: true } : raw.ei,
    edges,
  };
}
