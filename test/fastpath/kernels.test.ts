import { describe, expect, it } from 'vitest';
import { exactBetweenness, fastCloseness, incomingDistances, reachabilityFromDistances } from '../../src/fastpath/paths.js';
import { pageRankGaussSeidel } from '../../src/fastpath/kernels/pagerank-gs.js';
import { csrFromEdges } from '../../src/fastpath/csr-graph.js';
import { allSourcesPaths } from '../../src/metrics/node/shortest-paths.js';
import { pageRankArray } from '../../src/metrics/node/pagerank.js';
import { closenessFromSums } from '../../src/metrics/node/closeness.js';
import { scaleBetweenness } from '../../src/metrics/node/betweenness.js';
import { randomGraph } from './helpers.js';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe('fast path kernels agree with src/metrics on seeded random graphs', () => {
  for (const [n, m, seed] of [
    [40, 120, 1],
    [300, 2400, 2],
    [700, 3000, 3],
    [257, 5000, 4],
  ] as const) {
    const g = randomGraph(n, m, seed);
    const ref = allSourcesPaths(g, { weighted: false, betweenness: true });

    it(`betweenness matches Brandes in src/metrics to 1e-12 (n=${n}, seed ${seed})`, async () => {
      const fast = await exactBetweenness(g, { threads: 1 });
      expect(maxDiff(fast, scaleBetweenness(Float64Array.from(ref.betweenness), n, true))).toBeLessThan(1e-12);
    });

    it(`closeness from bit-parallel BFS equals one BFS per person exactly (n=${n}, seed ${seed})`, async () => {
      const d = await incomingDistances(g, { threads: 1 });
      expect(Array.from(d.distanceSum)).toEqual(Array.from(ref.distanceSum));
      expect(Array.from(d.reachedBy)).toEqual(Array.from(ref.reachedBy));
      expect(maxDiff(await fastCloseness(g, { threads: 1 }), closenessFromSums(ref.distanceSum, ref.reachedBy, n))).toBe(0);
    });

    it(`Gauss–Seidel PageRank reaches the power method's fixed point to 1e-12 (n=${n}, seed ${seed})`, () => {
      const gs = pageRankGaussSeidel(g, 0.85, 1e-15);
      const power = pageRankArray(g, { tolerance: 1e-15 });
      expect(gs.converged).toBe(true);
      expect(maxDiff(gs.values, power.values)).toBeLessThan(1e-12);
      expect(gs.sweeps).toBeLessThanOrEqual(power.iterations);
    });
  }

  it('reachability counts ordered connected pairs: a→b→c gives 3 of 6', async () => {
    const g = csrFromEdges(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(reachabilityFromDistances(await incomingDistances(g), 3)).toBe(0.5);
  });

  it('handles degenerate graphs: empty, one person, two people, no ties', async () => {
    for (const g of [
      csrFromEdges([], []),
      csrFromEdges(['a'], []),
      csrFromEdges(['a', 'b'], [['a', 'b']]),
      csrFromEdges(['a', 'b', 'c'], []),
    ]) {
      expect(Array.from(await exactBetweenness(g))).toEqual(new Array(g.n).fill(0));
      const cl = await fastCloseness(g);
      expect(cl.every((x) => Number.isFinite(x))).toBe(true);
      const pr = pageRankGaussSeidel(g);
      if (g.n > 0) expect(pr.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(Array.from(await fastCloseness(csrFromEdges(['a', 'b'], [['a', 'b']])))).toEqual([0, 1]);
  });

  it('closeness batches larger than one word and not a multiple of the batch size', async () => {
    const g = randomGraph(1000, 6000, 9);
    const ref = allSourcesPaths(g, { weighted: false, betweenness: false });
    const d = await incomingDistances(g, { threads: 1 });
    expect(Array.from(d.distanceSum)).toEqual(Array.from(ref.distanceSum));
  });
});
