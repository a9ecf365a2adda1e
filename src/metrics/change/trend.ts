import type { ChangeIndicator, Verdict, WaveChange } from './compare-waves.js';

/** One step of a trend: the change from one wave to the next, with its interval and verdict. */
export interface TrendStep {
  change: number | null;
  low: number | null;
  high: number | null;
  verdict: Verdict;
}

/** One indicator across three or more waves (all staff, every domain pooled). */
export interface TrendIndicator {
  key: string;
  /** The indicator's value in each wave, in wave order (null where it cannot be measured). */
  values: (number | null)[];
  /** The change between consecutive waves (length = waves − 1). */
  steps: TrendStep[];
}

/**
 * A trend over waves w₀ … w_k from the comparisons of consecutive waves (`steps[i]` = compareWaves(wᵢ,
 * wᵢ₊₁)): each all-staff, all-domain indicator with its value per wave and each step's change, bootstrap
 * interval and verdict exactly as the pair's comparison gives them (one computation). Indicators that
 * never have a value (not measured in every step) are left out; retention and other lagging indicators
 * that have no change are left out too. O(k · I) for I indicators.
 * Example: three waves with density 0.10, 0.12, 0.12 → values [0.10, 0.12, 0.12], steps [+0.02 "up", 0 "no clear change"].
 */
export function changeTrend(steps: readonly Pick<WaveChange, 'indicators'>[]): TrendIndicator[] {
  if (steps.length === 0) return [];
  const rowOf = (c: Pick<WaveChange, 'indicators'>, key: string): ChangeIndicator | undefined =>
    c.indicators.find((i) => i.key === key && i.population === 'all' && i.domain === 'all');
  const keys = steps[0]!.indicators.filter((i) => i.population === 'all' && i.domain === 'all' && i.kind !== 'lagging').map((i) => i.key);
  const out: TrendIndicator[] = [];
  for (const key of keys) {
    const rows = steps.map((c) => rowOf(c, key));
    const values = [rows[0]?.before ?? null, ...rows.map((r) => r?.after ?? null)];
    if (values.every((v) => v === null)) continue;
    out.push({
      key,
      values,
      steps: rows.map((r) => ({
        change: r?.change ?? null,
        low: r?.low ?? null,
        high: r?.high ?? null,
        verdict: r?.verdict ?? 'not measured',
      })),
    });
  }
  return out;
}
