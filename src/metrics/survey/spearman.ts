/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their average rank
 * (so it suits Likert answers, which tie a lot). In [−1, 1]. Degenerate: fewer than 3 pairs, or all
 * values of one side equal → null. O(n log n).
 * Ref: Spearman (1904); the tie handling is scipy.stats.spearmanr's (average ranks, Pearson on ranks).
 * @example spearman([1, 2, 3, 4], [10, 20, 20, 40]) // ranks 1,2,3,4 vs 1,2.5,2.5,4 → 0.9487
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n !== y.length) throw new Error('spearman: x and y differ in length');
  if (n < 3) return null;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, ties sharing their average rank. */
export function averageRanks(v: readonly number[]): Float64Array {
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const ranks = new Float64Array(v.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = r;
    i = j + 1;
  }
  return ranks;
}
