/**
 * The roster index behind the typo search. Each person's folded name is kept as letter counts (64 buckets); from
 * them an upper bound of the Jaro–Winkler score against an answer costs a few additions, so the search scores
 * people in the order of that bound and stops as soon as no one left can enter the top k — the result is the
 * one a full scan gives.
 *
 * The bound: JW = J + ℓ·0.1·(1 − J) with ℓ the common prefix (≤ 4), and J = (m/|a| + m/|b| + (m − t)/m) / 3
 * (Winkler 1990). The m matching characters are at most c, the size of the two strings' letter multisets'
 * intersection, and (m − t)/m ≤ 1, so J ≤ (c/|a| + c/|b| + 1) / 3; JW grows with J for a fixed ℓ. Letters that
 * share a bucket only make c larger, so the bound stays a bound.
 */

/** What the index reads from a roster person: the folded name in both orders, first name and surname. */
export interface TypoKey {
  id: string;
  full: string;
  reversed: string;
  first: string;
  surname: string;
}

const BUCKETS = 64;

function bucket(code: number): number {
  if (code >= 97 && code <= 122) return code - 97; // a–z
  if (code >= 48 && code <= 57) return code - 22; // 0–9 → 26–35
  if (code === 32) return 36;
  return 37 + (code % 27);
}

function prefix(a: string, b: string): number {
  let l = 0;
  while (l < 4 && l < a.length && l < b.length && a[l] === b[l]) l++;
  return l;
}

function bound(c: number, la: number, lb: number, l: number): number {
  const m = Math.min(c, la, lb);
  if (m === 0) return 0;
  const j = (m / la + m / lb + 1) / 3;
  return j + l * 0.1 * (1 - j);
}

export class TypoIndex<T extends TypoKey> {
  private readonly slot = new Map<T, number>();
  private counts = new Uint8Array(BUCKETS * 256);

  add(item: T): void {
    const i = this.slot.size;
    if ((i + 1) * BUCKETS > this.counts.length) {
      const grown = new Uint8Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.slot.set(item, i);
    for (let k = 0; k < item.full.length; k++) {
      const b = i * BUCKETS + bucket(item.full.charCodeAt(k));
      this.counts[b] = Math.min(255, this.counts[b]! + 1);
    }
  }

  /** An upper bound of `score` (below) for one person, before rounding. */
  private upper(s: string, need: ReadonlyArray<readonly [number, number]>, item: T, single: boolean): number {
    const base = this.slot.get(item)! * BUCKETS;
    let c = 0;
    for (const [b, n] of need) c += Math.min(n, this.counts[base + b]!);
    let ub = bound(c, s.length, item.full.length, Math.max(prefix(s, item.full), prefix(s, item.reversed)));
    if (single) {
      ub = Math.max(ub, bound(c, s.length, item.first.length, prefix(s, item.first)) - 0.02);
      if (item.surname) ub = Math.max(ub, bound(c, s.length, item.surname.length, prefix(s, item.surname)) - 0.02);
    }
    return ub;
  }

  /**
   * The k best-scoring people of `among` with a score ≥ floor, best first (equal scores by id). `score` is the
   * matcher's: JW against the full name in either order (for a one-word answer also first name and surname, less
   * 0.02), rounded to 3 decimals.
   */
  top(
    s: string,
    among: Iterable<T>,
    single: boolean,
    score: (item: T) => number,
    k: number,
    floor: number,
  ): Array<{ item: T; score: number }> {
    const tally = new Map<number, number>();
    for (let i = 0; i < s.length; i++) {
      const b = bucket(s.charCodeAt(i));
      tally.set(b, (tally.get(b) ?? 0) + 1);
    }
    const need = [...tally];
    const slack = 0.001; // rounding to 3 decimals and floating point
    const order: Array<{ item: T; ub: number }> = [];
    for (const item of among) {
      const ub = this.upper(s, need, item, single);
      if (ub + slack >= floor) order.push({ item, ub });
    }
    order.sort((a, b) => b.ub - a.ub);
    const best: Array<{ item: T; score: number }> = [];
    for (const { item, ub } of order) {
      if (best.length >= k && ub + slack < best[k - 1]!.score) break;
      const v = score(item);
      if (v < floor) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < v || (best[at - 1]!.score === v && best[at - 1]!.item.id.localeCompare(item.id) > 0))) at--;
      if (at < k) {
        best.splice(at, 0, { item, score: v });
        if (best.length > k) best.pop();
      }
    }
    return best;
  }
}
