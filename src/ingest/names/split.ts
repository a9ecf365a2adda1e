import type { NameMatch, NameMatcher } from './matcher.js';
import { foldName } from './normalize.js';

/** One name found in a multi-name answer cell. */
export interface SplitName {
  text: string;
  match: NameMatch;
}

/** Strong separators: a new line, semicolon, tab or vertical bar always separates two answers. */
const STRONG = /\r?\n|;|\t|\|/;
/** Prefixes tools put before free text typed into an "Other" option. */
const OTHER_PREFIX = /^\s*(other|others|autre|otro|andere)\s*[:\-–]\s*/i;

/**
 * Splits one answer cell into names and matches each, roster-aware.
 *
 * Checkbox answers are joined by ", " (Google Forms) or ";" (Microsoft Forms), but
 * "Lastname, Firstname" answers contain commas too. Within each segment between strong
 * separators, the comma-separated pieces are grouped either singly or in consecutive
 * "Last, First"-shaped pairs ("Ruiz, Ana", "Ruiz, Ana M."; both pieces at most two words,
 * one of them a single word); the grouping with the highest total score wins, where a group
 * scores 1 for a match on a full name (two or more words; an id or e-mail address), 0.3 for a
 * single-word match (also one resolved by the mapping), 0.2 for an ambiguous answer and 0 for no match.
 * A tie prefers the pair when both pieces are single words ("Okafor, Bea" written for
 * someone not on the roster stays one answer), otherwise separate answers.
 * "Other: …" prefixes are removed before matching.
 *
 * The cell is first read with the matching rules alone (no typo search): when that reading places every group, it is
 * the answer — an exact "Ruiz, Ana" beats "Ana" as a typo of someone else plus "Ruiz" to review. Only a cell with a
 * group no rule reads is read again with the typo search, which then runs just for the pieces that need it.
 */
export function splitNames(cell: string, matcher: NameMatcher): SplitName[] {
  const out: SplitName[] = [];
  for (const segment of cell.split(STRONG)) {
    const pieces = segment
      .split(',')
      .flatMap((p) => splitJoined(p.trim(), matcher))
      .filter((p) => !isNoAnswer(p, matcher));
    if (pieces.every((p) => p === '')) continue;
    const byRules = bestGrouping(pieces, (t) => matcher.matchByRules(t) ?? UNREAD);
    out.push(...(byRules.every((g) => g.match !== UNREAD) ? byRules : bestGrouping(pieces, (t) => matcher.match(t))));
  }
  return out;
}

/** A piece no rule reads (the typo search has not run for it). */
const UNREAD: NameMatch = { status: 'unmatched', candidates: [] };

/** Words people type into a name box to say "nobody": N/A, none, no one, -, … (never a roster name). */
const NO_ANSWER =
  /^(n ?a|none|no ?one|nobody|noone|nil|nothing|not applicable|no answer|nope|no|x|tbd|idk|dont know|i dont know|not sure)$/;

/** True for a piece that says "no answer" (and is not itself a roster name) or holds no letters or digits. */
export function isNoAnswer(piece: string, matcher: NameMatcher): boolean {
  const f = foldName(clean(piece));
  if (f === '') return true;
  return NO_ANSWER.test(f) && matcher.match(clean(piece)).status !== 'matched';
}

/** "Mr. O'Brien and Fatima", "Ana & José", "Lee / Park": split on and, &, + and a spaced slash when the whole is no one's name and every part names someone. */
const JOINERS = /\s+(?:and|&|\+|\/|y|et|und)\s+/i;
function splitJoined(piece: string, matcher: NameMatcher): string[] {
  if (!JOINERS.test(piece)) return [piece];
  const whole = matcher.match(clean(piece));
  if (whole.status !== 'unmatched') return [piece];
  const parts = clean(piece)
    .split(JOINERS)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 && parts.every((p) => matcher.match(p).status !== 'unmatched') ? parts : [piece];
}

function clean(text: string): string {
  return text.replace(OTHER_PREFIX, '').trim();
}

function score(text: string, m: NameMatch): number {
  if (m.status === 'matched' || m.status === 'resolved-out') {
    const words = text.split(/\s+/).filter(Boolean).length;
    if (m.rule === 'first-only' || m.rule === 'last-only' || (m.rule !== 'id' && m.rule !== 'email' && words < 2)) return 0.3;
    return 1;
  }
  return m.status === 'ambiguous' ? 0.2 : 0;
}

function bestGrouping(pieces: string[], read: (text: string) => NameMatch): SplitName[] {
  const n = pieces.length;
  const cache = new Map<string, NameMatch>();
  const matchOf = (t: string) => {
    let m = cache.get(t);
    if (!m) {
      m = read(t);
      cache.set(t, m);
    }
    return m;
  };
  // best[i] = best (score, groups) for pieces[i..n)
  const best = new Array<{ score: number; groups: SplitName[] }>(n + 1);
  best[n] = { score: 0, groups: [] };
  for (let i = n - 1; i >= 0; i--) {
    const single = clean(pieces[i]!);
    const rest1 = best[i + 1]!;
    const oneScore = single ? score(single, matchOf(single)) : 0;
    let choice = {
      score: oneScore + rest1.score,
      groups: single ? [{ text: single, match: matchOf(single) }, ...rest1.groups] : rest1.groups,
    };
    const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
    const next = i + 1 < n ? clean(pieces[i + 1]!) : '';
    // only "Last, First"-shaped pairs: both pieces short, at least one a single word
    if (
      single &&
      next &&
      Math.max(words(single), words(next)) <= 4 &&
      Math.min(words(single), words(next)) <= 2 &&
      (Math.min(words(single), words(next)) === 1 || Math.max(words(single), words(next)) <= 2)
    ) {
      const pair = `${single}, ${clean(pieces[i + 1]!)}`;
      const rest2 = best[i + 2]!;
      const pairScore = score(pair, matchOf(pair)) + rest2.score;
      const singleWords = !single.includes(' ') && !clean(pieces[i + 1]!).includes(' ');
      if (pairScore > choice.score + 1e-9 || (Math.abs(pairScore - choice.score) < 1e-9 && singleWords && pairScore === rest2.score)) {
        choice = { score: pairScore, groups: [{ text: pair, match: matchOf(pair) }, ...rest2.groups] };
      }
    }
    best[i] = choice;
  }
  return best[0]!.groups;
}
