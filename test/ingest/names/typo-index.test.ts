import { describe, expect, it } from 'vitest';
import { createNameMatcher, jaroWinkler, splitNames } from '../../../src/ingest/names/index.js';
import { TypoIndex, type TypoKey } from '../../../src/ingest/names/typo-index.js';

/** A seeded stream of numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['an', 'ra', 'jo', 'se', 'ki', 'mu', 'lee', 'o', 'dell', 'ruiz', 'na', 'ta', 'zo', 'e', 'li', 'am', 'ç', 'ñ'];

function word(r: () => number): string {
  let w = '';
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)]!;
  return w;
}

/** A typed answer: a roster name with one letter changed, dropped, doubled or swapped, or a random name. */
function typed(r: () => number, name: string): string {
  const i = Math.floor(r() * name.length);
  switch (Math.floor(r() * 5)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    case 2:
      return name.slice(0, i) + 'x' + name.slice(i + 1);
    case 3:
      return name.slice(0, i) + (name[i + 1] ?? '') + name[i] + name.slice(i + 2);
    default:
      return `${word(r)} ${word(r)}`;
  }
}

/** The scan the index replaces: every person of the block scored, sorted by score then id. */
function scan(s: string, people: TypoKey[], single: boolean, k: number, floor: number) {
  return people
    .map((e) => {
      let v = Math.max(jaroWinkler(s, e.full), jaroWinkler(s, e.reversed));
      if (single) v = Math.max(v, jaroWinkler(s, e.first) - 0.02, e.surname ? jaroWinkler(s, e.surname) - 0.02 : 0);
      return { id: e.id, score: Math.round(v * 1000) / 1000 };
    })
    .filter((c) => c.score >= floor)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, k);
}

describe('typo index', () => {
  it('finds the same top 3 as scoring everyone, for 600 typed answers against 400 people', () => {
    const r = rng(12);
    const people: TypoKey[] = [];
    for (let i = 0; i < 400; i++) {
      const first = word(r),
        surname = r() < 0.3 ? `${word(r)} ${word(r)}` : word(r);
      people.push({ id: `p${i}`, full: `${first} ${surname}`, reversed: `${surname} ${first}`, first, surname });
    }
    const index = new TypoIndex<TypoKey>();
    for (const p of people) index.add(p);
    let compared = 0;
    for (let n = 0; n < 600; n++) {
      const s = typed(r, people[Math.floor(r() * people.length)]!.full).trim();
      const single = !s.includes(' ');
      const score = (e: TypoKey) => {
        compared++;
        let v = Math.max(jaroWinkler(s, e.full), jaroWinkler(s, e.reversed));
        if (single) v = Math.max(v, jaroWinkler(s, e.first) - 0.02, e.surname ? jaroWinkler(s, e.surname) - 0.02 : 0);
        return Math.round(v * 1000) / 1000;
      };
      const got = index.top(s, people, single, score, 3, 0.75).map(({ item, score: v }) => ({ id: item.id, score: v }));
      expect(got, s).toEqual(scan(s, people, single, 3, 0.75));
    }
    // the bound prunes: far fewer people are scored than a scan scores
    expect(compared).toBeLessThan(600 * 400 * 0.5);
  });
});

describe('splitting a cell reads names by the rules before any typo search', () => {
  const m = createNameMatcher([
    { id: 'L', name: 'Ana Maria Lee', email: null },
    { id: 'M', name: 'Ana Mariah', email: null },
  ]);
  it('keeps an exact "Last, First" together rather than a typo of one piece', () => {
    // "Ana Maria" alone is a typo of Ana Mariah, and "Lee" alone names Ana Maria Lee: the exact reading wins
    expect(m.match('Ana Maria')).toMatchObject({ status: 'matched', id: 'M', rule: 'typo' });
    expect(splitNames('Lee, Ana Maria', m).map((s) => [s.text, s.match.status === 'matched' ? s.match.id : s.match.status])).toEqual([
      ['Lee, Ana Maria', 'L'],
    ]);
  });
  it('still reads a typo when no rule reads a piece', () => {
    expect(
      splitNames('Ana Mariahh, Ana Maria Lee', m).map((s) =>
        s.match.status === 'matched' ? `${s.match.id}:${s.match.rule}` : s.match.status,
      ),
    ).toEqual(['M:typo', 'L:exact']);
  });
});
