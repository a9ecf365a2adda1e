import { describe, expect, it } from 'vitest';
import { inDegree, inStrength, outDegree, outStrength } from '../../../src/metrics/node/degree.js';
import { pageRank } from '../../../src/metrics/node/pagerank.js';
import { betweenness } from '../../../src/metrics/node/betweenness.js';
import { closeness } from '../../../src/metrics/node/closeness.js';
import { eigenvector } from '../../../src/metrics/node/eigenvector.js';
import { hits } from '../../../src/metrics/node/hits.js';
import { close, obj, tiny } from './tiny-graphs.js';

describe('degree and strength', () => {
  it('count distinct neighbours and sum strengths', () => {
    const g = tiny.weightedTriangle();
    expect(obj(inDegree(g))).toEqual({ a: 0, b: 1, c: 2 });
    expect(obj(outDegree(g))).toEqual({ a: 2, b: 1, c: 0 });
    // c receives 2 (from b) + 1 (from a); a sends 2 + 1.
    expect(obj(inStrength(g))).toEqual({ a: 0, b: 2, c: 3 });
    expect(obj(outStrength(g))).toEqual({ a: 3, b: 2, c: 0 });
  });
  it('are 0 for isolates and empty for the empty graph', () => {
    expect(obj(inDegree(tiny.withIsolate()))).toEqual({ a: 0, b: 1, c: 0 });
    expect(inDegree(tiny.empty()).size).toBe(0);
  });
});

// PageRank stops at an L1 change of 1e-10, so values agree with the exact solution to ~1e-9.
describe('pageRank', () => {
  it('in-star: the head gets 71/131 and each naming colleague 20/131', () => {
    // a is dangling. Leaves: x_l = 0.15/4 + 0.85·x_a/4; with x_a + 3x_l = 1 → x_a = 0.8875/1.6375 = 71/131.
    expect(obj(pageRank(tiny.inStar()).values)).toEqual(close({ a: 71 / 131, b: 20 / 131, c: 20 / 131, d: 20 / 131 }, 9));
  });
  it('path a→b→c: proportional to 1, 1+α, 1+α+α²', () => {
    // c dangling: x_a = u', x_b = (1+α)u', x_c = (1+α+α²)u' with u' = 1/(3 + 2α + α²) = 1/5.4225.
    const d = 5.4225;
    expect(obj(pageRank(tiny.path()).values)).toEqual(close({ a: 1 / d, b: 1.85 / d, c: 2.5725 / d }, 9));
  });
  it('is uniform on a cycle and on two disjoint cycles', () => {
    expect(obj(pageRank(tiny.cycle()).values)).toEqual(close({ a: 0.25, b: 0.25, c: 0.25, d: 0.25 }, 9));
    expect(obj(pageRank(tiny.twoComponents()).values)).toEqual(close({ a: 0.2, b: 0.2, c: 0.2, d: 0.2, e: 0.2 }, 9));
  });
  it('gives an isolate its teleport share plus dangling mass, never 0', () => {
    // b and c dangling; x_a = x_c, x_b = 1.85·x_a, sum 3.85·x_a = 1.
    expect(obj(pageRank(tiny.withIsolate()).values)).toEqual(close({ a: 1 / 3.85, b: 1.85 / 3.85, c: 1 / 3.85 }, 9));
  });
  it('degenerate: empty → empty, one person → 1, two people a→b → 20/57 and 37/57', () => {
    expect(pageRank(tiny.empty()).values.size).toBe(0);
    expect(obj(pageRank(tiny.single()).values)).toEqual({ a: 1 });
    // x_a = 0.075 + 0.425·x_b, x_a + x_b = 1 → x_a = 0.5/1.425 = 20/57.
    expect(obj(pageRank(tiny.twoNodes()).values)).toEqual(close({ a: 20 / 57, b: 37 / 57 }, 9));
  });
});

describe('betweenness', () => {
  it('path a→b→c: b brokers the only a→c path, 1/((n−1)(n−2)) = 1/2', () => {
    expect(obj(betweenness(tiny.path()))).toEqual({ a: 0, b: 0.5, c: 0 });
  });
  it('4-cycle: each person lies on 1 two-step and 2 three-step paths, 3/6 = 0.5', () => {
    expect(obj(betweenness(tiny.cycle()))).toEqual(close({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 }));
  });
  it('in-star: nobody brokers (all paths have one step)', () => {
    expect(obj(betweenness(tiny.inStar()))).toEqual({ a: 0, b: 0, c: 0, d: 0 });
  });
  it('two components: each member of the 3-cycle brokers one path, 1/(4·3)', () => {
    expect(obj(betweenness(tiny.twoComponents()))).toEqual(close({ a: 0, b: 0, c: 1 / 12, d: 1 / 12, e: 1 / 12 }));
  });
  it('weighted uses 1/strength: a→b→c (1/2 + 1/2) ties a→c (1/1), so b gets ½ path, normalised 1/4', () => {
    expect(obj(betweenness(tiny.weightedTriangle(), { weighted: true }))).toEqual({ a: 0, b: 0.25, c: 0 });
    // By hops the direct tie is shorter and b brokers nothing.
    expect(obj(betweenness(tiny.weightedTriangle()))).toEqual({ a: 0, b: 0, c: 0 });
  });
  it('degenerate: n < 3 is all 0; empty is empty', () => {
    expect(obj(betweenness(tiny.twoNodes()))).toEqual({ a: 0, b: 0 });
    expect(obj(betweenness(tiny.single()))).toEqual({ a: 0 });
    expect(betweenness(tiny.empty()).size).toBe(0);
  });
});

describe('closeness (incoming, Wasserman–Faust)', () => {
  it('path a→b→c: c is reached by b (1) and a (2): (2/3)·(2/2); b by a: (1/1)·(1/2)', () => {
    expect(obj(closeness(tiny.path()))).toEqual(close({ a: 0, b: 0.5, c: 2 / 3 }));
  });
  it('in-star: the head is 1 from everyone (1); the others are reached by nobody (0)', () => {
    expect(obj(closeness(tiny.inStar()))).toEqual({ a: 1, b: 0, c: 0, d: 0 });
  });
  it('4-cycle: incoming distances 1 + 2 + 3 = 6, (3/6)·(3/3) = 0.5', () => {
    expect(obj(closeness(tiny.cycle()))).toEqual(close({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 }));
  });
  it('two components are scaled by the share reached: pair (1/1)·(1/4), 3-cycle (2/3)·(2/4)', () => {
    expect(obj(closeness(tiny.twoComponents()))).toEqual(close({ a: 0.25, b: 0.25, c: 1 / 3, d: 1 / 3, e: 1 / 3 }));
  });
  it('an isolate is 0 and halves b: (1/1)·(1/2)', () => {
    expect(obj(closeness(tiny.withIsolate()))).toEqual({ a: 0, b: 0.5, c: 0 });
    expect(obj(closeness(tiny.twoNodes()))).toEqual({ a: 0, b: 1 });
  });
  it('weighted: c is 1 from a and 1/2 from b: (2/1.5)·(2/2) = 4/3 (can exceed 1 when ties are strong)', () => {
    expect(obj(closeness(tiny.weightedTriangle(), { weighted: true }))).toEqual(close({ a: 0, b: 1, c: 4 / 3 }));
  });
  it('degenerate: one person → 0, empty → empty', () => {
    expect(obj(closeness(tiny.single()))).toEqual({ a: 0 });
    expect(closeness(tiny.empty()).size).toBe(0);
  });
});

describe('eigenvector', () => {
  it('is 1/√n on a cycle: x + Aᵀx = 2x from the uniform start', () => {
    const r = eigenvector(tiny.cycle());
    expect(r.reason).toBeNull();
    expect(obj(r.values)).toEqual(close({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 }));
    expect(obj(eigenvector(tiny.twoComponents()).values)).toEqual(
      close({ a: 5 ** -0.5, b: 5 ** -0.5, c: 5 ** -0.5, d: 5 ** -0.5, e: 5 ** -0.5 }),
    );
  });
  it('is null with "did not converge" on acyclic graphs (leading eigenvalue 0), as networkx raises', () => {
    for (const g of [tiny.inStar(), tiny.path(), tiny.twoNodes()]) {
      expect(eigenvector(g)).toMatchObject({ values: null, reason: 'did not converge', iterations: 100 });
    }
  });
  it('is null with "no ties" when there are no ties; empty for the empty graph', () => {
    expect(eigenvector(tiny.single())).toMatchObject({ values: null, reason: 'no ties' });
    expect(eigenvector(tiny.empty()).values?.size).toBe(0);
  });
});

describe('hits', () => {
  it('in-star: the head is the only authority; each colleague naming it a hub of 1/3', () => {
    const r = hits(tiny.inStar());
    expect(obj(r.authorities)).toEqual(close({ a: 1, b: 0, c: 0, d: 0 }));
    expect(obj(r.hubs)).toEqual(close({ a: 0, b: 1 / 3, c: 1 / 3, d: 1 / 3 }));
  });
  it('two people a→b: b authority 1, a hub 1', () => {
    const r = hits(tiny.twoNodes());
    expect([obj(r.hubs), obj(r.authorities)]).toEqual([
      { a: 1, b: 0 },
      { a: 0, b: 1 },
    ]);
  });
  it('repeated leading singular value (path, cycle): the deterministic projection of the uniform start', () => {
    // Path: AᵀA = diag(0, 1, 1) → a ∝ (0, 1, 1), h = A a ∝ (1, 1, 0).
    const p = hits(tiny.path());
    expect([obj(p.hubs), obj(p.authorities)]).toEqual([
      { a: 0.5, b: 0.5, c: 0 },
      { a: 0, b: 0.5, c: 0.5 },
    ]);
    // Cycle: AᵀA = I → uniform.
    expect(obj(hits(tiny.cycle()).authorities)).toEqual(close({ a: 0.25, b: 0.25, c: 0.25, d: 0.25 }));
  });
  it('uses strengths: in the weighted triangle c (named with 2 and 1) outranks b (named with 2)', () => {
    const r = hits(tiny.weightedTriangle());
    expect(r.authorities!.get('c')!).toBeGreaterThan(r.authorities!.get('b')!);
    expect(r.authorities!.get('a')).toBe(0);
  });
  it('is null with "no ties" without ties; empty maps for the empty graph', () => {
    expect(hits(tiny.single())).toMatchObject({ hubs: null, authorities: null, reason: 'no ties' });
    expect(hits(tiny.empty()).hubs?.size).toBe(0);
  });
});
