import { describe, expect, it } from 'vitest';
import { exactBetweenness, fastCloseness, incomingDistances } from '../../src/fastpath/paths.js';
import { reachability } from '../../src/metrics/risk/reach.js';
import { pageRankGaussSeidel } from '../../src/fastpath/kernels/pagerank-gs.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import { allSourcesPaths } from '../../src/metrics/node/shortest-paths.js';
import { pageRankArray } from '../../src/metrics/node/pagerank.js';
import { closenessFromSums } from '../../src/metrics/node/closeness.js';
import { scaleBetweenness } from '../../src/metrics/node/betweenness.js';
import { randomGraph } from './helpers.js';
import { louvain } from '../../src/fastpath/kernels/louvain.js';
import { louvainCommunities, modularity } from '../../src/metrics/group/communities.js';
import { graphFrom } from '../../src/graph/build-graph.js';
import { toCsr } from '../../src/graph/csr.js';

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

  it('the people reaching each person add up to the one reachability (a→b→c: 3 of 6; random graphs)', async () => {
    const path = csrFromEdges(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    for (const g of [path, randomGraph(200, 500, 7)]) {
      const d = await incomingDistances(g, { threads: 1 });
      const pairs = d.reachedBy.reduce((a, b) => a + b, 0);
      expect(pairs / (g.n * (g.n - 1))).toBe(reachability(g));
    }
    expect(reachability(path)).toBe(0.5);
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

describe('the typed-array Louvain kernel agrees with louvainCommunities (graphology-communities-louvain)', () => {
  /** k cliques of size s (all ties both ways), clique c's first member names clique c+1's first member. */
  function ringOfCliques(k: number, s: number): Array<[string, string]> {
    const edges: Array<[string, string]> = [];
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) if (i !== j) edges.push([`c${c}p${i}`, `c${c}p${j}`]);
      edges.push([`c${c}p0`, `c${(c + 1) % k}p0`]);
    }
    return edges;
  }
  const partition = (ids: readonly string[], labels: ArrayLike<number>) => {
    const groups = new Map<number, string[]>();
    ids.forEach((id, i) => groups.set(labels[i]!, [...(groups.get(labels[i]!) ?? []), id]));
    return [...groups.values()].map((g) => g.sort().join(' ')).sort();
  };

  for (const [k, s] of [
    [2, 3],
    [4, 5],
    [6, 4],
  ] as const) {
    it(`finds the same ${k} communities with the same modularity (ring of ${k} cliques of ${s})`, () => {
      const edges = ringOfCliques(k, s);
      const fast = louvain(csrFromEdges([], edges), 1);
      const g = toCsr(graphFrom([], edges));
      const slow = louvainCommunities(g, { seed: 1 });
      expect(fast.count).toBe(k);
      expect(partition(g.ids, fast.labels)).toEqual(slow.communities.map((c) => [...c].sort().join(' ')).sort());
      expect(fast.modularity).toBeCloseTo(slow.modularity!, 12);
      expect(fast.modularity).toBe(modularity(csrFromEdges([], edges), fast.labels));
    });
  }
});
