import type { NetworkFigure, NetworkNode } from '../types.js';
import { esc, n2 } from './svg.js';

/** Radius of a node from its in-degree: area grows with the number of colleagues naming the person. */
export function nodeRadius(inDegree: number): number {
  return 2.2 + 1.15 * Math.sqrt(inDegree);
}

/**
 * The network figure as an SVG string (points as units): ties as light lines with an arrowhead at the
 * colleague named, people as circles coloured by group and sized by in-degree, leaders outlined, the
 * most sought-out labelled, department names written at their region, and a legend underneath. Positions come from the model (forceLayout); nothing random here.
 */
export function networkSvg(fig: NetworkFigure): string {
  const legendRows = Math.ceil(fig.groups.length / 4);
  const legendH = 16 + legendRows * 13;
  const H = fig.height + legendH;
  const pos = new Map(fig.nodes.map((n) => [n.id, n]));
  const color = new Map(fig.groups.map((g) => [g.name, g.color]));
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${fig.width}" height="${H}" viewBox="0 0 ${fig.width} ${H}">`];
  out.push(`<rect x="0" y="0" width="${fig.width}" height="${fig.height}" fill="#fbfbfd" stroke="#e3e5ea" stroke-width="0.5"/>`);
  // Directed ties: each line stops at the edge of the colleague named, with a small arrowhead there.
  const lines: string[] = [];
  const heads: string[] = [];
  for (const e of fig.edges) {
    const a = pos.get(e.source),
      b = pos.get(e.target);
    if (!a || !b) continue;
    const dx = b.x - a.x,
      dy = b.y - a.y,
      len = Math.hypot(dx, dy);
    const rb = (b.r ?? nodeRadius(b.inDegree)) + 0.4;
    if (len <= rb + ARROW_LEN) continue;
    const ux = dx / len,
      uy = dy / len;
    const tipX = b.x - ux * rb,
      tipY = b.y - uy * rb;
    const baseX = tipX - ux * ARROW_LEN,
      baseY = tipY - uy * ARROW_LEN;
    lines.push(`<line x1="${n2(a.x)}" y1="${n2(a.y)}" x2="${n2(baseX)}" y2="${n2(baseY)}"/>`);
    heads.push(
      `<polygon points="${n2(tipX)},${n2(tipY)} ${n2(baseX - uy * ARROW_HALF)},${n2(baseY + ux * ARROW_HALF)} ${n2(baseX + uy * ARROW_HALF)},${n2(baseY - ux * ARROW_HALF)}"/>`,
    );
  }
  out.push('<g stroke="#8a94a6" stroke-opacity="0.3" stroke-width="0.35" fill="none">', ...lines, '</g>');
  out.push('<g fill="#6b7486" fill-opacity="0.45" stroke="none">', ...heads, '</g>');
  const order = [...fig.nodes].sort((x, y) => x.inDegree - y.inDegree || (x.id < y.id ? -1 : 1));
  for (const n of order.filter((x) => x.members !== undefined)) out.push(...aggregateCircle(n, color.get(n.group) ?? '#bab0ac'));
  for (const n of order) {
    if (n.members !== undefined) continue;
    const r = n.r ?? nodeRadius(n.inDegree);
    const stroke = n.leader ? 'stroke="#1f2430" stroke-width="0.9"' : 'stroke="#ffffff" stroke-width="0.5"';
    out.push(`<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(r)}" fill="${color.get(n.group) ?? '#bab0ac'}" ${stroke}/>`);
  }
  for (const l of placeLabels(fig)) {
    out.push(
      `<rect x="${n2(l.x0)}" y="${n2(l.y0)}" width="${n2(l.x1 - l.x0)}" height="${n2(l.y1 - l.y0)}" rx="1.5" fill="#ffffff" fill-opacity="0.85"/>`,
    );
    out.push(
      `<text x="${n2(l.x0 + 1.5)}" y="${n2(l.y1 - 2)}" font-family="Roboto" font-size="${LABEL_SIZE}" fill="#1f2430">${esc(l.text)}</text>`,
    );
  }
  // Department names written where each department sits, so the figure reads without its colours.
  for (const l of fig.aggregate ? [] : departmentLabelBoxes(fig)) {
    out.push(
      `<rect x="${n2(l.x0)}" y="${n2(l.y0)}" width="${n2(l.x1 - l.x0)}" height="${n2(l.y1 - l.y0)}" rx="2" fill="#ffffff" fill-opacity="0.8"/>`,
    );
    out.push(
      `<text x="${n2(l.x0 + 2)}" y="${n2(l.y1 - 2.5)}" font-family="Roboto" font-size="${GROUP_LABEL_SIZE}" font-style="italic" fill="#1f2430">${esc(l.text)}</text>`,
    );
  }
  if (fig.isolates > 0) {
    out.push(`<text x="6" y="${n2(fig.height - 9.5)}" font-family="Roboto" font-size="8" fill="#5b6372">No ties (${fig.isolates}):</text>`);
  }
  const colW = fig.width / 4;
  fig.groups.forEach((g, k) => {
    const x = (k % 4) * colW + 4,
      y = fig.height + 14 + Math.floor(k / 4) * 13;
    out.push(`<circle cx="${n2(x + 4)}" cy="${n2(y - 2.5)}" r="3.5" fill="${g.color}"/>`);
    out.push(`<text x="${n2(x + 11)}" y="${n2(y)}" font-family="Roboto" font-size="8" fill="#333a45">${esc(g.name)} (${g.size})</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

const LABEL_SIZE = 7;
const GROUP_LABEL_SIZE = 8;
const ARROW_LEN = 3.2;
const ARROW_HALF = 1.4;

/**
 * One label per department of at least 3 connected people, at the mean position of its members
 * (departments are pulled to their own region by the layout); a label that would overlap an earlier
 * one moves down, and one that cannot be placed inside the frame is left out (the legend names it).
 */
export function departmentLabelBoxes(fig: NetworkFigure): Box[] {
  const members = new Map<string, { x: number; y: number; n: number }>();
  const connected = new Set(fig.edges.flatMap((e) => [e.source, e.target]));
  for (const n of fig.nodes) {
    if (!connected.has(n.id)) continue;
    const m = members.get(n.group) ?? { x: 0, y: 0, n: 0 };
    members.set(n.group, { x: m.x + n.x, y: m.y + n.y, n: m.n + 1 });
  }
  const out: Box[] = [];
  const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  for (const g of fig.groups) {
    const m = members.get(g.name);
    if (!m || m.n < 3) continue;
    const w = g.name.length * GROUP_LABEL_SIZE * 0.5 + 4,
      h = GROUP_LABEL_SIZE + 4;
    const x = Math.min(Math.max(2, m.x / m.n - w / 2), fig.width - 2 - w);
    let y = m.y / m.n - h / 2;
    for (let tries = 0; tries < 6 && out.some((o) => hit(o, { x0: x, y0: y, x1: x + w, y1: y + h, text: '' })); tries++) y += h + 1;
    if (y < 2 || y + h > fig.height - 2 || out.some((o) => hit(o, { x0: x, y0: y, x1: x + w, y1: y + h, text: '' }))) continue;
    out.push({ x0: x, y0: y, x1: x + w, y1: y + h, text: g.name });
  }
  return out;
}

/** A department's people not drawn one by one (large waves): a shaded dashed circle named inside. */
function aggregateCircle(n: NetworkNode, fill: string): string[] {
  const r = n.r ?? 8;
  return [
    `<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(r)}" fill="${fill}" fill-opacity="0.28" stroke="${fill}" stroke-width="0.8" stroke-dasharray="2 1.5"/>`,
    `<text x="${n2(n.x)}" y="${n2(n.y + 2)}" text-anchor="middle" font-family="Roboto" font-size="5.5" fill="#1f2430">${esc(n.label)}</text>`,
  ];
}
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/**
 * Label boxes for the labelled people, most sought-out first: each tries right, left, above and below
 * its dot and takes the first spot that overlaps neither an earlier label nor another labelled dot and
 * stays inside the frame; a label with no free spot is left out (its person stays in the tables).
 * Text width is estimated at 0.52 em per character (Roboto's average).
 */
export function placeLabels(fig: NetworkFigure): Box[] {
  const byId = new Map(fig.nodes.map((n) => [n.id, n]));
  const taken: Box[] = [];
  const dots: Box[] = fig.labelled
    .map((id) => byId.get(id)!)
    .filter(Boolean)
    .map((n) => {
      const r = n.r ?? nodeRadius(n.inDegree);
      return { x0: n.x - r, y0: n.y - r, x1: n.x + r, y1: n.y + r, text: n.id };
    });
  const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const out: Box[] = [];
  for (const id of fig.labelled) {
    const n = byId.get(id);
    if (!n) continue;
    const r = n.r ?? nodeRadius(n.inDegree);
    const w = n.label.length * LABEL_SIZE * 0.52 + 3,
      h = LABEL_SIZE + 3;
    const spots: Array<[number, number]> = [
      [n.x + r + 1.5, n.y - h / 2],
      [n.x - r - 1.5 - w, n.y - h / 2],
      [n.x - w / 2, n.y - r - 1 - h],
      [n.x - w / 2, n.y + r + 1],
    ];
    for (const [x, y] of spots) {
      const b = { x0: x, y0: y, x1: x + w, y1: y + h, text: n.label };
      if (b.x0 < 2 || b.y0 < 2 || b.x1 > fig.width - 2 || b.y1 > fig.height - 2) continue;
      if (taken.some((t) => hit(t, b)) || dots.some((d) => d.text !== id && hit(d, b))) continue;
      taken.push(b);
      out.push(b);
      break;
    }
  }
  return out;
}
