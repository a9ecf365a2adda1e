/**
 * Degenerate networks — 0, 1 and 2 people, and people without ties — for every network-level measure:
 * the values decided once in each measure's doc comment and in the table of docs/metrics.md
 * ("Degenerate cases"). The standard path (coreMetrics on a graphology graph) and the fast path
 * (fastCoreMetrics on typed arrays) must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { graphFrom } from '../../../src/graph/build-graph.js';
import { toCsr, type Csr } from '../../../src/graph/csr.js';
import { undirectedIndex } from '../../../src/graph/undirected.js';
import { coreMetrics, type NetworkMetrics } from '../../../src/metrics/core.js';
import { fastCoreMetrics } from '../../../src/fastpath/core.js';
import { csrFromEdges } from '../../../src/graph/csr-builder.js';
import { louvain } from '../../../src/fastpath/kernels/louvain.js';
import { degreeArrays } from '../../../src/metrics/node/degree.js';
import { gini, lorenzCurve, topShare } from '../../../src/metrics/leadership/distribution.js';
import { leaderThreshold } from '../../../src/metrics/leadership/who-leads.js';
import { louvainCommunities, modularity } from '../../../src/metrics/group/communities.js';
import { eiIndex } from '../../../src/metrics/group/ei-index.js';
import { fragmentation, reachability } from '../../../src/metrics/risk/reach.js';

type Edge = [string, string];
interface Case {
  name: string;
  people: string[];
  edges: Edge[];
  network: Omit<NetworkMetrics, 'isolateIds'>;
  gini: number | null;
  topShare: number | null;
  reachability: number | null;
  fragmentation: number | null;
  modularity: number | null;
  ei: number | null;
}

const none = { density: null, reciprocity: null, inDegreeCentralization: null };
const cases: Case[] = [
  {
    name: 'no people',
    people: [],
    edges: [],
    network: { people: 0, ties: 0, ...none, transitivity: 0, weakComponents: 0, strongComponents: 0, isolates: 0 },
    gini: null,
    topShare: null,
    reachability: null,
    fragmentation: null,
    modularity: null,
    ei: null,
  },
  {
    name: 'one person',
    people: ['a'],
    edges: [],
    network: { people: 1, ties: 0, ...none, transitivity: 0, weakComponents: 1, strongComponents: 1, isolates: 1 },
    gini: null,
    topShare: null,
    reachability: null,
    fragmentation: null,
    modularity: null,
    ei: null,
  },
  {
    name: 'two people, no tie',
    people: ['a', 'b'],
    edges: [],
    network: {
      people: 2,
      ties: 0,
      density: 0,
      reciprocity: null,
      inDegreeCentralization: 0,
      transitivity: 0,
      weakComponents: 2,
      strongComponents: 2,
      isolates: 2,
    },
    gini: null,
    topShare: null,
    reachability: 0,
    fragmentation: 1,
    modularity: null,
    ei: null,
  },
  {
    name: 'two people, a names b',
    people: ['a', 'b'],
    edges: [['a', 'b']],
    network: {
      people: 2,
      ties: 1,
      density: 0.5,
      reciprocity: 0,
      inDegreeCentralization: 1,
      transitivity: 0,
      weakComponents: 1,
      strongComponents: 2,
      isolates: 0,
    },
    gini: 0.5,
    topShare: 1,
    reachability: 0.5,
    fragmentation: 0,
    modularity: 0,
    ei: 1,
  },
  {
    name: 'two people naming each other',
    people: ['a', 'b'],
    edges: [
      ['a', 'b'],
      ['b', 'a'],
    ],
    network: {
      people: 2,
      ties: 2,
      density: 1,
      reciprocity: 1,
      inDegreeCentralization: 0,
      transitivity: 0,
      weakComponents: 1,
      strongComponents: 1,
      isolates: 0,
    },
    gini: 0,
    topShare: 0.5,
    reachability: 1,
    fragmentation: 0,
    modularity: 0,
    ei: 1,
  },
  {
    name: 'five people, no ties',
    people: ['a', 'b', 'c', 'd', 'e'],
    edges: [],
    network: {
      people: 5,
      ties: 0,
      density: 0,
      reciprocity: null,
      inDegreeCentralization: 0,
      transitivity: 0,
      weakComponents: 5,
      strongComponents: 5,
      isolates: 5,
    },
    gini: null,
    topShare: null,
    reachability: 0,
    fragmentation: 1,
    modularity: null,
    ei: null,
  },
];

const standard = (c: Case): Csr => toCsr(graphFrom(c.people, c.edges));

describe('degenerate networks: every network-level measure, decided once', () => {
  for (const c of cases) {
    it(`${c.name}: core network measures`, () => {
      const { isolateIds, ...network } = coreMetrics(graphFrom(c.people, c.edges)).network;
      expect(network).toEqual(c.network);
      expect(isolateIds).toHaveLength(c.network.isolates);
    });

    it(`${c.name}: the fast path gives the same core measures and notes`, async () => {
      const slow = coreMetrics(graphFrom(c.people, c.edges));
      const fast = await fastCoreMetrics(csrFromEdges(c.people, c.edges), { exact: true, threads: 1 });
      expect(fast.network).toEqual(slow.network);
      expect(fast.notes).toEqual(slow.notes);
      expect(fast.people.map((p) => [p.id, p.inDegree, p.eigenvector === null])).toEqual(
        slow.people.map((p) => [p.id, p.inDegree, p.eigenvector === null]),
      );
      // PageRank: Gauss–Seidel on the fast path, to the same tolerance (test/fastpath/kernels.test.ts).
      fast.people.forEach((p, i) => expect(p.pageRank).toBeCloseTo(slow.people[i]!.pageRank!, 9));
    });

    it(`${c.name}: distribution of nominations (Gini, top share, Lorenz)`, () => {
      const g = standard(c);
      const { inDegree } = degreeArrays(g);
      expect(gini(inDegree).value).toBe(c.gini);
      expect(topShare(g.ids, inDegree).value).toBe(c.topShare);
      expect(lorenzCurve(inDegree).length).toBe(c.gini === null ? 0 : g.n + 1);
      expect(leaderThreshold(inDegree).threshold).toBeGreaterThanOrEqual(3);
    });

    it(`${c.name}: reachability and fragmentation`, () => {
      const g = standard(c);
      expect(reachability(g)).toBe(c.reachability);
      expect(fragmentation(g.n, undirectedIndex(g))).toBe(c.fragmentation);
    });

    it(`${c.name}: communities and modularity, standard and fast path alike`, () => {
      const g = standard(c);
      const slow = louvainCommunities(g);
      expect(slow.modularity).toBe(c.modularity);
      const fast = louvain(csrFromEdges(c.people, c.edges), 1);
      expect(fast.modularity).toBe(c.modularity);
      expect(fast.count).toBe(slow.communities.length);
      expect(modularity(g, new Int32Array(g.n))).toBe(c.modularity);
    });

    it(`${c.name}: E-I index with everyone in their own department`, () => {
      const g = standard(c);
      const r = eiIndex(g, (id) => id, { permutations: 0 });
      expect(r.ei).toBe(c.ei);
      expect(r.reason).toBe(c.ei === null ? 'no ties' : null);
    });
  }
});
