import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { toCsr } from '../../src/graph/csr.js';
import { selectionCsr } from '../../src/graph/selection-csr.js';
import { ANY_DOMAIN, type Dataset } from '../../src/model/types.js';
import { demoWaveDirs, loadDemoWave } from '../metrics/analytics/demo.js';

function same(dataset: Dataset, selection: { relation?: string; domain?: string; people?: ReadonlySet<string> }): void {
  const a = toCsr(buildGraph(dataset, selection));
  const b = selectionCsr(dataset, selection);
  expect(b.n).toBe(a.n);
  expect(b.m).toBe(a.m);
  expect(b.ids).toEqual(a.ids);
  expect([...b.index]).toEqual([...a.index]);
  for (const k of ['outOffsets', 'outTargets', 'outWeights', 'inOffsets', 'inSources', 'inWeights'] as const) expect(b[k]).toEqual(a[k]);
}

describe('selectionCsr', () => {
  it('gives the arrays of toCsr(buildGraph) on every demo wave, per domain and pooled', async () => {
    const waves = demoWaveDirs().slice(0, 4);
    expect(waves.length).toBeGreaterThan(0);
    for (const w of waves) {
      const { dataset } = await loadDemoWave(w.dir, w.wave);
      expect(dataset.ties.length).toBeGreaterThan(0);
      for (const domain of [...dataset.domains, ANY_DOMAIN]) same(dataset, { domain });
      const half = new Set(dataset.people.filter((_, k) => k % 2 === 0).map((p) => p.id));
      same(dataset, { domain: ANY_DOMAIN, people: half });
    }
  });

  it('sums repeated ties per ordered pair and drops self-ties and people off the roster', () => {
    const person = (id: string) => ({ id }) as Dataset['people'][number];
    const tie = (source: string, target: string, domain: string, weight: number) =>
      ({ source, target, relation: 'advice', domain, weight, count: 1, timestamp: null, wave: null }) as Dataset['ties'][number];
    const dataset = {
      people: ['a', 'b', 'c'].map(person),
      ties: [
        tie('b', 'a', 'x', 2),
        tie('a', 'c', 'x', 1),
        tie('b', 'a', 'y', 3),
        tie('a', 'a', 'x', 1),
        tie('a', 'z', 'x', 1),
        tie('b', 'c', 'y', 1),
      ],
      relations: [{ name: 'advice' }],
      domains: ['x', 'y'],
    } as unknown as Dataset;
    same(dataset, {});
    same(dataset, { domain: 'y' });
    const g = selectionCsr(dataset, {});
    expect(g.m).toBe(3);
    expect([...g.outWeights]).toEqual([1, 5, 1]);
  });
});
