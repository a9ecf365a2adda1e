import { expect, it } from 'vitest';
import { datasetFile, describeWithDatasets } from '../helpers/datasets.js';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { coreMetrics } from '../../src/metrics/core.js';
import { readTiesCsr } from '../../src/fastpath/ingest-ties.js';
import { fastCoreMetrics } from '../../src/fastpath/core.js';
import { analyzeLargeTiesFile } from '../../src/fastpath/analyze-large.js';

const CASES = [
  ['lazega_lawfirm', 'advice'],
  ['lazega_lawfirm', 'friendship'],
  ['krackhardt_hightech', 'advice'],
  ['uk_faculty', 'friendship'],
] as const;

describeWithDatasets('fast path equals the graphology path on the shared datasets', () => {
  for (const [name, relation] of CASES) {
    it(`${name} ${relation}: every core metric of every person agrees to 1e-12`, async () => {
      const loaded = await loadDataset({ ties: datasetFile(name, 'ties.csv'), roster: datasetFile(name, 'roster.csv') });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
      const slow = coreMetrics(buildGraph(loaded.value, { relation }));
      const read = await readTiesCsr(datasetFile(name, 'ties.csv'), { roster: datasetFile(name, 'roster.csv'), relation });
      if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
      const fast = await fastCoreMetrics(read.graph, { exact: true, threads: 1 });
      expect(fast.betweennessMethod.approximate).toBe(false);
      expect(fast.network.ties).toBe(slow.network.ties);
      expect(fast.network.people).toBe(slow.network.people);
      const byId = new Map(fast.people.map((p) => [p.id, p]));
      for (const p of slow.people) {
        const q = byId.get(p.id)!;
        for (const k of [
          'inDegree',
          'outDegree',
          'inStrength',
          'outStrength',
          'betweenness',
          'closeness',
          'eigenvector',
          'hubs',
          'authorities',
        ] as const) {
          expect(Math.abs((q[k] ?? 0) - (p[k] ?? 0)), `${p.id} ${k}`).toBeLessThan(1e-12);
        }
        // PageRank: both stop at L1 change < 1e-10 from different iterations (Gauss–Seidel vs power).
        expect(Math.abs(q.pageRank! - p.pageRank!), `${p.id} pageRank`).toBeLessThan(1e-9);
      }
      expect(fast.network.density).toBeCloseTo(slow.network.density!, 12);
      expect(fast.network.reciprocity).toBeCloseTo(slow.network.reciprocity!, 12);
      expect(fast.network.transitivity).toBeCloseTo(slow.network.transitivity, 12);
      expect(fast.network.strongComponents).toBe(slow.network.strongComponents);
    });
  }

  it('analyzeLargeTiesFile reads straight from the file and reports how betweenness was computed', async () => {
    const r = await analyzeLargeTiesFile(datasetFile('lazega_lawfirm', 'ties.csv'), { relation: 'advice', threads: 1 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.metrics.people).toHaveLength(71);
      expect(r.metrics.betweennessMethod).toMatchObject({ approximate: false, method: 'brandes' });
    }
  });
});
