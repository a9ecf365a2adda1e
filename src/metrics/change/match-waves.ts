import type { Person } from '../../model/types.js';
import { createNameMatcher, emailKey, type Candidate, type MatchRule } from '../../ingest/names/index.js';
import { compareIds } from '../../graph/compare-ids.js';

/** How a person of the earlier wave was found in the later one. */
export type MatchedBy = 'id' | 'email' | 'name';

export interface WavePair {
  /** Id in the earlier wave. */
  before: string;
  /** Id in the later wave. */
  after: string;
  by: MatchedBy;
  /** The name rule that matched (only for `by: 'name'`). */
  rule: MatchRule | null;
}

/** A person of the earlier wave whose name fits more than one person (or fits only loosely): left for a person to decide. */
export interface MatchReview {
  before: string;
  name: string;
  candidates: Candidate[];
  why: string;
}

export interface WaveMatch {
  pairs: WavePair[];
  /** Later-wave ids of the people present in both waves, sorted. */
  stayers: string[];
  /** Earlier-wave ids of the people gone by the later wave, sorted. */
  leavers: string[];
  /** Later-wave ids of the people new in the later wave, sorted. */
  joiners: string[];
  review: MatchReview[];
  /** Earlier-wave id → later-wave id for everyone matched. */
  toAfter: Map<string, string>;
}

/** Name rules trusted across waves without a person's review: they compare the whole name. */
const TRUSTED_NAME_RULES: ReadonlySet<MatchRule> = new Set(['exact', 'title', 'last-first', 'nickname', 'typo']);

/**
 * Matches the staff of two waves of one school: first by id (ids are meant to be stable across
 * waves), then by e-mail address (case-folded), then by name with the survey name matcher
 * (src/ingest/names) — only whole-name rules (exact, title, last-first, nickname, typo) are trusted;
 * an ambiguous name, a loose rule (initial, surname or first name alone) or two earlier people
 * claiming one later person are listed in `review` and left unmatched, never guessed.
 * Only roster people (onRoster) take part. Leavers: earlier people not matched; joiners: later
 * people not matched; stayers: later ids of the matched. Degenerate: an empty roster gives all
 * joiners (or all leavers). O((n_a + n_b) log n) plus the name matcher's lookups.
 * Example: before [a "Ana Ruiz"], after [x "Ana Ruiz"] → pairs [{a → x, by name}], no leavers.
 */
export function matchWaves(before: readonly Person[], after: readonly Person[]): WaveMatch {
  const a = before.filter((p) => p.onRoster);
  const b = after.filter((p) => p.onRoster);
  const bIds = new Set(b.map((p) => p.id));
  const taken = new Set<string>();
  const pairs: WavePair[] = [];
  const left: Person[] = [];
  for (const p of a) {
    if (bIds.has(p.id)) {
      pairs.push({ before: p.id, after: p.id, by: 'id', rule: null });
      taken.add(p.id);
    } else left.push(p);
  }
  const email = (p: Person) => (p.email ? emailKey(p.email) : '');
  const byEmail = new Map<string, Person[]>();
  for (const p of b) {
    if (taken.has(p.id) || !email(p)) continue;
    byEmail.set(email(p), [...(byEmail.get(email(p)) ?? []), p]);
  }
  const stillLeft: Person[] = [];
  for (const p of left) {
    const hits = (byEmail.get(email(p)) ?? []).filter((q) => !taken.has(q.id));
    if (email(p) && hits.length === 1) {
      pairs.push({ before: p.id, after: hits[0]!.id, by: 'email', rule: null });
      taken.add(hits[0]!.id);
    } else stillLeft.push(p);
  }
  const review: MatchReview[] = [];
  const open = b.filter((p) => !taken.has(p.id));
  const matcher = createNameMatcher(open.map((p) => ({ id: p.id, name: p.name, email: null })));
  const claims = new Map<string, { p: Person; rule: MatchRule }[]>();
  for (const p of stillLeft) {
    if (!p.name.trim() || p.name === p.id) continue;
    const m = matcher.match(p.name);
    if (m.status === 'matched' && TRUSTED_NAME_RULES.has(m.rule)) claims.set(m.id, [...(claims.get(m.id) ?? []), { p, rule: m.rule }]);
    else if (m.status === 'matched')
      review.push({
        before: p.id,
        name: p.name,
        candidates: [{ id: m.id, name: matcher.nameOf(m.id) ?? m.id, score: m.confidence }],
        why: `only a partial name fits (${m.rule})`,
      });
    else if (m.status === 'ambiguous')
      review.push({ before: p.id, name: p.name, candidates: m.candidates, why: 'several people fit this name' });
  }
  for (const [id, list] of claims) {
    if (list.length === 1) {
      pairs.push({ before: list[0]!.p.id, after: id, by: 'name', rule: list[0]!.rule });
      taken.add(id);
    } else
      for (const { p } of list)
        review.push({
          before: p.id,
          name: p.name,
          candidates: [{ id, name: matcher.nameOf(id) ?? id, score: 1 }],
          why: 'several earlier people fit the same later person',
        });
  }
  const toAfter = new Map(pairs.map((x) => [x.before, x.after]));
  return {
    pairs: pairs.sort((x, y) => compareIds(x.after, y.after)),
    stayers: pairs.map((x) => x.after).sort(compareIds),
    leavers: a
      .filter((p) => !toAfter.has(p.id))
      .map((p) => p.id)
      .sort(compareIds),
    joiners: b
      .filter((p) => !taken.has(p.id))
      .map((p) => p.id)
      .sort(compareIds),
    review: review.sort((x, y) => compareIds(x.before, y.before)),
    toAfter,
  };
}
