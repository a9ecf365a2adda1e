import { ANY_DOMAIN, type Dataset, type Person } from '../../model/types.js';
import { isFormalLeaderRole } from '../../model/formal-roles.js';
import { isAdministratorRole } from '../../model/administrator-roles.js';
import { groupValue } from '../analytics.js';

/** The relation whose frequency-weighted ties measure collaboration. */
export const COLLABORATION_RELATION = 'collaboration';

/**
 * Roster columns read as survey scales (numbers), first present wins. Folded: lower case, no spaces, _ or -.
 * The shipped scales (scales/leadmap-scales.yaml) are among them, so scores that `leadmap compare --people`
 * attaches under a scale's name are read here.
 */
export const SCALE_COLUMNS = {
  participation: [
    'participation',
    'participationindecisionmaking',
    'teacherinfluence',
    'teacherinfluenceoverdecisions',
    'influence',
    'decisioninfluence',
  ],
  roleClarity: ['roleclarity'],
} as const;
export type ScaleKey = keyof typeof SCALE_COLUMNS;

/** Experience bands for leaders' spread: upper bounds (years, inclusive) of 0–2, 3–5, 6–10, 11–20; 21+ is the last band. */
export const EXPERIENCE_BANDS = [2, 5, 10, 20] as const;

/** Band index of a number of years of experience, or −1 when unknown. */
export function experienceBand(years: number | null): number {
  if (years === null) return -1;
  const k = EXPERIENCE_BANDS.findIndex((b) => years <= b);
  return k < 0 ? EXPERIENCE_BANDS.length : k;
}

/** Directed arcs of one (relation, domain) graph: arc k is src[k] → tgt[k]; rev[k] = 1 when tgt → src exists too. */
export interface Arcs {
  src: Int32Array;
  tgt: Int32Array;
  rev: Uint8Array;
}

/**
 * One wave as typed arrays, ready to be measured many times under different respondent weights:
 * nodes are the wave's people (graph order = dataset order), each tied to a person of the
 * comparison (`unit`, shared by both waves) so a bootstrap draw weighs the same person in both.
 */
export interface WaveFrame {
  n: number;
  ids: string[];
  /** Person index in the comparison's list of people (both waves), per node. */
  unit: Int32Array;
  respondent: Uint8Array;
  /** Real domains of the analysed relation, sorted; per-domain arcs in `domainArcs` (same order). */
  domains: string[];
  domainArcs: Arcs[];
  /** All domains pooled (one arc per ordered pair). */
  pooled: Arcs;
  /** Every relation and domain pooled: "is there any tie between these two". */
  anyTie: Arcs;
  department: Int32Array;
  formal: Uint8Array;
  administrator: Uint8Array;
  experienceBand: Int32Array;
  /** Frequency-weighted collaboration ties each person reports (sum of weights), or null when the wave has no collaboration relation. */
  collaborationOut: Float64Array | null;
  /** Survey scale answers per node (NaN = no answer), or null when the roster has no such column. */
  scales: Record<ScaleKey, Float64Array | null>;
}

/**
 * Indexes one wave of `relation` for the change measures. `unitOf` maps a person id to its index
 * among the people of both waves; `keep` restricts the nodes (the stable core). Ties are deduplicated
 * per ordered pair within each domain and pooled, as buildGraph does. O(n + m log m).
 */
export function waveFrame(
  dataset: Dataset,
  relation: string,
  unitOf: (id: string) => number,
  keep?: ReadonlySet<string>,
  formalPatterns?: readonly RegExp[],
): WaveFrame {
  const people = dataset.people.filter((p) => !keep || keep.has(p.id));
  const n = people.length;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const responded = dataset.respondents === null ? null : new Set(dataset.respondents);
  const domains = [...new Set(dataset.ties.filter((t) => t.relation === relation && t.domain !== ANY_DOMAIN).map((t) => t.domain))].sort();
  const perDomain = new Map(domains.map((d) => [d, new Set<number>()]));
  const pooled = new Set<number>();
  const anyTie = new Set<number>();
  const hasCollaboration = dataset.relations.some((r) => r.name === COLLABORATION_RELATION);
  const collaborationOut = hasCollaboration ? new Float64Array(n) : null;
  for (const t of dataset.ties) {
    const s = index.get(t.source);
    const g = index.get(t.target);
    if (s === undefined || g === undefined || s === g) continue;
    const key = s * n + g;
    anyTie.add(key);
    if (collaborationOut && t.relation === COLLABORATION_RELATION) collaborationOut[s]! += t.weight;
    if (t.relation !== relation) continue;
    pooled.add(key);
    perDomain.get(t.domain)?.add(key);
  }
  const department = new Map<string, number>();
  return {
    n,
    ids: people.map((p) => p.id),
    unit: Int32Array.from(people, (p) => unitOf(p.id)),
    respondent: Uint8Array.from(people, (p) => (responded === null || responded.has(p.id) ? 1 : 0)),
    domains,
    domainArcs: domains.map((d) => arcsOf(perDomain.get(d)!, n)),
    pooled: arcsOf(pooled, n),
    anyTie: arcsOf(anyTie, n),
    department: Int32Array.from(people, (p) => {
      const g = groupValue(p, 'department');
      if (!department.has(g)) department.set(g, department.size);
      return department.get(g)!;
    }),
    formal: Uint8Array.from(people, (p) => (isFormalLeaderRole(p.role, formalPatterns) ? 1 : 0)),
    administrator: Uint8Array.from(people, (p) => (isAdministratorRole(p.role) ? 1 : 0)),
    experienceBand: Int32Array.from(people, (p) => experienceBand(p.yearsExperience)),
    collaborationOut,
    scales: { participation: scaleColumn(people, 'participation'), roleClarity: scaleColumn(people, 'roleClarity') },
  };
}

function arcsOf(keys: Set<number>, n: number): Arcs {
  const sorted = Float64Array.from(keys).sort();
  const src = new Int32Array(sorted.length);
  const tgt = new Int32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    src[k] = Math.floor(sorted[k]! / n);
    tgt[k] = sorted[k]! % n;
  }
  const rev = Uint8Array.from(sorted, (_, k) => (keys.has(tgt[k]! * n + src[k]!) ? 1 : 0));
  return { src, tgt, rev };
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

function scaleColumn(people: readonly Person[], key: ScaleKey): Float64Array | null {
  const names: readonly string[] = SCALE_COLUMNS[key];
  const columns = [...new Set(people.flatMap((p) => Object.keys(p.attributes)))];
  const column = names.map((n) => columns.find((c) => fold(c) === n)).find((c) => c !== undefined);
  if (column === undefined) return null;
  return Float64Array.from(people, (p) => {
    const v = p.attributes[column];
    return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  });
}
