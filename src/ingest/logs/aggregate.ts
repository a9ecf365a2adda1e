import { ANY_DOMAIN, type Tie } from '../../model/types.js';
import { type PairTable } from './pair-table.js';
import { thresholdFor, type Windowing } from './windows.js';

/** One window of the result, for the summary. */
export interface WindowSummary {
  label: string;
  /** Interactions a pair needed in this window to become a tie. */
  threshold: number;
  lengthDays: number;
  pairs: number;
  ties: number;
}

/**
 * The aggregated pairs of a log and the rules that turn them into ties: a pair (window, a, b)
 * becomes a tie when its interaction count reaches the window's threshold (thresholdFor).
 * Holds no rows, only distinct (window, pair) totals.
 */
export class LogAggregate {
  constructor(
    readonly pairs: PairTable,
    readonly ids: readonly string[],
    readonly relation: string,
    private readonly windowing: Windowing,
    private readonly firstDay: number,
    private readonly lastDay: number,
    private readonly minInteractions: number,
    private readonly minWindowDays: number,
  ) {}

  thresholdOf(window: number): number {
    return thresholdFor(this.lengthOf(window), this.minInteractions, this.minWindowDays);
  }

  private lengthOf(window: number): number {
    return this.windowing.lengthDays(window, this.firstDay, this.lastDay);
  }

  /** Visits every tie in (window, source, target) order with indices into `ids` (no objects made). */
  eachTie(fn: (wave: string, source: number, target: number, weight: number, count: number) => void): void {
    const order = this.pairs.sortedEntries();
    let lastWindow = NaN;
    let label = '';
    let threshold = 0;
    const pairs = this.pairs;
    for (let k = 0; k < order.length; k++) {
      const e = order[k]!;
      const window = pairs.windowOf(e);
      if (window !== lastWindow) {
        lastWindow = window;
        label = this.windowing.label(window);
        threshold = this.thresholdOf(window);
      }
      const count = pairs.countOf(e);
      if (count >= threshold) fn(label, pairs.sourceOf(e), pairs.targetOf(e), pairs.weightOf(e), count);
    }
  }

  /** Ties as canonical Tie objects, wave = window label, count = interactions (for small logs and tests). */
  ties(): Tie[] {
    const out: Tie[] = [];
    this.eachTie((wave, s, t, weight, count) => {
      out.push({
        source: this.ids[s]!,
        target: this.ids[t]!,
        relation: this.relation,
        domain: ANY_DOMAIN,
        weight,
        count,
        timestamp: null,
        wave,
      });
    });
    return out;
  }

  windows(): WindowSummary[] {
    const by = new Map<number, WindowSummary>();
    this.pairs.forEach((w, _s, _t, _weight, count) => {
      let s = by.get(w);
      if (!s) {
        s = { label: this.windowing.label(w), threshold: this.thresholdOf(w), lengthDays: this.lengthOf(w), pairs: 0, ties: 0 };
        by.set(w, s);
      }
      s.pairs++;
      if (count >= s.threshold) s.ties++;
    });
    return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  }
}
