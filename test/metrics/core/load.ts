import { readFileSync } from 'node:fs';
import { graphFrom } from '../../../src/graph/build-graph.js';
import type { OrgGraph } from '../../../src/graph/org-graph.js';
import { datasetFile } from '../../helpers/datasets.js';

/**
 * Reads one relation of a shared dataset into an OrgGraph: every roster person a node (roster order,
 * isolates included), ties in file order, repeated pairs summed. The shared CSVs are simple (no quoting),
 * so a split on commas is enough here; the product reads them through src/ingest.
 */
export function loadNetwork(name: string, relation: string): OrgGraph {
  const roster = readSimpleCsv(datasetFile(name, 'roster.csv'));
  const ties = readSimpleCsv(datasetFile(name, 'ties.csv'));
  const ids = roster.map((r) => r['id']!);
  const edges = ties.filter((t) => t['relation'] === relation).map((t) => [t['source']!, t['target']!, Number(t['weight'])] as const);
  return graphFrom(ids, edges);
}

function readSimpleCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
