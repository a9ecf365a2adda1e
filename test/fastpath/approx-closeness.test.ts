import { describe, expect, it } from 'vitest';
import { approxClosenessAndSpectral, EXACT_CLOSENESS_MAX_PEOPLE, sampleSources } from '../../src/fastpath/approx-closeness.js';
import { fastCloseness } from '../../src/fastpath/paths.js';
import { fastCoreMetrics } from '../../src/fastpath/core.js';
import { readTiesCsr } from '../../src/fastpath/ingest-ties.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import type { Csr } from '../../src/graph/csr.js';
import { datasetFile, describeWithDatasets } from '../helpers/datasets.js';
import { randomGraph } from './helpers.js';

async function dataset(name: string, relation: string): Promise<Csr> {
  const read = await readTiesCsr(datasetFile(name, 'ties.csv'), { roster: datasetFile(name, 'roster.csv'), relation });
  if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
  return read.graph;
}

describe('source-sampled closeness', () => {
  it('equals exact closeness when every person is a sampled source, with zero error', async () => {
    const g = randomGraph(400, 3000, 3);
    const exact = await fastCloseness(g, { threads: 1 });
    const { closeness } = await approxClosenessAndSpectral(g, { samples: 400, threads: 1 });
    expect(closeness.samples).toBe(400);
    for (let v = 0; v < g.n; v++) {
      expect(Math.abs(closeness.values[v]! - exact[v]!), `person ${v}`).toBeLessThan(1e-12);
      expect(closeness.halfWidth95[v]).toBe(0);
    }
  });

  it('draws distinct sources, the same ones for the same seed', () => {
    const a = sampleSources(1000, 300, 4);
    expect(new Set(a).size).toBe(300);
    expect(Array.from(sampleSources(1000, 300, 4))).toEqual(Array.from(a));
    expect(Array.from(sampleSources(1000, 300, 5))).not.toEqual(Array.from(a));
  });

  it('is all zeros for a network without ties', async () => {
    const g = csrFromEdges(['a', 'b', 'c'], []);
    const { closeness } = await approxClosenessAndSpectral(g, { samples: 2, threads: 1 });
    expect(Array.from(closeness.values)).toEqual([0, 0, 0]);
  });

  it('is used above EXACT_CLOSENESS_MAX_PEOPLE only, and --exact keeps it exact', async () => {
    const g = randomGraph(300, 2000, 1);
    const small = await fastCoreMetrics(g, { threads: 1 });
    expect(small.closenessMethod.approximate).toBe(false);
    expect(EXACT_CLOSENESS_MAX_PEOPLE).toBe(20_000);
  });
});

describeWithDatasets('source-sampled closeness on real networks: within its stated error of exact', () => {
  for (const [name, relation, samples] of [
    ['lazega_lawfirm', 'advice', 20],
    ['uk_faculty', 'friendship', 24],
  ] as const) {
    it(`${name} ${relation}: 95 % intervals cover exact closeness for at least 90 % of people over 20 seeds`, async () => {
      const g = await dataset(name, relation);
      const exact = await fastCloseness(g, { threads: 1 });
      let covered = 0;
      let total = 0;
      let relErrSum = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const { closeness } = await approxClosenessAndSpectral(g, { samples, seed, threads: 1 });
        expect(closeness.samples).toBe(samples);
        for (let v = 0; v < g.n; v++) {
          if (exact[v]! === 0 && closeness.values[v] === 0) continue;
          total++;
          if (Math.abs(closeness.values[v]! - exact[v]!) <= closeness.halfWidth95[v]! + 1e-12) covered++;
          if (exact[v]! > 0) relErrSum += Math.abs(closeness.values[v]! - exact[v]!) / exact[v]!;
        }
      }
      expect(covered / total).toBeGreaterThanOrEqual(0.9);
      // and the estimates are useful: mean relative error under 15 % from a quarter to a third of the people
      expect(relErrSum / total).toBeLessThan(0.15);
    });
  }
});
