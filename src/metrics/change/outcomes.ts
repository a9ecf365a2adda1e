import type { Outcome } from '../../ingest/outcomes.js';

/** A school outcome beside the network change: association, never cause. */
export interface OutcomeChange {
  indicator: string;
  unit: string;
  better: 'higher' | 'lower';
  source: string;
  before: number | null;
  after: number;
  change: number | null;
  /** Whether the outcome moved the way the school wants; null without an earlier value. */
  direction: 'better' | 'worse' | 'same' | null;
}

/** The sentence shown with outcomes wherever they appear beside network change. */
export const ASSOCIATION_NOTE =
  'Outcomes are shown beside the change in the staff network: they may move together, but nothing here shows that one causes the other.';

/**
 * Pairs the later wave's outcomes with the earlier wave's (by indicator, case-folded). No interval:
 * outcomes come as one school figure each, not as answers that could be resampled.
 * Example: attendance 91 → 93, better higher → change 2, direction "better".
 */
export function outcomeChanges(after: readonly Outcome[], before: readonly Outcome[] = []): OutcomeChange[] {
  return after.map((o) => {
    const prev = before.find((p) => p.indicator.toLowerCase() === o.indicator.toLowerCase());
    const change = prev ? o.value - prev.value : null;
    const direction = change === null ? null : change === 0 ? 'same' : change > 0 === (o.better === 'higher') ? 'better' : 'worse';
    return {
      indicator: o.indicator,
      unit: o.unit,
      better: o.better,
      source: o.source,
      before: prev?.value ?? null,
      after: o.value,
      change,
      direction,
    };
  });
}
