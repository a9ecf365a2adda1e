import { known, unknown, type MaybeNumber } from './value.js';
import { compareIds } from '../../graph/compare-ids.js';

export const GINI_DEFAULTS = {
  /** Multiply by n/(n−1) (the small-sample "unbiased" correction). Off by default. */
  correction: false,
};

/**
 * Gini coefficient of a non-negative distribution (here: in-degree, the nominations each person receives):
 *   G = Σ_i Σ_j |x_i − x_j| / (2 n² μ)
 * 0 = everyone receives the same number, → 1 − 1/n when one person receives all.
 * Uncorrected by default, as in most references (e.g. the Wikipedia/Sen definition, R ineq::Gini);
 * `correction: true` multiplies by n/(n−1) so the one-person-gets-all case gives 1.
 * Degenerate: empty list → null ("no people"); all values 0 → null ("nobody was named");
 * n = 1 with correction → null ("fewer than 2 people").
 * Computed from the sorted values: Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i), i = 0..n−1 ascending.
 * O(n log n). Ref: Gini (1912); Sen (1973) On Economic Inequality.
 * Example: [0, 0, 0, 4] → 0.75; [1, 1, 1] → 0.
 */
export function gini(values: ArrayLike<number>, options: Partial<typeof GINI_DEFAULTS> = {}): MaybeNumber {
  const { correction } = { ...GINI_DEFAULTS, ...options };
  const n = values.length;
  if (n === 0) return unknown('no people');
  const s = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i]!;
  if (total === 0) return unknown('nobody was named');
  if (correction && n < 2) return unknown('fewer than 2 people');
  let acc = 0;
  for (let i = 0; i < n; i++) acc += (2 * i - n + 1) * s[i]!;
  const mu = total / n;
  const g = (2 * acc) / (2 * n * n * mu);
  return known(correction ? (g * n) / (n - 1) : g);
}

/** One point of a Lorenz curve: the poorest `population` share receives `share` of all nominations. */
export interface LorenzPoint {
  population: number;
  share: number;
}

/**
 * Lorenz curve of a distribution: n + 1 points (k/n, Σ_{i<k} x_(i) / Σ x) with values sorted ascending,
 * from (0, 0) to (1, 1). Degenerate: all zero or empty → [] (no curve).
 * The area between the diagonal and this polyline, doubled, equals the uncorrected Gini. O(n log n).
 */
export function lorenzCurve(values: ArrayLike<number>): LorenzPoint[] {
  const n = values.length;
  const s = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i]!;
  if (n === 0 || total === 0) return [];
  const pts: LorenzPoint[] = [{ population: 0, share: 0 }];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += s[i]!;
    pts.push({ population: (i + 1) / n, share: acc / total });
  }
  pts[n]!.share = 1;
  return pts;
}

export const TOP_SHARE_DEFAULTS = {
  /** Fraction of people counted as "the top". */
  fraction: 0.1,
};

export interface TopShareResult extends MaybeNumber {
  /** k = ceil(fraction · n) people, in order. */
  top: string[];
}

/**
 * Share of all nominations received by the top `fraction` of people:
 *   k = ceil(fraction · n); share = Σ_{top k} d_i / Σ_i d_i
 * People ranked by in-degree (descending), ties broken by id (ascending, numeric ids numerically),
 * so the top list is deterministic. Degenerate: n = 0 → null ("no people"); no nominations → null
 * ("nobody was named"). O(n log n).
 * Example: in-degrees [5, 1, 1, 1, 1, 1, 0, 0, 0, 0] → k = 1, share = 0.5.
 */
export function topShare(
  ids: readonly string[],
  inDegree: ArrayLike<number>,
  options: Partial<typeof TOP_SHARE_DEFAULTS> = {},
): TopShareResult {
  const { fraction } = { ...TOP_SHARE_DEFAULTS, ...options };
  const n = ids.length;
  if (n === 0) return { ...unknown('no people'), top: [] };
  const order = rankByInDegree(ids, inDegree);
  const top = order.slice(0, topCount(n, fraction)).map((i) => ids[i]!);
  const share = topShareValue(inDegree, fraction);
  return share === null ? { ...unknown(n === 0 ? 'no people' : 'nobody was named'), top } : { ...known(share), top };
}

/** k = ceil(fraction · n), at least 1 and at most n: how many people count as "the top". */
function topCount(n: number, fraction: number): number {
  return Math.min(n, Math.max(1, Math.ceil(fraction * n - 1e-9)));
}

/**
 * The value of {@link topShare} without the ranked list (the share does not depend on how equal
 * in-degrees are ordered): Σ of the k largest in-degrees / Σ of all. null when n = 0 or nobody was
 * named. O(n log n) on a typed copy; used where the share is recomputed many times (bootstraps).
 */
export function topShareValue(inDegree: ArrayLike<number>, fraction: number = TOP_SHARE_DEFAULTS.fraction): number | null {
  const n = inDegree.length;
  if (n === 0) return null;
  const s = Float64Array.from(inDegree).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i]!;
  if (total === 0) return null;
  let top = 0;
  for (let i = n - topCount(n, fraction); i < n; i++) top += s[i]!;
  return top / total;
}

/** Indices ordered by in-degree desc, then secondary desc (if given), then id asc. */
export function rankByInDegree(ids: readonly string[], inDegree: ArrayLike<number>, secondary?: ArrayLike<number>): number[] {
  const order = Array.from({ length: ids.length }, (_, i) => i);
  order.sort((a, b) => inDegree[b]! - inDegree[a]! || (secondary ? secondary[b]! - secondary[a]! : 0) || compareIds(ids[a]!, ids[b]!));
  return order;
}
