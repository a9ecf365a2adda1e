import { expect } from 'vitest';
import { graphFrom } from '../../../src/graph/build-graph.js';
import type { OrgGraph } from '../../../src/graph/org-graph.js';

/** Hand-worked example graphs; their values are derived in the comments of the tests that use them. */
export const tiny = {
  /** In-star: b, c and d all name a. */
  inStar: (): OrgGraph =>
    graphFrom(
      ['a', 'b', 'c', 'd'],
      [
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'a'],
      ],
    ),
  /** Directed path a → b → c. */
  path: (): OrgGraph =>
    graphFrom(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    ),
  /** Directed cycle a → b → c → d → a. */
  cycle: (): OrgGraph =>
    graphFrom(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
      ],
    ),
  /** Two components: the mutual pair a ↔ b and the 3-cycle c → d → e → c. */
  twoComponents: (): OrgGraph =>
    graphFrom(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'd'],
        ['d', 'e'],
        ['e', 'c'],
      ],
    ),
  /** a → b plus the isolate c. */
  withIsolate: (): OrgGraph => graphFrom(['a', 'b', 'c'], [['a', 'b']]),
  /** a → b (strength 2), b → c (strength 2), a → c (strength 1): 1/2 + 1/2 = 1, two equal weighted a→c paths. */
  weightedTriangle: (): OrgGraph =>
    graphFrom(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 2],
        ['b', 'c', 2],
        ['a', 'c', 1],
      ],
    ),
  single: (): OrgGraph => graphFrom(['a'], []),
  empty: (): OrgGraph => graphFrom([], []),
  twoNodes: (): OrgGraph => graphFrom(['a', 'b'], [['a', 'b']]),
  mutualPair: (): OrgGraph =>
    graphFrom(
      ['a', 'b'],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    ),
};

/** Map → plain object for readable toEqual/closeTo assertions. */
export function obj(m: ReadonlyMap<string, number> | null): Record<string, number> | null {
  return m === null ? null : Object.fromEntries(m);
}

/** An asymmetric matcher: same keys, each value within 10^-digits / 2 of `expected` (default 5e-13). */
export function close(expected: Record<string, number>, digits = 12): Record<string, unknown> {
  return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, expect.closeTo(v, digits)]));
}
