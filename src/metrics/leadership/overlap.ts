import { compareIds } from '../../graph/compare-ids.js';
import { joinNames, numberWord } from './profile.js';

export interface DomainPairOverlap {
  a: string;
  b: string;
  /** |A ∩ B| / |A ∪ B|; null when both domains have no leader. */
  jaccard: number | null;
  shared: string[];
}

export interface CrossDomainOverlap {
  /** Per leader (of any real domain): the domains they lead, most domains first, then id. */
  domainsLed: { id: string; domains: string[] }[];
  pairs: DomainPairOverlap[];
  /** Leaders of every domain that has leaders (only when ≥ 2 such domains). */
  leadEverything: string[];
  /** Plain-language sentence, or null when nothing stands out. */
  reading: string | null;
}

/**
 * Cross-domain overlap of leader sets: for each leader the domains they lead; Jaccard index
 * J(A, B) = |A ∩ B| / |A ∪ B| of the leader sets of every pair of domains (0 = different people lead
 * the two domains, 1 = the same people). High overlap everywhere is the "same few people lead
 * everything" pattern; low overlap with many leaders is "parallel" distribution (Spillane's
 * terms, as in the domain reading). Degenerate: both sets empty → null ("no leaders in either domain").
 * O(D² · L). Ref: Jaccard (1912), New Phytologist 11(2).
 */
export function crossDomainOverlap(
  leadersByDomain: ReadonlyMap<string, readonly string[]>,
  nameOf: (id: string) => string,
): CrossDomainOverlap {
  const domains = [...leadersByDomain.keys()];
  const sets = new Map(domains.map((d) => [d, new Set(leadersByDomain.get(d))]));
  const led = new Map<string, string[]>();
  for (const d of domains) for (const id of sets.get(d)!) led.set(id, [...(led.get(id) ?? []), d]);
  const domainsLed = [...led.entries()]
    .map(([id, ds]) => ({ id, domains: ds }))
    .sort((x, y) => y.domains.length - x.domains.length || compareIds(x.id, y.id));
  const pairs: DomainPairOverlap[] = [];
  for (let i = 0; i < domains.length; i++) {
    for (let j = i + 1; j < domains.length; j++) {
      const A = sets.get(domains[i]!)!;
      const B = sets.get(domains[j]!)!;
      const shared = [...A].filter((x) => B.has(x)).sort(compareIds);
      const union = new Set([...A, ...B]).size;
      pairs.push({ a: domains[i]!, b: domains[j]!, jaccard: union === 0 ? null : shared.length / union, shared });
    }
  }
  const withLeaders = domains.filter((d) => sets.get(d)!.size > 0);
  let leadEverything: string[] = [];
  let reading: string | null = null;
  if (withLeaders.length >= 2) {
    leadEverything = [...sets.get(withLeaders[0]!)!].filter((id) => withLeaders.every((d) => sets.get(d)!.has(id))).sort(compareIds);
    const k = leadEverything.length;
    const names = joinNames(leadEverything.map(nameOf));
    const allSame = withLeaders.every((d) => sets.get(d)!.size === k);
    if (k > 0 && allSame)
      reading =
        k === 1 ? `The same person (${names}) leads every domain.` : `The same ${numberWord(k)} people (${names}) lead every domain.`;
    else if (k > 0) reading = k === 1 ? `${names} leads in every domain.` : `${names} lead in every domain.`;
    else if (pairs.every((p) => p.jaccard === null || p.jaccard === 0)) reading = 'Each domain is led by different people.';
  }
  return { domainsLed, pairs, leadEverything, reading };
}
