import { describe, expect, it } from 'vitest';
import { coreMetrics } from '../../../src/metrics/core.js';
import { toCsr } from '../../../src/graph/csr.js';
import { tiny } from './tiny-graphs.js';

const PERSON_FIELDS = [
  'id',
  'inDegree',
  'outDegree',
  'inStrength',
  'outStrength',
  'pageRank',
  'betweenness',
  'closeness',
  'eigenvector',
  'hubs',
  'authorities',
];
const NETWORK_FIELDS = [
  'people',
  'ties',
  'density',
  'reciprocity',
  'transitivity',
  'weakComponents',
  'strongComponents',
  'inDegreeCentralization',
  'isolates',
  'isolateIds',
];

describe('coreMetrics', () => {
  it('is plain JSON (no NaN, no Infinity) with the documented field names on every tiny graph', () => {
    for (const [name, make] of Object.entries(tiny)) {
      const m = coreMetrics(make());
      expect(JSON.parse(JSON.stringify(m)), name).toEqual(m);
      expect(Object.keys(m.network)).toEqual(NETWORK_FIELDS);
      for (const p of m.people) {
        expect(Object.keys(p), name).toEqual(PERSON_FIELDS);
        for (const f of PERSON_FIELDS.slice(1)) {
          const v = (p as unknown as Record<string, unknown>)[f];
          expect(v === null || Number.isFinite(v), `${name} ${p.id} ${f}`).toBe(true);
        }
      }
    }
  });

  it('lists people in graph order, isolates included', () => {
    const m = coreMetrics(tiny.withIsolate());
    expect(m.people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(m.people[2]).toMatchObject({ id: 'c', inDegree: 0, outDegree: 0, betweenness: 0, closeness: 0, authorities: 0, hubs: 0 });
    expect(m.network.isolates).toBe(1);
    expect(m.network.isolateIds).toEqual(['c']);
  });

  it('empty graph: no people, zeros; density, reciprocity and centralization null with a note each', () => {
    expect(coreMetrics(tiny.empty())).toEqual({
      network: {
        people: 0,
        ties: 0,
        density: null,
        reciprocity: null,
        transitivity: 0,
        weakComponents: 0,
        strongComponents: 0,
        inDegreeCentralization: null,
        isolates: 0,
        isolateIds: [],
      },
      people: [],
      notes: [
        { metric: 'density', reason: 'fewer than 2 people' },
        { metric: 'reciprocity', reason: 'no ties' },
        { metric: 'inDegreeCentralization', reason: 'fewer than 2 people' },
      ],
    });
  });

  it('one person: PageRank 1, eigenvector and HITS null with "no ties"', () => {
    const m = coreMetrics(tiny.single());
    expect(m.people).toEqual([
      {
        id: 'a',
        inDegree: 0,
        outDegree: 0,
        inStrength: 0,
        outStrength: 0,
        pageRank: 1,
        betweenness: 0,
        closeness: 0,
        eigenvector: null,
        hubs: null,
        authorities: null,
      },
    ]);
    expect(m.notes).toEqual([
      { metric: 'eigenvector', reason: 'no ties' },
      { metric: 'hubs', reason: 'no ties' },
      { metric: 'authorities', reason: 'no ties' },
      { metric: 'density', reason: 'fewer than 2 people' },
      { metric: 'reciprocity', reason: 'no ties' },
      { metric: 'inDegreeCentralization', reason: 'fewer than 2 people' },
    ]);
    expect(m.network).toMatchObject({
      people: 1,
      ties: 0,
      density: null,
      weakComponents: 1,
      strongComponents: 1,
      inDegreeCentralization: null,
    });
  });

  it('two people a→b: betweenness 0 (n < 3), closeness of b 1, eigenvector did not converge', () => {
    const m = coreMetrics(tiny.twoNodes());
    expect(m.people.map((p) => [p.betweenness, p.closeness, p.eigenvector])).toEqual([
      [0, 0, null],
      [0, 1, null],
    ]);
    expect(m.notes).toEqual([{ metric: 'eigenvector', reason: 'did not converge' }]);
    expect(m.network).toMatchObject({ density: 0.5, reciprocity: 0, inDegreeCentralization: 1 });
  });
});

describe('toCsr', () => {
  it('indexes out- and in-neighbours with their strengths', () => {
    const c = toCsr(tiny.weightedTriangle());
    expect(c.ids).toEqual(['a', 'b', 'c']);
    expect([...c.outOffsets]).toEqual([0, 2, 3, 3]);
    expect([...c.outTargets]).toEqual([1, 2, 2]);
    expect([...c.outWeights]).toEqual([2, 1, 2]);
    expect([...c.inOffsets]).toEqual([0, 0, 1, 3]);
    expect([...c.inSources]).toEqual([0, 1, 0]); // c is named by b (tie 2), then a (tie 3): edge order
    expect([...c.inWeights]).toEqual([2, 2, 1]);
  });
});
