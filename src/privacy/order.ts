/**
 * Order of pseudonymised lists. Metrics break ties by roster id, and many lists follow roster or
 * tie-file order; printed beside pseudonyms, that order would map them back to the roster by
 * position. Pseudonymised lists are therefore ordered by what they show (a count, a rank) and then
 * by pseudonym, which is a keyed hash of the id (src/privacy/pseudonym.ts) and so carries no order.
 */

/** Code-unit order of two labels (locale-independent, total). */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows sorted by their pseudonym. */
export function byLabel<T>(rows: readonly T[], labelOf: (r: T) => string): T[] {
  return [...rows].sort((a, b) => compareLabels(labelOf(a), labelOf(b)));
}

/** Rows sorted by `score` (larger first), ties by pseudonym. */
export function byScoreThenLabel<T>(rows: readonly T[], score: (r: T) => number, labelOf: (r: T) => string): T[] {
  return [...rows].sort((a, b) => score(b) - score(a) || compareLabels(labelOf(a), labelOf(b)));
}

/**
 * Sought-out people re-ranked: in-degree, then in-strength (larger first), then pseudonym; `rank`
 * is renumbered 1…n in that order, so it no longer carries the roster-id tie-break.
 */
export function bySeeker<T extends { id: string; inDegree: number; inStrength: number; rank: number }>(rows: readonly T[]): T[] {
  return [...rows]
    .sort((a, b) => b.inDegree - a.inDegree || b.inStrength - a.inStrength || compareLabels(a.id, b.id))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
