import { createInterface } from 'node:readline';
import { foldName } from '../ingest/names/normalize.js';
import { DOMAINS, RELATIONS } from '../ingest/survey/infer.js';
import type { SurveyMapping } from '../ingest/survey/mapping.js';
import { reviewItemKey, type ReviewItem } from '../ingest/survey/types.js';
import type { Person } from '../model/types.js';

/** Reads answers one line at a time (a terminal, or lines piped in); null at the end of the input. */
export function lineReader(input: NodeJS.ReadableStream): () => Promise<string | null> {
  const rl = createInterface({ input, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  return async () => {
    const n = await it.next();
    if (n.done) {
      rl.close();
      return null;
    }
    return n.value;
  };
}

const domainLabel = (d: string) => (d === 'any' ? 'all domains' : d);

/**
 * `leadmap import --interactive`: asks about each review item in turn with numbered choices. For a name or a
 * respondent, typing part of a name lists the roster people it fits (type-ahead over the whole roster), numbered;
 * "n" = not on the roster, "i" = ignore, Enter = decide later. For a question: its domain (only the domains its
 * wording names, and all domains, when it names several) and its relation. Returns the decisions as a mapping.
 */
export async function reviewInteractively(
  review: readonly ReviewItem[],
  people: readonly Person[],
  ask: () => Promise<string | null>,
  say: (text: string) => void,
): Promise<{ mapping: SurveyMapping; decided: number; left: number }> {
  const mapping: SurveyMapping = { version: 1 };
  const seen = new Set<string>();
  const items = review.filter((i) => {
    const k = `${i.kind}\u0000${reviewItemKey(i)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  let decided = 0;
  let n = 0;
  for (const item of items) {
    n++;
    const where = item.row === null ? `question "${item.column}"` : `row ${item.row}, "${item.column}"`;
    say(`\n[${n}/${items.length}] ${where}\n`);
    const answer = item.kind === 'column' ? await askColumn(item, ask, say) : await askPerson(item, people, ask, say);
    if (answer === 'eof') break;
    if (answer === null) continue;
    decided++;
    const key = reviewItemKey(item);
    if (item.kind === 'column') (mapping.questions ??= {})[key] = answer as unknown as NonNullable<SurveyMapping['questions']>[string];
    else if (item.kind === 'respondent') (mapping.respondents ??= {})[key] = answer as string;
    else (mapping.resolutions ??= {})[key] = answer as string;
  }
  return { mapping, decided, left: items.length - decided };
}

async function askColumn(
  item: ReviewItem,
  ask: () => Promise<string | null>,
  say: (t: string) => void,
): Promise<Record<string, unknown> | null | 'eof'> {
  say(`  ${item.reason ?? item.text}${item.answers ? ` (${item.answers} answers wait for this)` : ''}\n`);
  const domains = item.choices ?? [...DOMAINS, 'any'];
  say(`  Which domain is it about?\n${domains.map((d, i) => `    ${i + 1}) ${domainLabel(d)}`).join('\n')}\n    Enter) decide later\n`);
  const d = await pick(domains, ask, say);
  if (d === 'eof' || d === null) return d;
  let relation = item.suggestion?.relation ?? null;
  if (!relation) {
    say(`  Which relation does it ask about?\n${RELATIONS.map((r, i) => `    ${i + 1}) ${r}`).join('\n')}\n`);
    const r = await pick([...RELATIONS], ask, say);
    if (r === 'eof' || r === null) return r;
    relation = r;
  }
  say(`  → ${relation}, ${domainLabel(d)}\n`);
  return { kind: item.suggestion?.kind ?? 'nameGenerator', relation, domain: d };
}

async function pick<T>(choices: readonly T[], ask: () => Promise<string | null>, say: (t: string) => void): Promise<T | null | 'eof'> {
  for (;;) {
    say('  > ');
    const line = await ask();
    if (line === null) return 'eof';
    const t = line.trim();
    if (t === '') return null;
    const k = Number(t);
    if (Number.isInteger(k) && k >= 1 && k <= choices.length) return choices[k - 1]!;
    say(`  Type a number from 1 to ${choices.length}, or press Enter to decide later.\n`);
  }
}

async function askPerson(
  item: ReviewItem,
  people: readonly Person[],
  ask: () => Promise<string | null>,
  say: (t: string) => void,
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- 'eof' names the end of the answers
): Promise<string | null | 'eof'> {
  const what = item.kind === 'respondent' ? 'Who answered this row?' : `Who was meant by "${item.text}"?`;
  say(
    `  ${item.kind === 'respondent' ? `Respondent "${item.text}"` : `Answer "${item.text}"`}: ${item.reason ?? item.status}\n  ${what}\n`,
  );
  let shown: Array<{ id: string; name: string }> = item.candidates.map((c) => ({ id: c.id, name: c.name }));
  const list = () =>
    say(
      `${shown.map((p, i) => `    ${i + 1}) ${p.name} (${p.id})`).join('\n')}${shown.length ? '\n' : ''}    n) not on the roster   i) ignore   Enter) decide later\n    or type part of a name to search the whole roster\n`,
    );
  list();
  for (;;) {
    say('  > ');
    const line = await ask();
    if (line === null) return 'eof';
    const t = line.trim();
    if (t === '') return null;
    if (/^n$/i.test(t)) return 'not on roster';
    if (/^i$/i.test(t)) return 'ignore';
    if (item.kind === 'respondent' && /^k$/i.test(t)) return 'keep';
    const k = Number(t);
    if (Number.isInteger(k) && k >= 1 && k <= shown.length) {
      say(`  → ${shown[k - 1]!.name} (${shown[k - 1]!.id})\n`);
      return shown[k - 1]!.id;
    }
    const exact = people.find((p) => p.id === t);
    if (exact) return exact.id;
    const q = foldName(t);
    shown = people
      .filter((p) => foldName(p.name).includes(q))
      .slice(0, 9)
      .map((p) => ({ id: p.id, name: p.name }));
    if (shown.length === 0) say(`  No one on the roster has "${t}" in their name.\n`);
    list();
  }
}
