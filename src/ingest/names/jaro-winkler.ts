/**
 * Jaro–Winkler similarity of two strings, 0 (nothing in common) … 1 (equal).
 * Jaro: matches within ⌊max(|a|,|b|)/2⌋−1 positions, m matches, t half-transpositions:
 *   J = (m/|a| + m/|b| + (m − t)/m) / 3.
 * Winkler: JW = J + ℓ·p·(1 − J) with common prefix ℓ ≤ 4 and p = 0.1.
 * Degenerate: two empty strings → 1; one empty → 0. O(|a|·|b|).
 * Ref: Winkler (1990), "String Comparator Metrics and Enhanced Decision Rules in
 * the Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA.
 * Example: jaroWinkler('martha', 'marhta') ≈ 0.9611.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Uint8Array(a.length),
    bHit = new Uint8Array(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window),
      hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = 1;
      bHit[j] = 1;
      m++;
      break;
    }
  }
  if (m === 0) return 0;
  let t = 0,
    k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
