/**
 * Agreement between two partitions of the same people (e.g. Louvain communities vs departments).
 * Both take parallel arrays of labels (any strings/numbers) of equal length n.
 */

function contingency(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): { table: Map<string, number>; ra: Map<string | number, number>; rb: Map<string | number, number> } {
  const table = new Map<string, number>();
  const ra = new Map<string | number, number>();
  const rb = new Map<string | number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = JSON.stringify([a[i], b[i]]);
    table.set(key, (table.get(key) ?? 0) + 1);
    ra.set(a[i]!, (ra.get(a[i]!) ?? 0) + 1);
    rb.set(b[i]!, (rb.get(b[i]!) ?? 0) + 1);
  }
  return { table, ra, rb };
}

/**
 * Normalized mutual information with arithmetic-mean normalisation:
 *   NMI = 2 I(A; B) / (H(A) + H(B)),  I and H with natural logarithms from the contingency table.
 * 1 = identical partitions (up to renaming), 0 = independent. Same as scikit-learn's
 * normalized_mutual_info_score (default average_method="arithmetic").
 * Degenerate: n = 0 → null; H(A) = H(B) = 0 (both one group) → 1 (identical), as scikit-learn.
 * O(n). Ref: Danon, Díaz-Guilera, Duch & Arenas (2005), J. Stat. Mech. P09008.
 */
export function normalizedMutualInformation(a: readonly (string | number)[], b: readonly (string | number)[]): number | null {
  const n = a.length;
  if (n === 0 || b.length !== n) return null;
  const { table, ra, rb } = contingency(a, b);
  const h = (m: Map<string | number, number>): number => {
    let s = 0;
    for (const c of m.values()) s -= (c / n) * Math.log(c / n);
    return s;
  };
  const ha = h(ra);
  const hb = h(rb);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (const [key, c] of table) {
    const [x, y] = JSON.parse(key) as [string | number, string | number];
    mi += (c / n) * Math.log((c * n) / (ra.get(x)! * rb.get(y)!));
  }
  return Math.max(0, Math.min(1, (2 * mi) / (ha + hb)));
}

const pairs = (k: number): number => (k * (k - 1)) / 2;

/**
 * Adjusted Rand index: (Σ_ij C(n_ij,2) − E) / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − E),
 * E = Σ_i C(a_i,2) Σ_j C(b_j,2) / C(n,2). 1 = identical, ≈ 0 = chance agreement, can be negative.
 * Degenerate: n < 2 → null; zero denominator (both partitions trivial in the same way, e.g. one group
 * each or all singletons each) → 1, as scikit-learn's adjusted_rand_score. O(n).
 * Ref: Hubert & Arabie (1985), Journal of Classification 2, 193–218.
 */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number | null {
  const n = a.length;
  if (n < 2 || b.length !== n) return null;
  const { table, ra, rb } = contingency(a, b);
  let sumIj = 0;
  for (const c of table.values()) sumIj += pairs(c);
  let sumA = 0;
  for (const c of ra.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of rb.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max - expected === 0) return 1;
  return (sumIj - expected) / (max - expected);
}
