import type { NetworkFigure } from '../types.js';
import { esc, n2 } from './svg.js';

/** Radius of a node from its in-degree: area grows with the number of colleagues naming the person. */
export function nodeRadius(inDegree: number): number {
  return 2.2 + 1.15 * Math.sqrt(inDegree);
}

/**
 * The network figure as an SVG string (points as units): ties as light lines, people as circles
 * coloured by group and sized by in-degree, leaders outlined, the most sought-out labelled, and a
 * legend of groups underneath. Positions come from the model (forceLayout); nothing random here.
 */
export function networkSvg(fig: NetworkFigure): string {
  const legendRows = Math.ceil(fig.groups.length / 4);
  const legendH = 16 + legendRows * 13;
  const H = fig.height + legendH;
  const pos = new Map(fig.nodes.map((n) => [n.id, n]));
  const color = new Map(fig.groups.map((g) => [g.name, g.color]));
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${fig.width}" height="${H}" viewBox="0 0 ${fig.width} ${H}">`];
  out.push(`<rect x="0" y="0" width="${fig.width}" height="${fig.height}" fill="#fbfbfd" stroke="#e3e5ea" stroke-width="0.5"/>`);
  out.push('<g stroke="#8a94a6" stroke-opacity="0.28" stroke-width="0.35" fill="none">');
  for (const e of fig.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    out.push(`<line x1="${n2(a.x)}" y1="${n2(a.y)}" x2="${n2(b.x)}" y2="${n2(b.y)}"/>`);
  }
  out.push('</g>');
  const order = [...fig.nodes].sort((x, y) => x.inDegree - y.inDegree || (x.id < y.id ? -1 : 1));
  for (const n of order) {
    const r = nodeRadius(n.inDegree);
    const stroke = n.leader ? 'stroke="#1f2430" stroke-width="0.9"' : 'stroke="#ffffff" stroke-width="0.5"';
    out.push(`<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(r)}" fill="${color.get(n.group) ?? '#bab0ac'}" ${stroke}/>`);
  }
  const labelled = new Set(fig.labelled);
  for (const n of fig.nodes) {
    if (!labelled.has(n.id)) continue;
    const r = nodeRadius(n.inDegree);
    const right = n.x < fig.width * 0.75;
    const x = right ? n.x + r + 2 : n.x - r - 2;
    const anchor = right ? 'start' : 'end';
    const t = esc(n.label);
    out.push(`<text x="${n2(x)}" y="${n2(n.y + 2.3)}" font-family="Roboto" font-size="6.5" text-anchor="${anchor}" fill="#ffffff" stroke="#ffffff" stroke-width="2">${t}</text>`);
    out.push(`<text x="${n2(x)}" y="${n2(n.y + 2.3)}" font-family="Roboto" font-size="6.5" text-anchor="${anchor}" fill="#1f2430">${t}</text>`);
  }
  const colW = fig.width / 4;
  fig.groups.forEach((g, k) => {
    const x = (k % 4) * colW + 4, y = fig.height + 14 + Math.floor(k / 4) * 13;
    out.push(`<circle cx="${n2(x + 4)}" cy="${n2(y - 2.5)}" r="3.5" fill="${g.color}"/>`);
    out.push(`<text x="${n2(x + 11)}" y="${n2(y)}" font-family="Roboto" font-size="7" fill="#333a45">${esc(g.name)} (${g.size})</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
