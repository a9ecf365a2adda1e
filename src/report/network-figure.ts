import { buildGraph } from '../graph/build-graph.js';
import { ANY_DOMAIN, type Dataset } from '../model/types.js';
import { forceLayout } from './charts/layout.js';
import { nodeRadius } from './charts/network-svg.js';
import { departmentColours } from './present/palette.js';
import type { Directory } from './directory.js';
import type { NetworkFigure } from './types.js';
import { aggregatedNetworkFigure } from './network-figure-large.js';
import { printsLimited } from './print-limits.js';

export const FIGURE_DEFAULTS = { width: 499, height: 470, labelled: 14, seed: 20240901 };

/**
 * The network figure's data: the pooled graph of the relation (all domains, one line per pair and
 * direction), people keyed and labelled through the directory, groups coloured as in the web app
 * (present/palette.ts) and listed largest first,
 * positions from the seeded force layout, the `labelled` most sought-out people named on the figure.
 * A wave larger than a school (print-limits.ts) gets the aggregated figure of network-figure-large.ts.
 */
export function networkFigure(
  dataset: Dataset,
  relation: string,
  dir: Directory,
  leaders: ReadonlySet<string>,
  options: Partial<typeof FIGURE_DEFAULTS> = {},
): NetworkFigure {
  const o = { ...FIGURE_DEFAULTS, ...options };
  if (printsLimited(dataset.people.length)) return aggregatedNetworkFigure(dataset, relation, dir, leaders, o);
  const g = buildGraph(dataset, { relation, domain: ANY_DOMAIN });
  const nodes = g.nodes().map((id) => {
    const key = dir.keyOfId(id);
    const e = dir.get(key);
    return { id: key, label: e.label, group: e.department, inDegree: g.inDegree(id), leader: leaders.has(key), x: 0, y: 0 };
  });
  const edges: NetworkFigure['edges'] = [];
  g.forEachEdge((_e, attr, s, t) => {
    edges.push({ source: dir.keyOfId(s), target: dir.keyOfId(t), weight: attr.weight });
  });
  const sizes = new Map<string, number>();
  for (const n of nodes) sizes.set(n.group, (sizes.get(n.group) ?? 0) + 1);
  const order = [...sizes.keys()].sort((x, y) => {
    const sx = x === '(small group)' || x === '(none)',
      sy = y === '(small group)' || y === '(none)';
    return Number(sx) - Number(sy) || sizes.get(y)! - sizes.get(x)! || x.localeCompare(y);
  });
  const colors = departmentColours(order);
  // Stable input order (by key) so the layout does not depend on roster order.
  const sorted = [...nodes].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  // People with no tie at all would drift to the edge of a force layout: they get a row of their own.
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const connected = sorted.filter((n) => touched.has(n.id));
  const isolates = sorted.filter((n) => !touched.has(n.id));
  const strip = isolates.length > 0 ? 26 : 0;
  const pos = forceLayout(
    connected.map((n) => ({ id: n.id, group: n.group, radius: nodeRadius(n.inDegree) })),
    edges,
    order,
    { width: o.width, height: o.height - strip, pad: 18 },
    { seed: o.seed },
  );
  for (const n of connected) {
    const p = pos.get(n.id)!;
    n.x = p.x;
    n.y = p.y;
  }
  isolates.forEach((n, k) => {
    n.x = 70 + (k % 60) * 7.5;
    n.y = o.height - 12;
  });
  const labelled = [...sorted]
    .sort((x, y) => y.inDegree - x.inDegree || (x.id < y.id ? -1 : 1))
    .slice(0, o.labelled)
    .filter((n) => n.inDegree > 0)
    .map((n) => n.id);
  return {
    width: o.width,
    height: o.height,
    nodes: sorted,
    edges: edges.sort((x, y) => (x.source + x.target < y.source + y.target ? -1 : 1)),
    groups: order.map((name) => ({ name, color: colors[name]!, size: sizes.get(name)! })),
    labelled,
    isolates: isolates.length,
  };
}
