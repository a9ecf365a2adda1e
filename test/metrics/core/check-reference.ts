import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgGraph } from '../../../src/graph/org-graph.js';
import { toCsr, toMap, type Csr } from '../../../src/graph/csr.js';
import { allSourcesPaths } from '../../../src/metrics/node/shortest-paths.js';
import { coreMetrics, type CoreMetrics } from '../../../src/metrics/core.js';
import { inDegree, inStrength, outDegree, outStrength } from '../../../src/metrics/node/degree.js';
import { pageRank } from '../../../src/metrics/node/pagerank.js';
import { betweenness, scaleBetweenness } from '../../../src/metrics/node/betweenness.js';
import { closeness, closenessFromSums } from '../../../src/metrics/node/closeness.js';
import { eigenvector } from '../../../src/metrics/node/eigenvector.js';
import { hits } from '../../../src/metrics/node/hits.js';
import { density } from '../../../src/metrics/network/density.js';
import { reciprocity } from '../../../src/metrics/network/reciprocity.js';
import { transitivity } from '../../../src/metrics/network/transitivity.js';
import { strongComponents, weakComponents } from '../../../src/metrics/network/components.js';
import { inDegreeCentralization } from '../../../src/metrics/network/centralization.js';
import { isolates } from '../../../src/metrics/network/isolates.js';
import { expectPerPerson, readReference, type Reference } from './reference.js';

const TOL = 1e-9;
const PAGERANK_TOL = 1e-8;

/** Registers one describe() comparing every core metric of a graph with its networkx reference file. */
export function checkAgainstReference(name: string, build: () => OrgGraph | Promise<OrgGraph>): void {
  describe(`${name}`, () => {
    let g: OrgGraph;
    let c: Csr;
    let ref: Reference;
    let core: CoreMetrics;
    beforeAll(async () => {
      g = await build();
      c = toCsr(g);
      ref = readReference(name);
      core = coreMetrics(g);
    });

    it('has the reference people in the same order', () => {
      expect(g.nodes()).toEqual(ref.people.map((p) => p.id));
    });

    it('degree and strength equal networkx exactly', () => {
      expectPerPerson(inDegree(c), ref, 'inDegree', 0);
      expectPerPerson(outDegree(c), ref, 'outDegree', 0);
      expectPerPerson(inStrength(c), ref, 'inStrength', 1e-12);
      expectPerPerson(outStrength(c), ref, 'outStrength', 1e-12);
    });

    it('pageRank matches networkx.pagerank(alpha=0.85, weight) to 1e-8 and sums to 1', () => {
      const pr = pageRank(g);
      expect(pr.converged).toBe(true);
      expectPerPerson(pr.values, ref, 'pageRank', PAGERANK_TOL);
      expect([...pr.values.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });

    it('betweenness (hops, normalised) matches networkx', () => {
      expectPerPerson(betweenness(c), ref, 'betweenness', TOL);
    });

    it('betweenness with distance 1/weight matches networkx weight="distance"', () => {
      expectPerPerson(betweenness(c, { weighted: true }), ref, 'betweennessWeighted', TOL);
    });

    it('betweenness and closeness match networkx with the BFS forced top-down and forced bottom-up', () => {
      for (const bottomUpFactor of [0, Infinity]) {
        const sums = allSourcesPaths(c, { weighted: false, betweenness: true, bottomUpFactor });
        expectPerPerson(toMap(c, scaleBetweenness(sums.betweenness, c.n, true)), ref, 'betweenness', TOL);
        expectPerPerson(toMap(c, closenessFromSums(sums.distanceSum, sums.reachedBy, c.n)), ref, 'closeness', TOL);
      }
    });

    it('closeness (incoming hops, Wasserman-Faust) matches networkx', () => {
      expectPerPerson(closeness(c), ref, 'closeness', TOL);
    });

    it('closeness with distance 1/weight matches networkx distance="distance"', () => {
      expectPerPerson(closeness(c, { weighted: true }), ref, 'closenessWeighted', TOL);
    });

    it('eigenvector matches networkx at its defaults and at a tight tolerance', () => {
      const defaults = eigenvector(c);
      if (ref.people[0]!.eigenvector === null) {
        expect(defaults).toMatchObject({ values: null, reason: 'did not converge' });
      } else {
        expectPerPerson(defaults.values, ref, 'eigenvector', TOL);
      }
      if (ref.people[0]!.eigenvectorTight !== null) {
        const tight = eigenvector(c, { tolerance: 1e-14, maxIterations: 100000 });
        expectPerPerson(tight.values, ref, 'eigenvectorTight', TOL);
      }
    });

    it('hubs and authorities match networkx.hits', () => {
      const h = hits(c);
      expect(h.reason).toBeNull();
      expectPerPerson(h.hubs, ref, 'hubs', TOL);
      expectPerPerson(h.authorities, ref, 'authorities', TOL);
    });

    it('network measures match networkx', () => {
      const want = ref.network;
      expect(density(c)).toBeCloseTo(want.density, 12);
      expect(reciprocity(c)).toBeCloseTo(want.reciprocity!, 12);
      expect(transitivity(c)).toBeCloseTo(want.transitivity, 12);
      expect(inDegreeCentralization(c)).toBeCloseTo(want.inDegreeCentralization, 12);
      expect(isolates(c)).toEqual(want.isolates);
      expect(weakComponents(c)).toEqual(ref.weakComponentMembers);
      expect(strongComponents(c)).toEqual(ref.strongComponentMembers);
    });

    it('coreMetrics reports the same numbers in its JSON shape', () => {
      const want = ref.network;
      expect(core.network).toEqual({
        people: want.people,
        ties: want.ties,
        density: expect.closeTo(want.density, 12),
        reciprocity: expect.closeTo(want.reciprocity!, 12),
        transitivity: expect.closeTo(want.transitivity, 12),
        weakComponents: want.weakComponents,
        strongComponents: want.strongComponents,
        inDegreeCentralization: expect.closeTo(want.inDegreeCentralization, 12),
        isolates: want.isolates.count,
        isolateIds: want.isolates.ids,
      });
      const fields = [
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
      ] as const;
      for (const f of fields) {
        const tol = f === 'pageRank' ? PAGERANK_TOL : TOL;
        const got = new Map(core.people.map((p) => [p.id, p[f] as number]));
        if (f === 'eigenvector' && ref.people[0]!.eigenvector === null) {
          expect(core.people.every((p) => p.eigenvector === null)).toBe(true);
          expect(core.notes).toContainEqual({ metric: 'eigenvector', reason: 'did not converge' });
        } else {
          expectPerPerson(got, ref, f, tol);
        }
      }
      expect(JSON.parse(JSON.stringify(core))).toEqual(core);
    });
  });
}
