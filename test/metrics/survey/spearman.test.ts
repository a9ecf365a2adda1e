import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from '../../../src/metrics/survey/spearman.js';
import { perceivedVsSought } from '../../../src/metrics/survey/perceived-vs-sought.js';

describe("Spearman's rank correlation", () => {
  it('equals the worked example and Python (statistics.correlation on average ranks)', () => {
    expect(Array.from(averageRanks([10, 20, 20, 40]))).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4], [10, 20, 20, 40])).toBeCloseTo(0.9486832980505138, 14);
    // python3: statistics.correlation(ranks([3,1,4,1,5,9,2,6]), ranks([2,7,1,8,2,8,1,8]))
    expect(spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8])).toBeCloseTo(0.19885368120992464, 14);
  });
  it('is null below 3 pairs or without variance, ±1 for monotone data', () => {
    expect(spearman([1, 2], [2, 1])).toBeNull();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 16])).toBeCloseTo(1, 14);
    expect(spearman([1, 2, 3, 4], [9, 5, 3, 0])).toBeCloseTo(-1, 14);
  });
});

describe('answers about a domain beside being sought out in it', () => {
  it('pairs each answer with the person’s in-degree in the item’s domain, and leaves out domains the network lacks', () => {
    const answers = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
      ['e', 5],
      ['zz', 5],
    ]);
    const deg = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 3],
      ['e', 6],
    ]);
    const rows = perceivedVsSought(
      [
        { scale: 's', item: 'Curriculum', domain: 'curriculum', answers },
        { scale: 's', item: 'Technology', domain: 'technology', answers },
      ],
      (d) => (d === 'curriculum' ? deg : null),
      5,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ domain: 'curriculum', n: 5 });
    expect(rows[0]!.spearman).toBeCloseTo(spearman([1, 2, 3, 4, 5], [0, 1, 1, 3, 6])!, 14);
    expect(perceivedVsSought([{ scale: 's', item: 'C', domain: 'curriculum', answers }], () => deg, 6)[0]!.spearman).toBeNull();
  });
});
