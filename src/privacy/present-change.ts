import type { ChangeIndicator, ChangeNote, WaveChange } from '../metrics/change/compare-waves.js';
import type { TiePersistence } from '../metrics/change/persistence.js';
import type { MatchReview } from '../metrics/change/match-waves.js';
import type { TrendIndicator } from '../metrics/change/trend.js';
import type { Disclosure, PrivacyPolicy } from './policy.js';

/** What the API, the web app and the report may show of a comparison of two waves. */
export interface PublicChange {
  disclosure: Disclosure;
  minGroupSize: number;
  relation: string;
  /** True when either wave has fewer staff than the minimum group size: no indicator is shown. */
  suppressed: boolean;
  basis: {
    stayers: number;
    /** Earlier-wave ids of the leavers (named disclosure only; null for pseudonymised views: counts only). */
    leavers: string[] | null;
    /** Later-wave ids of the joiners (named disclosure only; null otherwise). */
    joiners: string[] | null;
    leaverCount: number;
    joinerCount: number;
    core: number;
    staff: WaveChange['basis']['staff'];
    responseRates: WaveChange['basis']['responseRates'];
    turnover: number | null;
  };
  indicators: ChangeIndicator[];
  notes: ChangeNote[];
  /** Kept, new and dropped ties; `core` is null when the stable core is smaller than the minimum group size. */
  persistence: Array<Omit<TiePersistence, 'core'> & { core: TiePersistence['core'] | null }>;
  succession: Array<{ domain: string; leftLeaders: string[] | null; leftLeaderCount: number; leadersAfter: number; kept: boolean }>;
  /** Names to review (named disclosure only; null otherwise) and how many. */
  review: MatchReview[] | null;
  reviewCount: number;
  method: WaveChange['method'];
}

/**
 * The privacy gate for a comparison of two waves (compareWaves). School-level figures pass as they are.
 * Pseudonymised views (viewers) get no one's id or name: leavers, joiners, leaders who left and names
 * to review become counts. A school with fewer staff than the minimum group size in either wave shows
 * no indicator; a stable core smaller than the minimum shows no core row and no core tie counts.
 */
export function presentChange(change: WaveChange, o: { disclosure: Disclosure; policy: PrivacyPolicy }): PublicChange {
  const named = o.disclosure === 'named';
  const min = o.policy.minGroupSize;
  const suppressed = change.basis.staff.before < min || change.basis.staff.after < min;
  const coreShown = change.basis.core >= min;
  const b = change.basis;
  return {
    disclosure: o.disclosure,
    minGroupSize: min,
    relation: change.relation,
    suppressed,
    basis: {
      stayers: b.stayers,
      leavers: named ? b.leavers : null,
      joiners: named ? b.joiners : null,
      leaverCount: b.leavers.length,
      joinerCount: b.joiners.length,
      core: b.core,
      staff: b.staff,
      responseRates: b.responseRates,
      turnover: b.turnover,
    },
    indicators: suppressed ? [] : change.indicators.filter((i) => i.population === 'all' || coreShown),
    notes: change.notes,
    persistence: suppressed ? [] : change.persistence.map((p) => ({ ...p, core: coreShown ? p.core : null })),
    succession: suppressed
      ? []
      : change.succession.map((s) => ({
          domain: s.domain,
          leftLeaders: named ? s.leftLeaders : null,
          leftLeaderCount: s.leftLeaders.length,
          leadersAfter: s.leadersAfter,
          kept: s.kept,
        })),
    review: named ? change.review : null,
    reviewCount: change.review.length,
    method: change.method,
  };
}

/** A trend passes the same gate: nothing when any wave's school is under the minimum group size. */
export function presentTrend(trend: TrendIndicator[], changes: readonly WaveChange[], policy: PrivacyPolicy): TrendIndicator[] {
  const small = changes.some((c) => c.basis.staff.before < policy.minGroupSize || c.basis.staff.after < policy.minGroupSize);
  return small ? [] : trend;
}
