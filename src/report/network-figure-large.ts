import { selectionCsr } from '../graph/selection-csr.js';
import { ANY_DOMAIN, type Dataset } from '../model/types.js';
import { forceLayout } from './charts/layout.js';
import { nodeRadius } from './charts/network-svg.js';
import { departmentColours } from './present/palette.js';
import type { Directory } from './directory.js';
import { PRINT_LIMITS } from './print-limits.js';
import type { NetworkFigure, NetworkNode } from './types.js';

const OTHER_DEPARTMENTS = 'other departments';
/** Largest dot of a drawn person, in points (a district's most sought-out person would otherwise cover the page). */
const MAX_DOT = 13;

/**
 * The network figure of a wave too large to draw person by person (more than PRINT_LIMITS.fullUpTo
 * people): the `figurePeople` most sought-out people (pooled in-degree, ties broken by key) are drawn
 * as dots as on a school's figure; everyone else is one shaded circle per department, sized by its
 * number of people (the smallest departments beyond `figureGroups` share one "other departments"
 * circle). Lines: one per ordered pair of drawn people with a tie, one per drawn person and department
 * circle, one per pair of circles; each line stands for every tie between what it joins
 * (`weight` = number of ties). Dots are scaled so the largest is MAX_DOT points. Same seeded layout as
 * the school figure. O(n + m) plus the layout of at most figurePeople + figureGroups + 1 nodes.
 */
export function aggregatedNetworkFigure(
  dataset: Dataset,
  relation: string,
  dir: Directory,
  leaders: ReadonlySet<string>,
  o: { width: number; height: number; labelled: number; seed: number },
): NetworkFigure {
  const g = selectionCsr(dataset, { relation, domain: ANY_DOMAIN });
  const keys = g.ids.map((id) => dir.keyOfId(id));
  const dept = keys.map((k) => dir.get(k).department);
  const inDegree = (i: number) => g.inOffsets[i + 1]! - g.inOffsets[i]!;
  const cmpKey = (a: number, b: number) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);

  // Department sizes over everyone (legend and colours as on the school figure).
  const sizes = new Map<string, number>();
  for (const d of dept) sizes.set(d, (sizes.get(d) ?? 0) + 1);
  const order = [...sizes.keys()].sort((x, y) => {
    const sx = x === '(small group)' || x === '(none)',
      sy = y === '(small group)' || y === '(none)';
    return Number(sx) - Number(sy) || sizes.get(y)! - sizes.get(x)! || x.localeCompare(y);
  });
  const colors = departmentColours(order);

  // The most sought-out people, drawn one by one.
  const ranked = Array.from({ length: g.n }, (_, i) => i)
    .filter((i) => inDegree(i) > 0)
    .sort((a, b) => inDegree(b) - inDegree(a) || cmpKey(a, b));
  const drawnIdx = ranked.slice(0, PRINT_LIMITS.figurePeople);
  const drawn = new Int32Array(g.n).fill(-1);
  drawnIdx.forEach((i, k) => (drawn[i] = k));

  // Everyone else: one circle per department, the smallest departments sharing one.
  const rest = new Map<string, number>();
  for (let i = 0; i < g.n; i++) if (drawn[i]! < 0) rest.set(dept[i]!, (rest.get(dept[i]!) ?? 0) + 1);
  const circleOrder = order.filter((d) => rest.has(d));
  const own = new Set(circleOrder.slice(0, PRINT_LIMITS.figureGroups));
  const circleOf = (d: string) => (own.has(d) ? d : OTHER_DEPARTMENTS);
  const circleKey = (c: string) => `(department) ${c}`;
  const members = new Map<string, number>();
  for (const [d, k] of rest) members.set(circleOf(d), (members.get(circleOf(d)) ?? 0) + k);

  const maxIn = drawnIdx.length > 0 ? inDegree(drawnIdx[0]!) : 0;
  const scale = Math.min(1, (MAX_DOT - 2.2) / Math.max(1e-9, nodeRadius(maxIn) - 2.2));
  const radiusOf = (k: number) => Math.round((2.2 + (nodeRadius(k) - 2.2) * scale) * 100) / 100;
  const people: NetworkNode[] = drawnIdx.map((i) => {
    const e = dir.get(keys[i]!);
    return {
      id: keys[i]!,
      label: e.label,
      group: e.department,
      inDegree: inDegree(i),
      leader: leaders.has(keys[i]!),
      x: 0,
      y: 0,
      r: radiusOf(inDegree(i)),
    };
  });
  const circles: NetworkNode[] = [...members].map(([c, k]) => ({
    id: circleKey(c),
    label: `${c} (${k})`,
    group: c === OTHER_DEPARTMENTS ? '(none)' : c,
    inDegree: 0,
    leader: false,
    x: 0,
    y: 0,
    r: Math.round(Math.min(30, 5 + Math.sqrt(k) / 2) * 100) / 100,
    members: k,
  }));

  // One line per pair of things drawn, weighted by the ties it stands for.
  const endOf = (i: number) => (drawn[i]! >= 0 ? keys[i]! : circleKey(circleOf(dept[i]!)));
  const lines = new Map<string, { source: string; target: string; weight: number }>();
  for (let s = 0; s < g.n; s++) {
    const a = endOf(s);
    for (let k = g.outOffsets[s]!; k < g.outOffsets[s + 1]!; k++) {
      const b = endOf(g.outTargets[k]!);
      if (a === b) continue;
      const key = `${a}\u0000${b}`;
      const line = lines.get(key);
      if (line) line.weight++;
      else lines.set(key, { source: a, target: b, weight: 1 });
    }
  }
  const edges = [...lines.values()].sort((x, y) => (x.source + x.target < y.source + y.target ? -1 : 1));
  const nodes = [...people.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)), ...circles];
  const pos = forceLayout(
    nodes.map((n) => ({ id: n.id, group: n.group, radius: n.r! })),
    edges,
    order,
    { width: o.width, height: o.height, pad: 18 },
    { seed: o.seed },
  );
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    n.x = p.x;
    n.y = p.y;
  }
  const legend = order.slice(0, PRINT_LIMITS.legendGroups);
  return {
    width: o.width,
    height: o.height,
    nodes,
    edges,
    groups: legend.map((name) => ({ name, color: colors[name]!, size: sizes.get(name)! })),
    labelled: people
      .slice(0)
      .sort((x, y) => y.inDegree - x.inDegree || (x.id < y.id ? -1 : 1))
      .slice(0, o.labelled)
      .map((n) => n.id),
    isolates: 0,
    aggregate: { people: g.n, drawn: people.length, circles: circles.length, ties: g.m, moreGroups: order.length - legend.length },
  };
}
