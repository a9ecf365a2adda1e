import { describe, expect, it } from 'vitest';
import { keyPersonRemoval } from '../../src/fastpath/key-person.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import { graphFrom } from '../../src/graph/build-graph.js';
import { toCsr, type CsrArrays } from '../../src/graph/csr.js';
import { tarjan } from '../../src/metrics/network/components.js';
import { reachability } from '../../src/metrics/risk/reach.js';
import { keyPersonRisk } from '../../src/metrics/risk/key-person.js';
import { randomGraph } from './helpers.js';

/** Reachability by brute force: one BFS from every remaining person. */
function bruteReachability(c: CsrArrays, removed: Uint8Array): number | null {
  const alive = [...Array(c.n).keys()].filter((v) => !removed[v]);
  if (alive.length < 2) return null;
  let pairs = 0;
  for (const s of alive) {
    const seen = new Uint8Array(c.n);
    seen[s] = 1;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) {
        const w = c.outTargets[k]!;
        if (seen[w] || removed[w]) continue;
        seen[w] = 1;
        queue.push(w);
        pairs++;
      }
    }
  }
  return pairs / (alive.length * (alive.length - 1));
}

describe('key-person removal at scale', () => {
  it('a→b→c: reachability 3/6; without b only 0 of 2 pairs', () => {
    const g = csrFromEdges(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(reachability(g)).toBe(0.5);
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
    const { comp, count } = tarjan(g);
    expect(count).toBe(2);
    expect(comp[2]).toBe(0);
    expect(comp[0]).toBe(1);
  });

  it('reachability equals one BFS per person on seeded random graphs, with and without a person', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(150, 300 + 100 * seed, seed);
      const removed = new Uint8Array(g.n);
      expect(reachability(g)).toBeCloseTo(bruteReachability(g, removed)!, 12);
      removed[3] = 1;
      removed[40] = 1;
      expect(reachability(g, removed)).toBeCloseTo(bruteReachability(g, removed)!, 12);
    }
  });

  it("drops equal the standard path's keyPersonRisk reachabilityDrop on seeded random graphs", () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(150, 300 + 100 * seed, seed);
      const edges: Array<[string, string, number]> = [];
      for (let s = 0; s < g.n; s++)
        for (let k = g.outOffsets[s]!; k < g.outOffsets[s + 1]!; k++) edges.push([g.ids[s]!, g.ids[g.outTargets[k]!]!, 1]);
      const standard = toCsr(graphFrom(g.ids, edges));
      const candidates = [0, 3, 7, 20];
      const fast = keyPersonRemoval(g, candidates);
      const slow = new Map(
        keyPersonRisk(
          standard,
          candidates.map((i) => g.ids[i]!),
        ).map((k) => [k.id, k]),
      );
      expect(fast.some((f) => (f.drop ?? 0) > 0)).toBe(true);
      for (const f of fast) expect(f.drop).toBeCloseTo(slow.get(g.ids[f.person]!)!.reachabilityDrop!, 12);
    }
  });
});
