import { ANY_DOMAIN, DEFAULT_RELATION, type Dataset, type Tie } from '../model/types.js';
import { LeadmapError } from '../model/errors.js';
import { blankPerson } from '../model/blank-person.js';
import { createOrgGraph, type EdgeAttributes, type OrgGraph } from './org-graph.js';

export interface GraphSelection {
  /** Relation to keep. Required when the dataset has several relations. */
  relation?: string;
  /** Domain to keep; ANY_DOMAIN (default) pools every domain of the relation, summing weights. */
  domain?: string;
  /** Restrict nodes to these ids (e.g. one school of a district, or the people stable across waves). */
  people?: ReadonlySet<string>;
}

/** Picks the relation a selection means: the given one, the only one, or "advice" when present. */
export function resolveRelation(dataset: Pick<Dataset, 'relations'>, relation?: string): string {
  const names = dataset.relations.map((r) => r.name);
  // No ties at all (e.g. only self-ties): any relation is an empty network where everyone is an isolate.
  if (names.length === 0) return (relation ?? DEFAULT_RELATION).toLowerCase();
  if (relation !== undefined) {
    const r = relation.toLowerCase();
    if (!names.includes(r)) {
      throw new LeadmapError('UNKNOWN_RELATION', `relation "${relation}" is not in the data; it has: ${names.join(', ') || '(none)'}`);
    }
    return r;
  }
  if (names.length === 1) return names[0]!;
  if (names.includes('advice')) return 'advice';
  throw new LeadmapError('RELATION_REQUIRED', `the data has several relations (${names.join(', ')}); choose one with --relation`);
}

/** The domain a selection means: lower-case, ANY_DOMAIN when not given; UNKNOWN_DOMAIN when the data has no such domain. */
export function resolveDomain(dataset: Pick<Dataset, 'domains'>, domain?: string): string {
  const d = (domain ?? ANY_DOMAIN).toLowerCase();
  if (d !== ANY_DOMAIN && !dataset.domains.includes(d)) {
    throw new LeadmapError('UNKNOWN_DOMAIN', `domain "${domain}" is not in the data; it has: ${dataset.domains.join(', ') || '(none)'}`);
  }
  return d;
}

/**
 * Builds the directed weighted graph of one (relation, domain) selection.
 * Every person of the dataset is a node (isolates included). Ties of the
 * selection are summed per ordered pair: with domain ANY_DOMAIN, a pair named
 * for curriculum (weight 2) and for behaviour (weight 1) gives one edge of weight 3, count 2.
 * Ties of an undirected relation are already stored in both directions by ingest.
 */
export function buildGraph(dataset: Dataset, selection: GraphSelection = {}): OrgGraph {
  const relation = resolveRelation(dataset, selection.relation);
  const domain = resolveDomain(dataset, selection.domain);
  const g = createOrgGraph(relation, domain);
  const keep = selection.people;
  for (const p of dataset.people) if (!keep || keep.has(p.id)) g.addNode(p.id, p);
  // Sum per ordered pair first, then add each edge once (graphology edge lookups are the slow part).
  const pairs = new Map<string, Map<string, EdgeAttributes>>();
  for (const t of dataset.ties) {
    if (t.relation !== relation) continue;
    if (domain !== ANY_DOMAIN && t.domain !== domain) continue;
    if (t.source === t.target || !g.hasNode(t.source) || !g.hasNode(t.target)) continue;
    let out = pairs.get(t.source);
    if (out === undefined) pairs.set(t.source, (out = new Map<string, EdgeAttributes>()));
    const a = out.get(t.target);
    if (a === undefined) out.set(t.target, { weight: t.weight, count: t.count });
    else {
      a.weight += t.weight;
      a.count += t.count;
    }
  }
  for (const [s, out] of pairs) for (const [t, a] of out) g.addDirectedEdge(s, t, a);
  return g;
}

function addTie(g: OrgGraph, t: Tie): void {
  if (t.source === t.target || !g.hasNode(t.source) || !g.hasNode(t.target)) return;
  const existing = g.edge(t.source, t.target);
  if (existing === undefined) {
    g.addDirectedEdge(t.source, t.target, { weight: t.weight, count: t.count });
  } else {
    g.updateEdgeAttributes(existing, (a) => ({ weight: a.weight + t.weight, count: a.count + t.count }));
  }
}

/** Builds a graph straight from people and ties (tests and tiny examples). */
export function graphFrom(people: readonly string[], edges: ReadonlyArray<readonly [string, string, number?]>): OrgGraph {
  const g = createOrgGraph('advice', ANY_DOMAIN);
  for (const id of people) g.addNode(id, blankPerson(id));
  for (const [s, t, w] of edges) {
    for (const id of [s, t]) if (!g.hasNode(id)) g.addNode(id, blankPerson(id));
    addTie(g, { source: s, target: t, relation: 'advice', domain: ANY_DOMAIN, weight: w ?? 1, count: 1, timestamp: null, wave: null });
  }
  return g;
}
