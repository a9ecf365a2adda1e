import type { Person } from '../../model/types.js';
import { emailKey, findEmail, foldName, nameTokens } from './normalize.js';
import { formalNames } from './nicknames.js';
import { jaroWinkler } from './jaro-winkler.js';
import { TypoIndex } from './typo-index.js';

/**
 * Matches one free-text answer ("Ms Ruiz", "J. Smith", "Smith, Jo", "bob odell",
 * "ana.ruiz@school.org") to a roster person. Rules are tried in order; the first rule
 * that finds anyone decides: one person → matched, several → ambiguous (never a guess).
 *
 * | rule        | confidence | what it accepts                                              |
 * |-------------|-----------:|--------------------------------------------------------------|
 * | mapping     | 1          | a resolution saved in the mapping file (text → id / ignore)  |
 * | id          | 1          | the roster id itself                                         |
 * | email       | 1          | an e-mail address on the roster                              |
 * | exact       | 1          | same name after case/accent/punctuation folding              |
 * | title       | 0.98       | exact once a title is removed (Mr, Ms, Mrs, Miss, Dr, Mx, Coach, Prof) |
 * | last-first  | 0.97       | "Ruiz, Ana" or "Ruiz Ana"                                    |
 * | nickname    | 0.92       | nickname table + same surname ("Bob Odell" → Robert Odell)   |
 * | initial     | 0.9        | "A. Ruiz", "Ruiz A", "Ana M. Ruiz"                           |
 * | last-only   | 0.85       | a surname unique in the school ("Mr Odell")                  |
 * | first-only  | 0.8        | a first name (or nickname) unique in the school              |
 * | typo        | JW score   | Jaro–Winkler ≥ 0.93 on the full folded name, best candidate ahead of the next by ≥ 0.03 |
 *
 * Anything else is `unmatched`, with the closest roster names (JW ≥ 0.75) as candidates.
 */
export type MatchRule =
  'mapping' | 'id' | 'email' | 'exact' | 'title' | 'last-first' | 'nickname' | 'initial' | 'last-only' | 'first-only' | 'typo';

export interface Candidate {
  id: string;
  name: string;
  score: number;
}

export type NameMatch =
  | { status: 'matched'; id: string; confidence: number; rule: MatchRule }
  | { status: 'resolved-out'; rule: 'mapping'; resolution: 'ignore' | 'not on roster' }
  | { status: 'ambiguous'; rule: MatchRule; candidates: Candidate[] }
  | { status: 'unmatched'; candidates: Candidate[] };

export const MATCH_DEFAULTS = {
  /** Minimum Jaro–Winkler similarity of the full folded name for the `typo` rule. */
  typoThreshold: 0.93,
  /** The best typo candidate must beat the second by at least this much. */
  typoMargin: 0.03,
  /** Roster names at least this similar are listed as candidates for the review list. */
  candidateFloor: 0.75,
  maxCandidates: 3,
};

export const RULE_CONFIDENCE: Record<Exclude<MatchRule, 'typo'>, number> = {
  mapping: 1,
  id: 1,
  email: 1,
  exact: 1,
  title: 0.98,
  'last-first': 0.97,
  nickname: 0.92,
  initial: 0.9,
  'last-only': 0.85,
  'first-only': 0.8,
};

/** A resolution saved by the user: a person id, or one of the two keywords. */
export type Resolution = string;

interface Entry {
  id: string;
  name: string;
  first: string;
  surname: string;
  lastToken: string;
  full: string;
  reversed: string;
}

export interface NameMatcher {
  match(text: string): NameMatch;
  /**
   * The rules above without the typo search: the same answer as `match` when a rule decides, else null. The name
   * splitter reads a cell with this first, so the typo search runs only when no cheaper reading of the cell exists.
   */
  matchByRules(text: string): NameMatch | null;
  nameOf(id: string): string | undefined;
  has(id: string): boolean;
}

export function createNameMatcher(
  people: readonly Pick<Person, 'id' | 'name' | 'email'>[],
  resolutions: ReadonlyMap<string, Resolution> = new Map(),
  options: Partial<typeof MATCH_DEFAULTS> = {},
): NameMatcher {
  const opt = { ...MATCH_DEFAULTS, ...options };
  const entries: Entry[] = [];
  const typoIndex = new TypoIndex<Entry>();
  const byId = new Map<string, Entry>(),
    byEmail = new Map<string, Entry[]>();
  const byFull = new Map<string, Entry[]>(),
    byFirst = new Map<string, Entry[]>(),
    byLast = new Map<string, Entry[]>();
  const byReversed = new Map<string, Entry[]>(),
    byInitial = new Map<string, Entry[]>();
  const push = (m: Map<string, Entry[]>, k: string, e: Entry) => {
    const list = m.get(k);
    if (!list) m.set(k, [e]);
    else if (list[list.length - 1] !== e) list.push(e); // one person's keys arrive together
  };
  for (const p of people) {
    const display = p.name.includes(',') ? p.name.split(',').slice(1).join(' ') + ' ' + p.name.split(',')[0] : p.name;
    const toks = nameTokens(display).tokens;
    if (toks.length === 0) continue;
    const first = toks[0]!,
      surname = toks.slice(1).join(' '),
      lastToken = toks[toks.length - 1]!;
    const e: Entry = {
      id: p.id,
      name: p.name,
      first,
      surname,
      lastToken,
      full: toks.join(' '),
      reversed: [...toks.slice(1), first].join(' '),
    };
    entries.push(e);
    typoIndex.add(e);
    byId.set(p.id.normalize('NFC').toLowerCase(), e);
    if (p.email) push(byEmail, emailKey(p.email), e);
    push(byFull, e.full, e);
    push(byReversed, e.reversed, e);
    push(byFirst, first, e);
    for (const t of toks) push(byInitial, t[0]!, e);
    if (surname) {
      push(byLast, surname, e);
      push(byLast, lastToken, e);
      if (surname.includes(' ')) push(byLast, surname.replace(/ /g, ''), e); // "Vanderberg" for Van der Berg
    }
    // each part of a hyphenated surname alone ("Ruiz" for Ana Ruiz-López)
    for (const part of display.trim().split(/\s+/).slice(1).join(' ').split(/[-‐–]/)) {
      const f = foldName(part);
      if (f && part !== display && f !== surname) push(byLast, f, e);
    }
  }
  const resolved = new Map<string, Resolution>();
  for (const [k, v] of resolutions) {
    resolved.set(k.trim(), v);
    resolved.set('\u0000' + foldName(k), v);
  }

  const cand = (list: Entry[], score: number): Candidate[] => list.map((e) => ({ id: e.id, name: e.name, score }));
  const decide = (list: Entry[] | undefined, rule: Exclude<MatchRule, 'typo'>): NameMatch | null => {
    if (!list || list.length === 0) return null;
    if (list.length === 1) return { status: 'matched', id: list[0]!.id, confidence: RULE_CONFIDENCE[rule], rule };
    return { status: 'ambiguous', rule, candidates: cand(list, RULE_CONFIDENCE[rule]) };
  };

  function byTokens(q: string[], hadTitle: boolean, reordered: boolean): NameMatch | null {
    if (q.length === 0) return null;
    const joined = q.join(' ');
    const exact = decide(byFull.get(joined), reordered ? 'last-first' : hadTitle ? 'title' : 'exact');
    if (exact) return exact;
    if (q.length >= 2 && !reordered) {
      const r = decide(byReversed.get(joined), 'last-first');
      if (r) return r;
    }
    if (q.length >= 2) {
      const first = q[0]!,
        surname = q.slice(1).join(' ');
      const nick = (byLast.get(surname) ?? byLast.get(surname.replace(/ /g, '')) ?? []).filter(
        (e) =>
          (e.surname === surname || e.lastToken === surname || e.surname.replace(/ /g, '') === surname.replace(/ /g, '')) &&
          (formalNames(first).includes(e.first) || formalNames(e.first).includes(first)),
      );
      const n = decide(nick, 'nickname');
      if (n) return n;
      const middleless = q.filter((t, i) => i === 0 || i === q.length - 1 || t.length > 1);
      if (middleless.length < q.length) {
        const m = decide(byFull.get(middleless.join(' ')), 'initial');
        if (m) return m;
      }
      if (q.length === 2) {
        const [a, b] = q as [string, string];
        const [initial, last] = a.length === 1 ? [a, b] : b.length === 1 ? [b, a] : [null, null];
        if (initial && last) {
          const i = decide(
            (byLast.get(last) ?? []).filter((e) => e.first.startsWith(initial)),
            'initial',
          );
          if (i) return i;
          // "Ana R.": first name (or nickname) + initial of the surname
          const j = decide(
            formalNames(last)
              .flatMap((f) => byFirst.get(f) ?? [])
              .filter((e) => e.surname.startsWith(initial)),
            'initial',
          );
          if (j) return j;
        }
      }
    }
    if (q.length >= 2) {
      // a surname of several words alone: "Van der Berg", "Mr. St Clair", "de la Cruz"
      const l = decide(byLast.get(joined) ?? byLast.get(q.join('')), 'last-only');
      if (l) return l;
    }
    if (q.length === 1) {
      const t = q[0]!;
      const lasts = byLast.get(t) ?? [];
      const firsts = formalNames(t).flatMap((f) => byFirst.get(f) ?? []);
      const lastSet = new Set(lasts);
      const union = [...new Set([...lasts, ...firsts])];
      if (union.length === 1) return decide(union, lasts.length ? 'last-only' : 'first-only');
      if (union.length > 1) {
        return {
          status: 'ambiguous',
          rule: lasts.length ? 'last-only' : 'first-only',
          candidates: union.map((e) => ({
            id: e.id,
            name: e.name,
            score: lastSet.has(e) ? RULE_CONFIDENCE['last-only'] : RULE_CONFIDENCE['first-only'],
          })),
        };
      }
    }
    return null;
  }

  /**
   * The typo search: Jaro–Winkler against roster people sharing an initial letter with some word of the answer. Only the
   * three best scores decide (typo match, its runner-up, review candidates ≥ candidateFloor), so people are scored in
   * the order of an upper bound of their score (typo-index.ts) and the search stops once no one left can enter the top 3.
   */
  function similarity(q: string[]): Candidate[] {
    const s = q.join(' ');
    const block = new Set<Entry>();
    for (const t of q) for (const e of byInitial.get(t[0]!) ?? []) block.add(e);
    const score = (e: Entry): number => {
      let v = Math.max(jaroWinkler(s, e.full), jaroWinkler(s, e.reversed));
      if (q.length === 1) v = Math.max(v, jaroWinkler(s, e.first) - 0.02, e.surname ? jaroWinkler(s, e.surname) - 0.02 : 0);
      return Math.round(v * 1000) / 1000;
    };
    return typoIndex
      .top(
        s,
        block,
        q.length === 1,
        score,
        Math.max(opt.maxCandidates, 2),
        Math.min(opt.candidateFloor, opt.typoThreshold - opt.typoMargin),
      )
      .map(({ item, score: v }) => ({ id: item.id, name: item.name, score: v }));
  }

  const rulesCache = new Map<string, NameMatch | null>();
  const cache = new Map<string, NameMatch>();
  /** Answers repeat a lot: results are cached (bounded; cleared when full). */
  function matchByRules(text: string): NameMatch | null {
    const hit = rulesCache.get(text);
    if (hit !== undefined) return hit;
    const m = rulesOnly(text);
    if (rulesCache.size >= 100_000) rulesCache.clear();
    rulesCache.set(text, m);
    return m;
  }
  function match(text: string): NameMatch {
    const hit = cache.get(text);
    if (hit) return hit;
    const m = matchByRules(text) ?? typo(text);
    if (cache.size >= 100_000) cache.clear();
    cache.set(text, m);
    return m;
  }

  /** What the answer reads as when the matcher falls back on names: the text, or an unknown address's local part. */
  function sourceOf(raw: string): { source: string; email: string | null } {
    const email = findEmail(raw);
    if (!email) return { source: raw, email };
    return {
      source: email
        .split('@')[0]!
        .replace(/[._-]+/g, ' ')
        .replace(/\d+/g, ''),
      email,
    };
  }

  function rulesOnly(text: string): NameMatch | null {
    const raw = text.trim();
    const res = resolved.size === 0 ? undefined : (resolved.get(raw) ?? resolved.get('\u0000' + foldName(raw)));
    if (res !== undefined) {
      if (res === 'ignore' || res === 'not on roster') return { status: 'resolved-out', rule: 'mapping', resolution: res };
      return { status: 'matched', id: res, confidence: 1, rule: 'mapping' };
    }
    const idHit = byId.get(raw.normalize('NFC').toLowerCase());
    if (idHit) return { status: 'matched', id: idHit.id, confidence: 1, rule: 'id' };
    const { source, email } = sourceOf(raw);
    if (email) {
      const e = decide(byEmail.get(email), 'email');
      if (e) return e;
    }
    const { tokens, hadTitle } = nameTokens(source);
    const comma = source.indexOf(',');
    if (comma > 0 && !email) {
      const before = nameTokens(source.slice(0, comma)).tokens,
        after = nameTokens(source.slice(comma + 1)).tokens;
      if (before.length && after.length) {
        const r = byTokens([...after, ...before], hadTitle, true);
        if (r) return r;
      }
    }
    return byTokens(tokens, hadTitle, false);
  }

  function typo(text: string): NameMatch {
    const { tokens } = nameTokens(sourceOf(text.trim()).source);
    if (tokens.length === 0) return { status: 'unmatched', candidates: [] };
    const scored = similarity(tokens);
    const best = scored[0],
      second = scored[1];
    if (best && best.score >= opt.typoThreshold && tokens.length >= 2) {
      if (!second || best.score - second.score >= opt.typoMargin)
        return { status: 'matched', id: best.id, confidence: best.score, rule: 'typo' };
      return {
        status: 'ambiguous',
        rule: 'typo',
        candidates: scored.filter((c) => c.score >= best.score - opt.typoMargin).slice(0, opt.maxCandidates),
      };
    }
    return { status: 'unmatched', candidates: scored.filter((c) => c.score >= opt.candidateFloor).slice(0, opt.maxCandidates) };
  }

  const idKey = (id: string) => id.normalize('NFC').toLowerCase();
  return { match, matchByRules, nameOf: (id) => byId.get(idKey(id))?.name, has: (id) => byId.has(idKey(id)) };
}
