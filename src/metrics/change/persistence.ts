import { ANY_DOMAIN, type Dataset } from '../../model/types.js';

/** Ties of one relation and domain that were kept, are new, or were dropped between two waves. */
export interface TiePersistence {
  relation: string;
  /** A domain, or "all" for every domain of the relation pooled. */
  domain: string;
  kept: number;
  new: number;
  dropped: number;
  /** The same counts over ties between stable-core people only (present and answering in both waves), where a change cannot come from someone leaving, joining or not answering. */
  core: { kept: number; new: number; dropped: number };
}

/**
 * Tie persistence: with earlier ids mapped to later ids (`toAfter`), a tie (source → target, relation,
 * domain) is kept when it is in both waves, new when only in the later, dropped when only in the
 * earlier. Counted per relation and domain and for each relation's domains pooled ("all": one tie per
 * ordered pair). Self-ties are ignored. O(m).
 * Example: before a→b, a→c; after a→b, b→c → kept 1, new 1, dropped 1.
 */
export function tiePersistence(
  before: Dataset,
  after: Dataset,
  toAfter: ReadonlyMap<string, string>,
  core: ReadonlySet<string>,
): TiePersistence[] {
  const mapId = (id: string) => toAfter.get(id) ?? `\u0000before:${id}`;
  const keysOf = (d: Dataset, map: (id: string) => string) => {
    const out = new Map<string, Set<string>>();
    const add = (group: string, key: string) => {
      let s = out.get(group);
      if (!s) out.set(group, (s = new Set()));
      s.add(key);
    };
    for (const t of d.ties) {
      if (t.source === t.target) continue;
      const pair = `${map(t.source)}\u0001${map(t.target)}`;
      add(`${t.relation}\u0002${t.domain === ANY_DOMAIN ? 'all' : t.domain}`, pair);
      if (t.domain !== ANY_DOMAIN) add(`${t.relation}\u0002all`, pair);
    }
    return out;
  };
  const a = keysOf(before, mapId);
  const b = keysOf(after, (id) => id);
  const inCore = (pair: string) => pair.split('\u0001').every((id) => core.has(id));
  const groups = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => {
    const [rx, dx] = x.split('\u0002') as [string, string];
    const [ry, dy] = y.split('\u0002') as [string, string];
    return rx.localeCompare(ry) || (dx === 'all' ? 1 : dy === 'all' ? -1 : dx.localeCompare(dy));
  });
  return groups.map((g) => {
    const [relation, domain] = g.split('\u0002') as [string, string];
    const sa = a.get(g) ?? new Set<string>();
    const sb = b.get(g) ?? new Set<string>();
    const row = { relation, domain, kept: 0, new: 0, dropped: 0, core: { kept: 0, new: 0, dropped: 0 } };
    for (const k of sa) {
      const c = inCore(k);
      if (sb.has(k)) {
        row.kept++;
        if (c) row.core.kept++;
      } else {
        row.dropped++;
        if (c) row.core.dropped++;
      }
    }
    for (const k of sb) {
      if (sa.has(k)) continue;
      row.new++;
      if (inCore(k)) row.core.new++;
    }
    return row;
  });
}
