import { expect, it } from 'vitest';
import { datasetFile, describeWithDatasets } from '../../helpers/datasets.js';
import { loadDataset } from '../../../src/ingest/load-dataset.js';
import { buildGraph } from '../../../src/graph/build-graph.js';
import type { OrgGraph } from '../../../src/graph/org-graph.js';
import { loadNetwork } from './load.js';
import { checkAgainstReference } from './check-reference.js';

/**
 * Every core metric against networkx 3.6 on the three real networks (test/reference/make_reference.py),
 * read through the product's own ingest (loadDataset + buildGraph).
 */
const NETWORKS: Array<[string, string]> = [
  ['lazega_lawfirm', 'advice'],
  ['krackhardt_hightech', 'advice'],
  ['uk_faculty', 'friendship'],
];

async function ingest(name: string, relation: string): Promise<OrgGraph> {
  const r = await loadDataset({ roster: datasetFile(name, 'roster.csv'), ties: datasetFile(name, 'ties.csv') });
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return buildGraph(r.value, { relation });
}

describeWithDatasets('core metrics agree with networkx on the real networks', () => {
  for (const [name, relation] of NETWORKS) {
    it(`${name}: the ingest gives the same graph as a plain CSV read`, async () => {
      const g = await ingest(name, relation);
      const plain = loadNetwork(name, relation);
      expect(g.nodes()).toEqual(plain.nodes());
      const ties = (x: OrgGraph) => x.mapEdges((_e, a, s, t) => `${s}>${t}:${a.weight}`).sort();
      expect(ties(g)).toEqual(ties(plain));
    });
    checkAgainstReference(name, () => ingest(name, relation));
  }
  it('the lazega advice network has the documented size (71 lawyers, 892 ties)', () => {
    const g = loadNetwork('lazega_lawfirm', 'advice');
    expect([g.order, g.size]).toEqual([71, 892]);
  });
});
