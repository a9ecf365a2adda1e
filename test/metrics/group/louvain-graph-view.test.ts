import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { csrFromEdges } from '../../../src/graph/csr-builder.js';
import type { Csr } from '../../../src/graph/csr.js';
import { undirectedIndex } from '../../../src/graph/undirected.js';
import { louvainGraphView } from '../../../src/metrics/group/louvain-graph-view.js';
import { mulberry32 } from '../../../src/metrics/random.js';
import { loadDataset } from '../../../src/ingest/load-dataset.js';
import { selectionCsr } from '../../../src/graph/selection-csr.js';
import { repoRoot } from '../../helpers/datasets.js';
import { ANY_DOMAIN } from '../../../src/model/types.js';

/** The graphology Graph louvainCommunities used to build: ids in order, then each pair j > i in neighbour order. */
function builtGraph(ig: Csr): Graph {
  const u = undirectedIndex(ig);
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ig.ids) g.addNode(id);
  for (let i = 0; i < ig.n; i++)
    for (let k = u.start[i]!; k < u.start[i + 1]!; k++) {
      const j = u.adj[k]!;
      if (j > i) g.addEdge(ig.ids[i]!, ig.ids[j]!, { weight: u.w[k]! });
    }
  return g;
}

/** A seeded random network: n people, m arcs (some both ways, some self-ties), weights 1–5, a few isolates. */
function randomNetwork(n: number, m: number, seed: number): Csr {
  const rng = mulberry32(seed);
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const seen = new Set<string>();
  const arcs: Array<[string, string, number]> = [];
  while (arcs.length < m) {
    const s = Math.floor(rng() * (n - 3));
    const t = rng() < 0.6 ? Math.floor(s / 10) * 10 + Math.floor(rng() * 10) : Math.floor(rng() * (n - 3));
    if (t >= n - 3 || seen.has(`${s},${t}`)) continue;
    seen.add(`${s},${t}`);
    arcs.push([ids[s]!, ids[t]!, 1 + Math.floor(rng() * 5)]);
  }
  return csrFromEdges(ids, arcs);
}

function samePartition(ig: Csr, seed: number, resolution = 1): void {
  const options = { getEdgeWeight: 'weight', resolution };
  const view = louvainGraphView(ig, undirectedIndex(ig));
  const graph = builtGraph(ig);
  expect(view.order).toBe(graph.order);
  expect(view.size).toBe(graph.size);
  expect(louvain(view, { ...options, rng: mulberry32(seed) })).toEqual(louvain(graph, { ...options, rng: mulberry32(seed) }));
}

describe('graphology-communities-louvain reads the typed-array view as it reads the Graph built for it', () => {
  it('gives the same partition on seeded random networks, for several seeds and resolutions', () => {
    for (const [n, m, seed] of [
      [60, 240, 1],
      [400, 3000, 2],
      [2000, 12000, 3],
    ] as const) {
      const ig = randomNetwork(n, m, seed);
      for (const s of [1, 7, 20240901]) samePartition(ig, s);
      samePartition(ig, 5, 0.5);
      samePartition(ig, 5, 2);
    }
  });

  it('gives the same partition on the demo district, per domain and pooled', async () => {
    const dir = join(repoRoot, 'fixtures', 'demo', 'pinewood', '2024-25');
    const loaded = await loadDataset({ ties: join(dir, 'ties.csv'), roster: join(dir, 'roster.csv') });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
    const domains = [...new Set(loaded.value.ties.map((t) => t.domain))];
    for (const domain of domains) samePartition(selectionCsr(loaded.value, { relation: 'advice', domain }), 20240901);
    samePartition(selectionCsr(loaded.value, { relation: 'advice', domain: ANY_DOMAIN }), 20240901);
  });
});
