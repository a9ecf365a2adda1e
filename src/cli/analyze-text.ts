import type { CoreMetrics } from '../metrics/core.js';
import type { FastCoreMetrics } from '../fastpath/core.js';
import { ANY_DOMAIN } from '../model/types.js';
import { num, table } from './format.js';

/** What was analysed, for the heading. `fastPath`: the large-file path (ids only, no names loaded). */
export interface TextSelection {
  relation: string | null;
  domain: string;
  wave: string | null;
  fastPath?: boolean;
}

/**
 * The text of `leadmap analyze`'s core measures, one for every path (school-sized graphs, the fast
 * kernels on large graphs, the fast path for large files): the network measures, then the top people
 * per measure. Betweenness estimated by pair sampling and closeness estimated from sampled sources are
 * labelled APPROXIMATE, with the pairs or sources, the seed and each person's 95 % error.
 */
export function coreText(core: CoreMetrics | FastCoreMetrics, sel: TextSelection, top: number, nameOf: (id: string) => string): string {
  const n = core.network;
  const out: string[] = [];
  const domain = sel.domain === ANY_DOMAIN ? 'all domains' : `domain "${sel.domain}"`;
  const path = sel.fastPath ? ' (fast path for large files)' : '';
  out.push(`Network${path}: relation "${sel.relation ?? '(none)'}", ${domain}${sel.wave ? `, wave ${sel.wave}` : ''}`);
  out.push('');
  out.push(
    table(
      ['measure', 'value'],
      [
        ['people', num(n.people)],
        ['ties', num(n.ties)],
        ['density', num(n.density)],
        ['reciprocity', num(n.reciprocity)],
        ['transitivity', num(n.transitivity)],
        ['weak components', num(n.weakComponents)],
        ['strong components', num(n.strongComponents)],
        ['in-degree centralization', num(n.inDegreeCentralization)],
        ['isolates', num(n.isolates)],
      ],
      ['l', 'r'],
    ),
  );
  const label = (id: string) => (nameOf(id) && nameOf(id) !== id ? `${nameOf(id)} (${id})` : id);
  const method = 'betweennessMethod' in core ? core.betweennessMethod : null;
  const approximate = method?.approximate === true;
  const clMethod = 'closenessMethod' in core ? core.closenessMethod : null;
  const clApproximate = clMethod?.approximate === true;
  const measures: Array<[string, keyof CoreMetrics['people'][number]]> = [
    ['sought out by most colleagues (in-degree)', 'inDegree'],
    ['strongest incoming ties (in-strength)', 'inStrength'],
    ['PageRank', 'pageRank'],
    [
      approximate
        ? `betweenness (brokers) — APPROXIMATE (${method.samples ?? '?'} sampled pairs, seed ${method.seed ?? '?'}; ±95 % error shown)`
        : 'betweenness (brokers)',
      'betweenness',
    ],
    [
      clApproximate
        ? `closeness (incoming) — APPROXIMATE (${clMethod.samples ?? '?'} sampled sources, seed ${clMethod.seed ?? '?'}; ±95 % error shown)`
        : 'closeness (incoming)',
      'closeness',
    ],
    ['eigenvector', 'eigenvector'],
    ['authorities (HITS)', 'authorities'],
    ['hubs (HITS)', 'hubs'],
  ];
  for (const [title, key] of measures) {
    const ranked = core.people
      .filter((p) => typeof p[key] === 'number')
      .sort((a, b) => (b[key] as number) - (a[key] as number) || a.id.localeCompare(b.id))
      .slice(0, top);
    const value = (p: CoreMetrics['people'][number] & { betweennessError95?: number; closenessError95?: number }) =>
      num(p[key] as number, 4) +
      (key === 'betweenness' && p.betweennessError95 !== undefined ? ` ± ${p.betweennessError95.toPrecision(2)}` : '') +
      (key === 'closeness' && p.closenessError95 !== undefined ? ` ± ${p.closenessError95.toPrecision(2)}` : '');
    out.push(
      '',
      `Top ${ranked.length} by ${title}`,
      table(
        ['person', key],
        ranked.map((p) => [label(p.id), value(p)]),
        ['l', 'r'],
      ),
    );
  }
  const more = sel.fastPath || approximate || clApproximate ? '; fast path and approximation: docs/performance.md' : '';
  out.push('', `Definitions: docs/metrics.md${more}. Use --json for every person and every measure.`);
  return out.join('\n');
}
