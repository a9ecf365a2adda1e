import { describe, expect, test } from 'vitest';
import { graphFrom } from '../../../src/graph/build-graph.js';
import { toCsr } from '../../../src/graph/csr.js';
import { degreeArrays } from '../../../src/metrics/node/degree.js';
import { undirectedIndex } from '../../../src/graph/undirected.js';
import { gini, lorenzCurve, topShare } from '../../../src/metrics/leadership/distribution.js';
import { inDegreeCentralization, inDegreeCentralizationOf } from '../../../src/metrics/network/centralization.js';
import { reciprocity } from '../../../src/metrics/network/reciprocity.js';
import { leaderThreshold, whoLeads } from '../../../src/metrics/leadership/who-leads.js';
import { eiIndex } from '../../../src/metrics/group/ei-index.js';
import { mixingMatrix } from '../../../src/metrics/group/mixing.js';
import { louvainCommunities, modularity } from '../../../src/metrics/group/communities.js';
import { adjustedRandIndex, normalizedMutualInformation } from '../../../src/metrics/group/partition-agreement.js';
import { gouldFernandez } from '../../../src/metrics/brokerage/gould-fernandez.js';
import { burtConstraint } from '../../../src/metrics/brokerage/constraint.js';
import { articulationPoints } from '../../../src/metrics/brokerage/articulation.js';
import { fragmentation, reachability } from '../../../src/metrics/risk/reach.js';
import { keyPersonRisk, removalCurve } from '../../../src/metrics/risk/key-person.js';
import { crossDomainOverlap } from '../../../src/metrics/leadership/overlap.js';
import { distributionProfile, domainReading } from '../../../src/metrics/leadership/profile.js';
import { mulberry32, shuffleInPlace } from '../../../src/metrics/random.js';

const ig = (people: string[], edges: [string, string, number?][]) => toCsr(graphFrom(people, edges));

describe('distribution measures on hand-worked graphs', () => {
  test('in-degree centralization is 1 for an in-star and 0 for a directed cycle', () => {
    const star = ig(
      [],
      [
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'a'],
      ],
    );
    const cycle = ig(
      [],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ],
    );
    expect([inDegreeCentralization(star), inDegreeCentralization(cycle)]).toEqual([1, 0]);
    expect(inDegreeCentralizationOf(degreeArrays(star).inDegree)).toBe(1);
  });
  test('centralization of one person is null', () => {
    expect(inDegreeCentralizationOf([0])).toBeNull();
    expect(inDegreeCentralization(ig(['a'], []))).toBeNull();
  });
  test('Gini of [0,0,0,4] is 0.75 uncorrected and 1 corrected; equal values give 0', () => {
    expect(gini([0, 0, 0, 4]).value).toBeCloseTo(0.75, 12);
    expect(gini([0, 0, 0, 4], { correction: true }).value).toBeCloseTo(1, 12);
    expect(gini([2, 2, 2]).value).toBe(0);
  });
  test('Gini of all zeros or no people is null with a reason', () => {
    expect(gini([0, 0, 0])).toEqual({ value: null, reason: 'nobody was named' });
    expect(gini([])).toEqual({ value: null, reason: 'no people' });
  });
  test('Lorenz curve runs from (0,0) to (1,1) and its area gives the Gini', () => {
    const x = [1, 5, 0, 2, 2];
    const pts = lorenzCurve(x);
    expect(pts[0]).toEqual({ population: 0, share: 0 });
    expect(pts[pts.length - 1]).toEqual({ population: 1, share: 1 });
    let area = 0;
    for (let k = 1; k < pts.length; k++) area += ((pts[k]!.share + pts[k - 1]!.share) / 2) * (pts[k]!.population - pts[k - 1]!.population);
    expect(1 - 2 * area).toBeCloseTo(gini(x).value!, 12);
    expect(lorenzCurve([0, 0])).toEqual([]);
  });
  test('top share takes ceil(0.1 n) people, ties broken by id', () => {
    const ids = ['p10', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p1', 'p11'];
    const deg = [3, 1, 1, 1, 1, 1, 1, 1, 1, 3, 0];
    const t = topShare(ids, deg);
    expect(t.top).toEqual(['p1', 'p10']); // k = ceil(1.1) = 2
    expect(t.value).toBeCloseTo(6 / 14, 12);
    expect(topShare(['a', 'b'], [0, 0])).toMatchObject({ value: null, reason: 'nobody was named' });
  });
  test('leader rule: max(3, mean + 1 sd), population sd', () => {
    const r = leaderThreshold([0, 0, 0, 4]);
    expect(r.mean).toBe(1);
    expect(r.sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(r.threshold).toBe(3); // mean + sd = 2.73 is below the floor of 3
    expect(leaderThreshold([0, 0, 0, 4], { minNominations: 1 }).threshold).toBeCloseTo(1 + Math.sqrt(3), 12);
    expect(leaderThreshold([1, 1, 1]).threshold).toBe(3);
    const w = whoLeads(
      ig(
        [],
        [
          ['b', 'a'],
          ['c', 'a'],
          ['d', 'a'],
          ['a', 'b'],
        ],
      ),
      () => undefined,
    );
    expect(w.leaders).toEqual(['a']);
    expect(w.soughtOut.map((s) => [s.id, s.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
  test('reciprocity: 2 of 3 arcs returned; only arcs to respondents when given', () => {
    const g = ig(
      [],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'c'],
      ],
    );
    expect(reciprocity(g)).toBeCloseTo(2 / 3, 12);
    expect(reciprocity(g, (j: number) => g.ids[j] !== 'c')).toBe(1);
    expect(reciprocity(ig(['a', 'b'], []))).toBeNull();
  });
  test('profile: dense, reciprocal, flat network with many central members is highly distributed', () => {
    const p = distributionProfile({ density: 0.3, reciprocity: 0.5, centralization: 0.1, centralMembers: 5 });
    expect(p.level).toBe('high');
    expect(distributionProfile({ density: 0.02, reciprocity: 0.1, centralization: 0.8, centralMembers: 1 }).level).toBe('low');
  });
  test('plain-language readings', () => {
    const none = { share: 0, soleSource: false };
    expect(domainReading('Advice on assessment', 10, ['Ana'], 3, 'high', { share: 0.6, soleSource: true })).toBe(
      'Advice on assessment runs through one person (Ana).',
    );
    // One leader who holds under half the nominations, or whom no one asks alone, does not carry the domain.
    for (const single of [
      { share: 0.4, soleSource: true },
      { share: 0.9, soleSource: false },
    ])
      expect(domainReading('Advice on assessment', 10, ['Ana'], 3, 'high', single)).toBe(
        'Advice on assessment has one clear leader (Ana), with advice also sought from others.',
      );
    expect(domainReading('Advice on curriculum', 10, ['A', 'B', 'C', 'D', 'E'], 3, 'low', none)).toBe(
      'Advice on curriculum is spread across five colleagues.',
    );
    expect(domainReading('Advice on data', 0, [], 3, null, none)).toBe('No one reported any advice on data.');
    const o = crossDomainOverlap(
      new Map([
        ['a', ['x', 'y']],
        ['b', ['y', 'x']],
        ['c', ['x', 'y']],
      ]),
      (id) => id.toUpperCase(),
    );
    expect(o.reading).toBe('The same two people (X and Y) lead every domain.');
    expect(o.pairs.every((p) => p.jaccard === 1)).toBe(true);
    expect(
      crossDomainOverlap(
        new Map([
          ['a', []],
          ['b', []],
        ]),
        (id) => id,
      ).pairs[0]!.jaccard,
    ).toBeNull();
  });
});

describe('groups on hand-worked graphs', () => {
  const dept: Record<string, string> = { a: 'X', b: 'X', c: 'Y', d: 'Y' };
  test("eiIndex is -1/3 for arcs a→b, c→d, a→c (Krackhardt & Stern's formula by hand)", () => {
    const r = eiIndex(
      ig(
        [],
        [
          ['a', 'b'],
          ['c', 'd'],
          ['a', 'c'],
        ],
      ),
      (id) => dept[id]!,
      { permutations: 0, minGroupSize: 0 },
    );
    expect(r.ei).toBeCloseTo(-1 / 3, 12);
    expect(r.groups.map((g) => [g.group, g.internal, g.external])).toEqual([
      ['X', 1, 1],
      ['Y', 1, 0],
    ]);
    const both = eiIndex(
      ig(
        [],
        [
          ['a', 'b'],
          ['c', 'd'],
          ['a', 'c'],
        ],
      ),
      (id) => dept[id]!,
      { permutations: 0, minGroupSize: 0, groupArcs: 'both' },
    );
    expect(both.groups.map((g) => [g.group, g.internal, g.external])).toEqual([
      ['X', 1, 1],
      ['Y', 1, 1],
    ]);
    expect(both.ei).toBe(r.ei);
  });
  test('eiIndex is -1 when every tie stays inside its department, +1 when every tie crosses', () => {
    expect(
      eiIndex(
        ig(
          [],
          [
            ['a', 'b'],
            ['c', 'd'],
          ],
        ),
        (id) => dept[id]!,
        { permutations: 0 },
      ).ei,
    ).toBe(-1);
    expect(
      eiIndex(
        ig(
          [],
          [
            ['a', 'c'],
            ['d', 'b'],
          ],
        ),
        (id) => dept[id]!,
        { permutations: 0 },
      ).ei,
    ).toBe(1);
  });
  test('eiIndex degenerate cases: no ties, one group, small groups suppressed', () => {
    const none = eiIndex(ig(['a', 'b'], []), (id) => dept[id]!);
    expect([none.ei, none.reason, none.test]).toEqual([null, 'no ties', null]);
    const one = eiIndex(ig([], [['a', 'b']]), () => 'all');
    expect([one.ei, one.testReason]).toEqual([-1, 'only one group']);
    expect(eiIndex(ig([], [['a', 'b']]), (id) => dept[id]!, { permutations: 0 }).groups[0]!.reason).toMatch(/suppressed/);
  });
  test('the E-I permutation test is seeded: same seed, same p-values; silos give small pLower', () => {
    const edges: [string, string][] = [];
    const groupOf = (id: string) => (Number(id) < 10 ? 'A' : 'B');
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 20; j++)
        if (i !== j && groupOf(String(i)) === groupOf(String(j)) && (i + j) % 3 === 0) edges.push([String(i), String(j)]);
    edges.push(['1', '15']);
    const g = ig([], edges);
    const r1 = eiIndex(g, groupOf, { seed: 7 });
    const r2 = eiIndex(g, groupOf, { seed: 7 });
    expect(r1.test).toEqual(r2.test);
    expect(r1.test!.pLower).toBeLessThan(0.01);
    expect(r1.test!.pUpper).toBe(1);
    expect(r1.test!.expected).toBeGreaterThan(r1.ei!);
  });
  test('mixing matrix counts ordered pairs: within density = ties / (n(n−1)), between = ties / (n_g n_h)', () => {
    const m = mixingMatrix(
      ig(
        [],
        [
          ['a', 'b'],
          ['b', 'a'],
          ['a', 'c'],
          ['c', 'd'],
        ],
      ),
      (id) => dept[id]!,
      { minGroupSize: 0 },
    );
    const block = (f: string, t: string) => m.blocks.find((b) => b.from === f && b.to === t)!;
    expect(block('X', 'X')).toEqual({ from: 'X', to: 'X', ties: 2, density: 1 });
    expect(block('X', 'Y')).toEqual({ from: 'X', to: 'Y', ties: 1, density: 0.25 });
    expect([m.within, m.between]).toEqual([3, 1]);
    const one = mixingMatrix(ig(['a'], []), () => 'solo', { minGroupSize: 0 });
    expect(one.blocks[0]!.density).toBeNull();
    expect(mixingMatrix(ig([], [['a', 'b']]), (id) => dept[id]!).blocks[0]!.ties).toBeNull();
  });
  test('modularity of two disconnected pairs split correctly is 0.5; no ties → null', () => {
    const g = ig(
      [],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    expect(modularity(g, Int32Array.from([0, 0, 1, 1]))).toBeCloseTo(0.5, 12);
    expect(modularity(ig(['a', 'b'], []), Int32Array.from([0, 1]))).toBeNull();
  });
  test('Louvain is reproducible with a seed and finds two obvious clusters', () => {
    const edges: [string, string][] = [];
    for (const grp of [
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ])
      for (const s of grp) for (const t of grp) if (s !== t) edges.push([s, t]);
    edges.push(['d', 'e']);
    const g = ig([], edges);
    const r1 = louvainCommunities(g, { seed: 3 });
    expect(louvainCommunities(g, { seed: 3 })).toEqual(r1);
    expect(r1.communities).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ]);
    expect(louvainCommunities(ig(['a', 'b'], [])).modularity).toBeNull();
  });
  test('NMI and ARI: identical partitions → 1, independent ones → 0 / negative', () => {
    expect(normalizedMutualInformation(['a', 'a', 'b', 'b'], [1, 1, 2, 2])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [1, 1, 2, 2])).toBe(1);
    expect(normalizedMutualInformation(['a', 'a', 'b', 'b'], [1, 2, 1, 2])).toBe(0);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [1, 2, 1, 2])).toBeCloseTo(-0.5, 12);
    expect(normalizedMutualInformation([], [])).toBeNull();
  });
});

describe('brokerage on hand-worked graphs', () => {
  const groups: Record<string, string> = { a: 'X', b: 'X', c: 'Y', d: 'Y', e: 'Z' };
  const roles = (edges: [string, string][], broker: string) => {
    const c = gouldFernandez(ig([], edges), (id) => groups[id]!).find((x) => x.id === broker)!;
    return {
      coordinator: c.coordinator,
      itinerant: c.itinerant,
      gatekeeper: c.gatekeeper,
      representative: c.representative,
      liaison: c.liaison,
    };
  };
  test('each of the five Gould–Fernandez roles on its defining two-path', () => {
    expect(
      roles(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        'b',
      ),
    ).toMatchObject({ coordinator: 0 }); // a→b→a is not a two-path (a = b)
    expect(
      roles(
        [
          ['a', 'b'],
          ['b', 'e'],
        ],
        'b',
      ),
    ).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 1, liaison: 0 });
    expect(
      roles(
        [
          ['e', 'c'],
          ['c', 'd'],
        ],
        'c',
      ),
    ).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 1, representative: 0, liaison: 0 });
    expect(
      roles(
        [
          ['a', 'c'],
          ['c', 'b'],
        ],
        'c',
      ),
    ).toEqual({ coordinator: 0, itinerant: 1, gatekeeper: 0, representative: 0, liaison: 0 });
    expect(
      roles(
        [
          ['a', 'c'],
          ['c', 'e'],
        ],
        'c',
      ),
    ).toEqual({ coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 1 });
    expect(
      roles(
        [
          ['c', 'd'],
          ['d', 'c'],
          ['x', 'd'],
        ],
        'd',
      ),
    ).toMatchObject({ coordinator: 0 });
  });
  test('a closed two-path (a→c present) is not brokerage', () => {
    expect(
      roles(
        [
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ],
        'b',
      ).representative,
    ).toBe(0);
    expect(
      roles(
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
        'b',
      ).representative,
    ).toBe(1); // c→a does not close a→c
  });
  test('coordinator: a→b→x inside one group', () => {
    const g: Record<string, string> = { a: 'X', b: 'X', x: 'X' };
    expect(
      gouldFernandez(
        ig(
          [],
          [
            ['a', 'b'],
            ['b', 'x'],
          ],
        ),
        (id) => g[id]!,
      ).find((c) => c.id === 'b')!.coordinator,
    ).toBe(1);
  });
  test("Burt's constraint: one contact → 1; isolate → null; star centre with 3 unlinked contacts → 3 · (1/3)²", () => {
    const g = ig(
      ['z'],
      [
        ['a', 'b'],
        ['c', 'a'],
        ['d', 'a'],
      ],
    );
    const c = burtConstraint(g);
    const at = (id: string) => c[g.index.get(id)!];
    expect(at('a')).toBeCloseTo(3 * (1 / 3) ** 2, 12); // p = 1/3 to each contact, no indirect paths
    expect(at('b')).toBe(1); // one contact
    expect(at('z')).toBeNull();
  });
  test('articulation points: the middle of a path, none in a cycle, none for isolates', () => {
    expect(
      articulationPoints(
        ig(
          [],
          [
            ['a', 'b'],
            ['b', 'c'],
          ],
        ),
      ),
    ).toEqual(['b']);
    expect(
      articulationPoints(
        ig(
          [],
          [
            ['a', 'b'],
            ['b', 'c'],
            ['c', 'a'],
          ],
        ),
      ),
    ).toEqual([]);
    expect(articulationPoints(ig(['x', 'y'], []))).toEqual([]);
    expect(
      articulationPoints(
        ig(
          [],
          [
            ['a', 'b'],
            ['b', 'c'],
            ['c', 'a'],
            ['c', 'd'],
            ['d', 'e'],
            ['e', 'd'],
          ],
        ),
      ),
    ).toEqual(['c', 'd']);
  });
});

describe('key-person risk on hand-worked graphs', () => {
  test('reachability of a directed path a→b→c is 3/6; fragmentation 0; removing b leaves nothing reachable', () => {
    const g = ig(
      [],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(reachability(g)).toBeCloseTo(0.5, 12);
    expect(fragmentation(g.n, undirectedIndex(g))).toBe(0);
    const removed = new Uint8Array(3);
    removed[g.index.get('b')!] = 1;
    expect(reachability(g, removed)).toBe(0);
    expect(fragmentation(g.n, undirectedIndex(g), removed)).toBe(1);
    expect(reachability(g, Uint8Array.from([1, 1, 0]))).toBeNull();
  });
  test('a hub everyone only asks leaves them all without a source', () => {
    const g = ig(
      [],
      [
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'a'],
        ['d', 'c'],
      ],
    );
    const [k] = keyPersonRisk(g, ['a']);
    expect(k!.leftWithoutSource).toEqual(['b', 'c']);
    expect(k!.reachabilityBefore).toBeCloseTo(4 / 12, 12);
    expect(k!.reachabilityAfter).toBeCloseTo(1 / 6, 12);
    expect(k!.fragmentationIncrease).toBeCloseTo(2 / 3, 12);
  });
  test('removal curve goes in rank order and stops at people nobody names', () => {
    const curve = removalCurve(
      ig(
        [],
        [
          ['b', 'a'],
          ['c', 'a'],
          ['c', 'b'],
          ['d', 'e'],
        ],
      ),
      { removalSteps: 10 },
    );
    expect(curve.map((s) => s.id)).toEqual([null, 'a', 'b', 'e']);
    expect(curve[0]!.removed).toBe(0);
  });
});

describe('seeded random numbers', () => {
  test('mulberry32 repeats for a seed and shuffles deterministically', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(shuffleInPlace([1, 2, 3, 4, 5], mulberry32(9))).toEqual(shuffleInPlace([1, 2, 3, 4, 5], mulberry32(9)));
    const r = mulberry32(5);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
