import { describe, expect, it } from 'vitest';
import type { ChangeIndicator } from '../../../src/metrics/change/compare-waves.js';
import { changeTrend } from '../../../src/metrics/change/trend.js';

const ind = (
  key: string,
  before: number | null,
  after: number | null,
  low: number,
  high: number,
  extra: Partial<ChangeIndicator> = {},
): ChangeIndicator => {
  const change = before === null || after === null ? null : after - before;
  return {
    key,
    domain: 'all',
    population: 'all',
    kind: 'network',
    before,
    after,
    change,
    low: change === null ? null : low,
    high: change === null ? null : high,
    verdict: change === null ? 'not measured' : low > 0 ? 'up' : high < 0 ? 'down' : 'no clear change',
    reason: change === null ? 'not measured — needs x' : null,
    ...extra,
  };
};

describe('trend over three waves', () => {
  it('takes each value per wave and each step as the pair’s comparison gives it (the example of trend.ts)', () => {
    const t = changeTrend([
      { indicators: [ind('density', 0.1, 0.12, 0.01, 0.03), ind('density', 0.2, 0.3, 0.05, 0.15, { population: 'core' })] },
      { indicators: [ind('density', 0.12, 0.12, -0.01, 0.01)] },
    ]);
    expect(t).toHaveLength(1);
    expect(t[0]!.key).toBe('density');
    expect(t[0]!.values).toEqual([0.1, 0.12, 0.12]);
    expect(t[0]!.steps.map((s) => s.verdict)).toEqual(['up', 'no clear change']);
    expect(t[0]!.steps[0]!.change).toBeCloseTo(0.02, 12);
    expect(t[0]!.steps[1]).toEqual({ change: 0, low: -0.01, high: 0.01, verdict: 'no clear change' });
  });

  it('leaves out indicators never measured and lagging ones, keeps one measured in some waves only', () => {
    const t = changeTrend([
      {
        indicators: [
          ind('roleClarity', null, null, 0, 0),
          ind('retention', null, 0.9, 0, 0, { kind: 'lagging' }),
          ind('participation', null, 3.1, 0, 0),
          ind('leaders', 3, 4, -1, 2, { domain: 'curriculum' }),
        ],
      },
      { indicators: [ind('roleClarity', null, null, 0, 0), ind('participation', 3.1, 3.4, 0.1, 0.5)] },
    ]);
    expect(t.map((x) => x.key)).toEqual(['participation']);
    expect(t[0]!.values).toEqual([null, 3.1, 3.4]);
    expect(t[0]!.steps.map((s) => s.verdict)).toEqual(['not measured', 'up']);
  });
});
