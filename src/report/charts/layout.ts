import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { mulberry32 } from '../../metrics/random.js';

export interface LayoutNode {
  id: string;
  group: string;
  radius: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
}

export const LAYOUT_DEFAULTS = {
  seed: 20240901,
  ticks: 400,
  /** Pull of each node towards its group's anchor (groups sit on a circle). */
  groupStrength: 0.1,
  charge: -70,
  linkDistance: 45,
  linkStrength: 0.03,
};

interface SimNode extends SimulationNodeDatum {
  id: string;
  group: string;
  radius: number;
}

/**
 * A deterministic force-directed layout (d3-force, run headless in Node): many-body repulsion, weak
 * links, collision by radius, and a pull towards one anchor per group (anchors evenly spaced on a
 * circle in the given group order) so departments read as regions. Seeded: d3's initial phyllotaxis
 * placement is deterministic and its jiggle draws from mulberry32(seed), so the same input always
 * gives the same coordinates. Returns positions scaled into [pad, width − pad] × [pad, height − pad].
 * Degenerate: no nodes → empty map; one node → the centre. O(ticks · (n log n + m)).
 */
export function forceLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  groups: readonly string[],
  size: { width: number; height: number; pad: number },
  options: Partial<typeof LAYOUT_DEFAULTS> = {},
): Map<string, { x: number; y: number }> {
  const o = { ...LAYOUT_DEFAULTS, ...options };
  const out = new Map<string, { x: number; y: number }>();
  if (nodes.length === 0) return out;
  const sim: SimNode[] = nodes.map((n) => ({ id: n.id, group: n.group, radius: n.radius }));
  const ring = Math.sqrt(nodes.length) * 30;
  const anchor = new Map(
    groups.map((g, k) => {
      const a = (2 * Math.PI * k) / Math.max(1, groups.length) - Math.PI / 2;
      return [g, { x: ring * Math.cos(a), y: ring * Math.sin(a) }] as const;
    }),
  );
  const known = new Set(nodes.map((n) => n.id));
  const links = edges
    .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
    .map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation<SimNode>(sim)
    .randomSource(mulberry32(o.seed))
    .force('charge', forceManyBody<SimNode>().strength(o.charge))
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(o.linkDistance)
        .strength(o.linkStrength),
    )
    .force(
      'collide',
      forceCollide<SimNode>().radius((d) => d.radius + 1.5),
    )
    .force('x', forceX<SimNode>((d) => anchor.get(d.group)?.x ?? 0).strength(o.groupStrength))
    .force('y', forceY<SimNode>((d) => anchor.get(d.group)?.y ?? 0).strength(o.groupStrength))
    .stop();
  simulation.tick(o.ticks);
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const d of sim) {
    x0 = Math.min(x0, d.x!);
    x1 = Math.max(x1, d.x!);
    y0 = Math.min(y0, d.y!);
    y1 = Math.max(y1, d.y!);
  }
  const w = size.width - 2 * size.pad,
    h = size.height - 2 * size.pad;
  const scale = Math.min(w / Math.max(1e-9, x1 - x0), h / Math.max(1e-9, y1 - y0));
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  for (const d of sim) {
    const x = nodes.length === 1 ? size.width / 2 : size.width / 2 + (d.x! - cx) * scale;
    const y = nodes.length === 1 ? size.height / 2 : size.height / 2 + (d.y! - cy) * scale;
    out.set(d.id, { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  }
  return out;
}
