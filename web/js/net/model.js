// @ts-check
import { domainRows } from '../views/indicators.js';

/**
 * What the network view draws, from the graph and analysis the API gives: one node per person in the
 * wave (circle size from the colleagues who name them), ties by node index, and each person's kind of
 * leader in the selected domain.
 */
export function sceneModel(graph, a, l) {
  const person = new Map(a.people.map((p) => [p.id, p]));
  const { fi, leaders } = domainRows(a, l);
  const leaderIds = new Set(leaders?.leaders ?? []);
  const hiddenIds = new Set((fi?.hiddenLeaders ?? []).map((p) => p.id));
  const nominalIds = new Set((fi?.nominalLeaders ?? []).map((p) => p.id));
  /** @param {string} id */
  const kindOf = (id) => (hiddenIds.has(id) ? 'hidden' : leaderIds.has(id) ? 'formal' : nominalIds.has(id) ? 'nominal' : 'other');
  const maxIn = Math.max(1, ...graph.nodes.map((n) => n.inDegree));
  const dense = graph.nodes.length > 300;
  /** @type {import('./render.js').SceneNode[]} */
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    label: String(n.label),
    department: n.department,
    x: NaN,
    y: NaN,
    r: dense ? 2.5 + 8 * Math.sqrt(n.inDegree / maxIn) : 3.5 + 11 * Math.sqrt(n.inDegree / maxIn),
    inDegree: n.inDegree,
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  /** @type {import('./render.js').SceneEdge[]} */
  const edges = [];
  for (const e of graph.edges) {
    const s = index.get(e.source),
      t = index.get(e.target);
    if (s !== undefined && t !== undefined) edges.push({ s, t, w: e.weight });
  }
  return { person, kindOf, nodes, index, edges };
}
