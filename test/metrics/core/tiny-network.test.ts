import { describe, expect, it } from 'vitest';
import { density } from '../../../src/metrics/network/density.js';
import { reciprocity } from '../../../src/metrics/network/reciprocity.js';
import { transitivity } from '../../../src/metrics/network/transitivity.js';
import { strongComponentCount, strongComponents, weakComponentCount, weakComponents } from '../../../src/metrics/network/components.js';
import { inDegreeCentralization } from '../../../src/metrics/network/centralization.js';
import { isolates } from '../../../src/metrics/network/isolates.js';
import { toCsr } from '../../../src/graph/csr.js';
import { graphFrom } from '../../../src/graph/build-graph.js';
import { tiny } from './tiny-graphs.js';

describe('density', () => {
  it('is ties / n(n−1): in-star 3/12, path 2/6, two nodes 1/2', () => {
    expect(density(tiny.inStar())).toBe(0.25);
    expect(density(tiny.path())).toBeCloseTo(1 / 3, 15);
    expect(density(tiny.twoNodes())).toBe(0.5);
  });
  it('is null for n < 2 (no possible tie) and 0 for no ties', () => {
    expect([density(tiny.empty()), density(tiny.single()), density(graphFrom(['a', 'b'], []))]).toEqual([null, null, 0]);
  });
});

describe('reciprocity', () => {
  it('counts a mutual pair twice: two components 2/5, mutual pair 1, path 0', () => {
    expect(reciprocity(tiny.twoComponents())).toBe(0.4);
    expect(reciprocity(tiny.mutualPair())).toBe(1);
    expect(reciprocity(tiny.path())).toBe(0);
  });
  it('is null without ties', () => {
    expect([reciprocity(tiny.empty()), reciprocity(tiny.single())]).toEqual([null, null]);
  });
});

describe('transitivity', () => {
  it('ignores direction: the 3-cycle closes its triples, 6·1 / (2+2+2) = 1', () => {
    expect(transitivity(tiny.twoComponents())).toBe(1);
    expect(transitivity(tiny.weightedTriangle())).toBe(1);
  });
  it('is 0 with triples but no triangle (star, path, 4-cycle) and with no triples at all', () => {
    for (const g of [tiny.inStar(), tiny.path(), tiny.cycle(), tiny.twoNodes(), tiny.single(), tiny.empty()]) {
      expect(transitivity(g)).toBe(0);
    }
  });
  it('counts a diamond with one chord: triangles 2, Σd(d−1) = 2+6+6+2 = 16, 12/16', () => {
    const g = graphFrom(
      [],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
        ['b', 'd'],
        ['d', 'b'],
      ],
    );
    expect(transitivity(g)).toBe(0.75);
  });
});

describe('components', () => {
  it('weak components join ties either way; isolates are their own component', () => {
    expect(weakComponents(tiny.twoComponents())).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(weakComponents(tiny.withIsolate())).toEqual([['a', 'b'], ['c']]);
    expect(weakComponentCount(tiny.inStar())).toBe(1);
  });
  it('strong components need directed cycles: path is 3 singletons, cycle is 1', () => {
    expect(strongComponents(tiny.path())).toEqual([['a'], ['b'], ['c']]);
    expect(strongComponents(tiny.cycle())).toEqual([['a', 'b', 'c', 'd']]);
    expect(strongComponents(tiny.twoComponents())).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(strongComponentCount(tiny.inStar())).toBe(4);
  });
  it('degenerate: empty → none, one person → one', () => {
    expect([weakComponents(tiny.empty()), strongComponents(tiny.empty())]).toEqual([[], []]);
    expect([weakComponentCount(tiny.single()), strongComponentCount(tiny.single())]).toEqual([1, 1]);
  });
  it('strong components survive a long path without recursion limits', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `p${i}`);
    const edges = ids.slice(1).map((id, i) => [ids[i]!, id] as const);
    const g = graphFrom(ids, [...edges, [ids[ids.length - 1]!, ids[0]!]]);
    expect(strongComponentCount(toCsr(g))).toBe(1);
  });
});

describe('inDegreeCentralization', () => {
  it('is 1 for an in-star: Σ(3 − d) = 9 over (n−1)² = 9', () => {
    expect(inDegreeCentralization(tiny.inStar())).toBe(1);
  });
  it('path a→b→c: in-degrees 0,1,1 → 1/4; cycle → 0; a→b → 1/1', () => {
    expect(inDegreeCentralization(tiny.path())).toBe(0.25);
    expect(inDegreeCentralization(tiny.cycle())).toBe(0);
    expect(inDegreeCentralization(tiny.twoNodes())).toBe(1);
  });
  it('is null for n < 2 (nobody can be named) and 0 for no ties', () => {
    expect([inDegreeCentralization(tiny.empty()), inDegreeCentralization(tiny.single())]).toEqual([null, null]);
    expect(inDegreeCentralization(graphFrom(['a', 'b', 'c'], []))).toBe(0);
  });
});

describe('isolates', () => {
  it('lists people with neither incoming nor outgoing ties', () => {
    expect(isolates(tiny.withIsolate())).toEqual({ count: 1, ids: ['c'] });
    expect(isolates(tiny.path())).toEqual({ count: 0, ids: [] });
    expect(isolates(tiny.single())).toEqual({ count: 1, ids: ['a'] });
    expect(isolates(tiny.empty())).toEqual({ count: 0, ids: [] });
  });
});
