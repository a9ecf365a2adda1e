/**
 * Survey meets network (exploratory): for each scale item about one domain (e.g. "How much influence
 * do teachers have over… [Curriculum]"), Spearman's correlation between a person's answer
 * (reverse-coded where the scale says so) and how many colleagues name them in that domain. Read as
 * a description of this school, never as a test: items and people are few, and answers and
 * nominations are not independent draws.
 */
import { spearman } from './spearman.js';

export interface ItemAnswers {
  scale: string;
  item: string;
  domain: string;
  /** Person id → answer as it counts (reverse-coded). */
  answers: ReadonlyMap<string, number>;
}

export interface PerceivedVsSought {
  scale: string;
  item: string;
  domain: string;
  /** People with both an answer and a place in the network. */
  n: number;
  /** Spearman's rho; null below minPeople or without variance. */
  spearman: number | null;
}

/** One row per item; `inDegree(domain)` gives everyone's in-degree in the domain (null: the network has no such domain → item left out). */
export function perceivedVsSought(
  items: readonly ItemAnswers[],
  inDegree: (domain: string) => ReadonlyMap<string, number> | null,
  minPeople: number,
): PerceivedVsSought[] {
  const out: PerceivedVsSought[] = [];
  for (const it of items) {
    const deg = inDegree(it.domain);
    if (!deg) continue;
    const x: number[] = [];
    const y: number[] = [];
    for (const [id, a] of it.answers) {
      const d = deg.get(id);
      if (d === undefined) continue;
      x.push(a);
      y.push(d);
    }
    out.push({ scale: it.scale, item: it.item, domain: it.domain, n: x.length, spearman: x.length >= minPeople ? spearman(x, y) : null });
  }
  return out;
}
