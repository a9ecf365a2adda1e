import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { describeWithDatasets, repoRoot } from '../../helpers/datasets.js';
import { buildGraph } from '../../../src/graph/build-graph.js';
import type { Dataset, Person } from '../../../src/model/types.js';
import { toCsr } from '../../../src/graph/csr.js';
import { degreeArrays } from '../../../src/metrics/node/degree.js';
import { undirectedIndex } from '../../../src/graph/undirected.js';
import { gini, topShare } from '../../../src/metrics/leadership/distribution.js';
import { inDegreeCentralization } from '../../../src/metrics/network/centralization.js';
import { reciprocity } from '../../../src/metrics/network/reciprocity.js';
import { burtConstraint } from '../../../src/metrics/brokerage/constraint.js';
import { articulationPoints } from '../../../src/metrics/brokerage/articulation.js';
import { gouldFernandez } from '../../../src/metrics/brokerage/gould-fernandez.js';
import { eiIndex } from '../../../src/metrics/group/ei-index.js';
import { modularity } from '../../../src/metrics/group/communities.js';
import { groupLabels } from '../../../src/metrics/group/groups.js';
import { adjustedRandIndex, normalizedMutualInformation } from '../../../src/metrics/group/partition-agreement.js';
import { fragmentation, reachability } from '../../../src/metrics/risk/reach.js';
import { removalCurve } from '../../../src/metrics/risk/key-person.js';
import { loadShared } from './load.js';

/** Reference values made by test/reference/analytics/make_reference.py (networkx 3.6 + plain-Python definitions). */
interface Ref {
  dataset: string;
  relation: string;
  n: number;
  m: number;
  centralization: number;
  gini: number;
  topShare: number;
  top: string[];
  reciprocity: number;
  constraint: Record<string, number | null>;
  articulationPoints: string[];
  reachability: number;
  fragmentation: number;
  removal: { removed: number; ids: string[]; reachability: number; fragmentation: number }[];
  groups: Record<
    string,
    {
      ei: {
        internal: number;
        external: number;
        ei: number;
        groups: Record<string, { internal: number; external: number; ei: number | null }>;
      };
      brokerage: Record<string, Record<string, number>>;
      modularity: number;
    }
  >;
  agreement?: Record<string, { nmi: number; ari: number }>;
}
const reference = JSON.parse(readFileSync(join(repoRoot, 'test/reference/analytics/reference.json'), 'utf8')) as { networks: Ref[] };

const TOL = 1e-9;
const attr =
  (name: string) =>
  (p: Person): string =>
    name === 'department' ? p.department : name === 'role' ? p.role : String(p.attributes[name]);

describeWithDatasets('leadership analytics agree with networkx and hand-coded definitions on real networks', () => {
  const data = new Map<string, Dataset>();
  beforeAll(async () => {
    for (const name of ['krackhardt_hightech', 'lazega_lawfirm', 'uk_faculty']) data.set(name, await loadShared(name));
  });

  for (const ref of reference.networks) {
    const label = `${ref.dataset} ${ref.relation}`;
    const setup = () => {
      const d = data.get(ref.dataset)!;
      const g = buildGraph(d, { relation: ref.relation });
      const people = new Map(d.people.map((p) => [p.id, p]));
      return { g, ig: toCsr(g), people };
    };

    test(`${label}: size, centralization, Gini, top-10 % share, reciprocity`, () => {
      const { ig } = setup();
      expect([ig.n, ig.m]).toEqual([ref.n, ref.m]);
      expect(inDegreeCentralization(ig)).toBeCloseTo(ref.centralization, 12);
      expect(gini(degreeArrays(ig).inDegree).value).toBeCloseTo(ref.gini, 12);
      const t = topShare(ig.ids, degreeArrays(ig).inDegree);
      expect(t.value).toBeCloseTo(ref.topShare, 12);
      expect(t.top).toEqual(ref.top);
      expect(reciprocity(ig)).toBeCloseTo(ref.reciprocity, 12);
    });

    test(`${label}: Burt's constraint equals networkx.constraint(G, weight="weight")`, () => {
      const { ig } = setup();
      const c = burtConstraint(ig);
      ig.ids.forEach((id, i) => {
        const want = ref.constraint[id]!;
        if (want === null) expect(c[i]).toBeNull();
        else expect(Math.abs(c[i]! - want)).toBeLessThan(TOL);
      });
    });

    test(`${label}: cut-points equal networkx.articulation_points`, () => {
      expect(articulationPoints(setup().ig)).toEqual(ref.articulationPoints);
    });

    test(`${label}: reachability, fragmentation and the removal curve equal networkx`, () => {
      const { ig } = setup();
      expect(reachability(ig)).toBeCloseTo(ref.reachability, 12);
      expect(fragmentation(ig.n, undirectedIndex(ig))).toBeCloseTo(ref.fragmentation, 12);
      const curve = removalCurve(ig, { removalSteps: 3 });
      for (const step of ref.removal) {
        expect(curve.slice(1, step.removed + 1).map((s) => s.id)).toEqual(step.ids);
        expect(curve[step.removed]!.reachability).toBeCloseTo(step.reachability, 12);
        expect(curve[step.removed]!.fragmentation).toBeCloseTo(step.fragmentation, 12);
      }
    });

    for (const [groupName, gref] of Object.entries(ref.groups)) {
      test(`${label} by ${groupName}: E-I index overall and per group (out-arcs)`, () => {
        const { ig, people } = setup();
        const groupOf = (id: string) => attr(groupName)(people.get(id)!);
        const r = eiIndex(ig, groupOf, { permutations: 0, minGroupSize: 0 });
        expect([r.internal, r.external]).toEqual([gref.ei.internal, gref.ei.external]);
        expect(r.ei).toBeCloseTo(gref.ei.ei, 12);
        for (const g of r.groups) {
          const want = gref.ei.groups[g.group]!;
          expect([g.internal, g.external]).toEqual([want.internal, want.external]);
          if (want.ei === null) expect(g.ei).toBeNull();
          else expect(g.ei).toBeCloseTo(want.ei, 12);
        }
      });

      test(`${label} by ${groupName}: Gould–Fernandez counts equal a brute-force census`, () => {
        const { ig, people } = setup();
        const counts = gouldFernandez(ig, (id) => attr(groupName)(people.get(id)!));
        for (const c of counts) {
          const want = gref.brokerage[c.id]!;
          expect({
            coordinator: c.coordinator,
            itinerant: c.itinerant,
            gatekeeper: c.gatekeeper,
            representative: c.representative,
            liaison: c.liaison,
          }).toEqual(want);
        }
      });

      test(`${label} by ${groupName}: modularity of the partition equals networkx.community.modularity`, () => {
        const { ig, people } = setup();
        const { labels } = groupLabels(ig, (id) => attr(groupName)(people.get(id)!));
        expect(modularity(ig, labels)).toBeCloseTo(gref.modularity, 12);
      });
    }

    if (ref.agreement) {
      test(`${label}: NMI and adjusted Rand index of roster partitions`, () => {
        const d = data.get(ref.dataset)!;
        const col = (name: string) => d.people.map(attr(name));
        for (const [pair, want] of Object.entries(ref.agreement!)) {
          const [a, b] = pair.split('_') as [string, string];
          expect(normalizedMutualInformation(col(a), col(b))).toBeCloseTo(want.nmi, 12);
          expect(adjustedRandIndex(col(a), col(b))).toBeCloseTo(want.ari, 12);
        }
      });
    }
  }
});
