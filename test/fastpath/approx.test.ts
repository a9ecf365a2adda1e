import { describe, expect, it } from 'vitest';
import { approxBetweenness } from '../../src/fastpath/approx-betweenness.js';
import { exactBetweenness } from '../../src/fastpath/paths.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import { randomGraph } from './helpers.js';

describe('approximate betweenness (pair sampling)', () => {
  it('is exact on a directed path, where every pair has one shortest path', async () => {
    const g = csrFromEdges(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    const r = await approxBetweenness(g, { seed: 1, minSamples: 1024, roundSamples: 1024, maxSamples: 1024 });
    // Only the pair (a, c) of 6 ordered pairs has an inner node: E = 1/6 · n/(n − 2) = 0.5 ... times hits share.
    expect(r.approximate).toBe(true);
    expect(r.values[1]).toBeGreaterThan(0.3);
    expect(r.values[0]).toBe(0);
    expect(r.values[2]).toBe(0);
  });

  it('is unbiased: the mean over many pairs approaches exact betweenness (seeded)', async () => {
    const g = randomGraph(120, 900, 5);
    const exact = await exactBetweenness(g, { threads: 1 });
    const r = await approxBetweenness(g, { seed: 7, threads: 1, minSamples: 400_000, roundSamples: 100_000, maxSamples: 400_000 });
    const top = Array.from(exact.keys())
      .sort((a, b) => exact[b]! - exact[a]!)
      .slice(0, 5);
    for (const i of top) {
      expect(Math.abs(r.values[i]! - exact[i]!)).toBeLessThan((4 * r.halfWidth95[i]!) / 1.96 + 1e-9);
    }
  });

  it('gives the same result for the same seed and reports its error', async () => {
    const g = randomGraph(300, 2000, 6);
    const a = await approxBetweenness(g, { seed: 2, threads: 1, maxSamples: 40_000 });
    const b = await approxBetweenness(g, { seed: 2, threads: 1, maxSamples: 40_000 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.samples).toBeGreaterThan(0);
    expect(a.topRelativeError).toBeGreaterThan(0);
    expect(a.halfWidth95.every((x) => x >= 0)).toBe(true);
  });

  it('returns zeros with no samples for fewer than three people', async () => {
    const r = await approxBetweenness(csrFromEdges(['a', 'b'], [['a', 'b']]), { seed: 1 });
    expect(Array.from(r.values)).toEqual([0, 0]);
    expect(r.samples).toBe(0);
  });
});
