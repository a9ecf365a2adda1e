import type { FastCoreMetrics } from './core.js';

/**
 * Plain-text summary of fastCoreMetrics for `leadmap analyze` on large files: network measures and
 * the top people per measure (ids only — names are not loaded on the fast path). Approximate
 * betweenness is labelled as such with its 95 % error.
 */
export function fastTextReport(m: FastCoreMetrics, top: number, selection: { relation: string | null; domain: string }): string {
  const n = m.network;
  const f = (x: number | null, d = 3) => (x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(d));
  const lines: string[] = [];
  lines.push(
    `Network (fast path for large files): relation "${selection.relation ?? '(none)'}", ${selection.domain === 'any' ? 'all domains' : `domain "${selection.domain}"`}`,
  );
  lines.push('');
  const rows: Array<[string, string]> = [
    ['people', f(n.people)],
    ['ties', f(n.ties)],
    ['density', f(n.density, 5)],
    ['reciprocity', f(n.reciprocity)],
    ['transitivity', f(n.transitivity)],
    ['weak components', f(n.weakComponents)],
    ['strong components', f(n.strongComponents)],
    ['in-degree centralization', f(n.inDegreeCentralization)],
    ['isolates', f(n.isolates)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(w)}  ${v}`);
  const b = m.betweennessMethod;
  const measures: Array<[string, 'inDegree' | 'pageRank' | 'betweenness' | 'closeness' | 'eigenvector']> = [
    ['in-degree', 'inDegree'],
    ['PageRank', 'pageRank'],
    [
      b.approximate ? `betweenness — APPROXIMATE (${b.samples} sampled pairs, seed ${b.seed}; ±95 % error shown)` : 'betweenness',
      'betweenness',
    ],
    ['closeness (incoming)', 'closeness'],
    ['eigenvector', 'eigenvector'],
  ];
  for (const [title, key] of measures) {
    const ranked = m.people
      .filter((p) => typeof p[key] === 'number')
      .sort((x, y) => (y[key] as number) - (x[key] as number) || x.id.localeCompare(y.id))
      .slice(0, top);
    lines.push('', `Top ${ranked.length} by ${title}`);
    for (const p of ranked) {
      const err = key === 'betweenness' && p.betweennessError95 !== undefined ? ` ± ${p.betweennessError95.toPrecision(2)}` : '';
      lines.push(`  ${p.id}  ${(p[key] as number).toPrecision(4)}${err}`);
    }
  }
  lines.push('', 'Definitions: docs/metrics.md; fast path and approximation: docs/performance.md. Use --json for every person.');
  return lines.join('\n');
}
