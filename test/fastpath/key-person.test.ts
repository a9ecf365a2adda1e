import { describe, expect, it } from 'vitest';
import { keyPersonRemoval, reachabilityShare, strongComponents } from '../../src/fastpath/key-person.js';
import { csrFromEdges } from '../../src/fastpath/csr-graph.js';
import { graphFrom } from '../../src/graph/build-graph.js';
import { toCsr } from '../../src/graph/csr.js';
import { reachability } from '../../src/metrics/risk/reach.js';
import { randomGraph } from './helpers.js';

describe('key-person removal at scale', () => {
  it('a→b→c: reachability 3/6; without b only 0 of 2 pairs', () => {
    const g = csrFromEdges(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(reachabilityShare(g)).toBe(0.5);
    expect(keyPersonRemoval(g, [1])[0]).toEqual({ person: 1, before: 0.5, after: 0, drop: 0.5 });
  });

  it('finds strongly connected components sinks first', () => {
    const g = csrFromEdges(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'c'],
      ],
    );
    const { comp, count } = strongComponents(g);
    expect(count).toBe(2);
    expect(comp[2]).toBe(0);
    expect(comp[0]).toBe(1);
  });

  it('agrees with src/metrics/risk reachability on seeded random graphs, with and without a person', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(150, 300 + 100 * seed, seed);
      const edges: Array<[string, string, number]> = [];
      for (let s = 0; s < g.n; s++)
        for (let k = g.outOffsets[s]!; k < g.outOffsets[s + 1]!; k++) edges.push([g.ids[s]!, g.ids[g.outTargets[k]!]!, 1]);
      const ig = toCsr(graphFrom(g.ids, edges));
      expect(reachabilityShare(g)).toBeCloseTo(reachability(ig)!, 12);
      const removed = new Uint8Array(g.n);
      removed[ig.index.get(g.ids[3]!)!] = 1;
      const mine = new Uint8Array(g.n);
      mine[3] = 1;
      expect(reachabilityShare(g, mine)).toBeCloseTo(reachability(ig, removed)!, 12);
    }
  });
});
