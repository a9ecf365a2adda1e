/**
 * Survey scales: several Likert items read as one measure (teacher influence, participation in
 * decisions, role clarity, collaboration climate, trust), per person and per group, with their
 * internal consistency (Cronbach's alpha). Definitions: docs/metrics.md, "Survey scales".
 */
import type { ScaleDefinition } from '../../model/scales.js';

/** One person's raw answers to a scale's items (null = not answered), before reverse coding. */
export interface ScaleRow {
  id: string;
  group: string | null;
  answers: ReadonlyArray<number | null>;
}

export interface ScaleGroup {
  group: string;
  /** People of the group with a score (what the group mean is taken over). */
  size: number;
  mean: number;
}

export interface ScaleResult {
  scale: string;
  items: number;
  minItems: number;
  /** Cronbach's alpha over the people who answered every item; null when fewer than 2 items or 2 such people, or no variance. */
  alpha: number | null;
  /** People who answered every item (alpha's n). */
  alphaN: number;
  /** People with a score (answered at least minItems items). */
  n: number;
  /** Mean of the people's scores; null when n = 0. */
  mean: number | null;
  /** Sample standard deviation of the scores; null when n < 2. */
  sd: number | null;
  /** Mean score per group (every group with a score; small groups are hidden by the privacy layer, never here). */
  groups: ScaleGroup[];
}

/** An answer as it counts: min + max − answer for a reverse-coded item. */
export function scored(def: ScaleDefinition, item: number, answer: number): number {
  return def.items[item]!.reverse ? def.min + def.max - answer : answer;
}

/**
 * A person's scale score: the mean of their (reverse-coded) answers, or null when they answered fewer
 * than `minItems` items. Mean of answered items (not a sum) so a skipped item does not lower the score.
 */
export function scaleScore(def: ScaleDefinition, answers: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let k = 0;
  answers.forEach((a, i) => {
    if (a === null) return;
    sum += scored(def, i, a);
    k++;
  });
  return k >= def.minItems && k > 0 ? sum / k : null;
}

/**
 * Cronbach's alpha of complete cases (rows: people, columns: items, already reverse-coded):
 *   α = k / (k − 1) · (1 − Σᵢ s²ᵢ / s²ₓ),
 * s²ᵢ the sample variance (n − 1) of item i, s²ₓ that of the people's item sums.
 * Degenerate: k < 2 or n < 2 → null; s²ₓ = 0 (everyone gave the same total) → null. Can be negative
 * (items that do not hang together). O(n k).
 * Ref: Cronbach (1951), Psychometrika 16(3), 297–334.
 * @example cronbachAlpha([[1,2],[2,3],[3,3]]) // k=2: s²₁=1, s²₂=1/3, sums 3,5,6 → s²ₓ=7/3 → α = 2·(1 − (4/3)/(7/3)) = 6/7
 */
export function cronbachAlpha(rows: ReadonlyArray<ReadonlyArray<number>>): number | null {
  const n = rows.length;
  const k = n > 0 ? rows[0]!.length : 0;
  if (k < 2 || n < 2) return null;
  const variance = (xs: number[]): number => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  };
  let itemVar = 0;
  for (let i = 0; i < k; i++) itemVar += variance(rows.map((r) => r[i]!));
  const totalVar = variance(rows.map((r) => r.reduce((s, x) => s + x, 0)));
  if (totalVar === 0) return null;
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}

/** Scores, alpha, mean and group means of one scale. Groups in natural order of their names. O(n k). */
export function scaleResult(def: ScaleDefinition, rows: readonly ScaleRow[]): ScaleResult {
  const complete = rows.filter((r) => r.answers.every((a) => a !== null)).map((r) => r.answers.map((a, i) => scored(def, i, a!)));
  const scores = rows.map((r) => ({ group: r.group, score: scaleScore(def, r.answers) })).filter((s) => s.score !== null);
  const values = scores.map((s) => s.score!);
  const n = values.length;
  const mean = n > 0 ? values.reduce((s, x) => s + x, 0) / n : null;
  const sd = n >= 2 && mean !== null ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null;
  const byGroup = new Map<string, number[]>();
  for (const s of scores) {
    if (s.group === null) continue;
    let list = byGroup.get(s.group);
    if (!list) byGroup.set(s.group, (list = []));
    list.push(s.score!);
  }
  const groups = [...byGroup]
    .sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }))
    .map(([group, xs]) => ({ group, size: xs.length, mean: xs.reduce((s, x) => s + x, 0) / xs.length }));
  return {
    scale: def.scale,
    items: def.items.length,
    minItems: def.minItems,
    alpha: cronbachAlpha(complete),
    alphaN: complete.length,
    n,
    mean,
    sd,
    groups,
  };
}
