/**
 * The content of one survey export before it is written in a tool's shape: questions, one answer
 * row per respondent (names written as people write them), and the ties / review items / mapping
 * resolutions an import must recover. Built from a roster and the ties the respondents "meant".
 */
import type { Rng } from './rng.js';
import { NameWriter, type RosterPerson, type VariantKind } from './variants.js';

export interface TruthTie {
  source: string;
  target: string;
  relation: string;
  domain: string;
  weight: number;
}

export type Question =
  | { kind: 'names'; header: string; relation: string; domain: string }
  | { kind: 'grid'; base: string; relation: string; domain: string; targets: string[] }
  | { kind: 'likert'; header: string; scale: 'agreement' | 'influence' }
  | { kind: 'skills'; header: string };

export interface ResponseRow {
  respondent: string;
  /** ISO local time. */
  time: string;
  /** Per question index: names (list of texts), grid (target → answer), likert word, skills list. */
  names: Map<number, string[]>;
  grid: Map<number, Map<string, string>>;
  likert: Map<number, string>;
  skills: Map<number, string[]>;
}

export interface ExpectedReview {
  row: number | null;
  column: string;
  text: string;
  intended: string | null;
  status: 'ambiguous' | 'unmatched';
}

export interface SurveyDesign {
  questions: Question[];
  rows: ResponseRow[];
  expectedTies: TruthTie[];
  /** Texts planted to need review, keyed by text → intended roster id (null = not on roster). */
  planted: Map<string, string | null>;
  selfTies: number;
  /** Respondent ids answering twice: the earlier row is replaced. */
  duplicated: string[];
  variantCounts: Record<string, number>;
}

export const FREQ_WORDS: Record<number, string> = { 5: 'Daily', 4: 'Weekly', 3: 'Monthly', 2: 'A few times a year', 1: 'Rarely' };

const DOMAIN_WORDING: Record<string, string> = {
  curriculum: 'curriculum',
  instruction: 'instruction and teaching practice',
  behaviour: 'student behaviour',
  assessment: 'assessment',
  data: 'using student data',
  technology: 'technology in the classroom',
  wellbeing: 'student wellbeing',
  'professional learning': 'your own professional learning',
  any: 'your work',
};
const RELATION_WORDING: Record<string, (d: string) => string> = {
  advice: (d) => `Whom do you go to for advice about ${d}?`,
  information: (d) => `Who keeps you informed about ${d}?`,
  influence: (d) => `Who influences your thinking about ${d}?`,
  friendship: () => 'Which colleagues do you count as friends?',
  collaboration: (d) => `Which colleagues do you collaborate with on ${d}?`,
};
export const SKILLS = [
  'Data analysis',
  'Classroom technology',
  'Behaviour support',
  'Curriculum writing',
  'Assessment design',
  'Coaching colleagues',
  'Student wellbeing',
  'Music',
  'Grant writing',
  'Parent outreach',
];

export interface DesignOptions {
  /** Relation/domain pairs asked as a frequency grid (one column per colleague); others as name questions. */
  gridFor: (relation: string, domain: string) => boolean;
  /** Plant a duplicate response, a self-nomination, "Other:" answers and review items. */
  plant: boolean;
  likert: boolean;
  skills: boolean;
  start: Date;
}

export function nameQuestionHeader(relation: string, domain: string): string {
  return (RELATION_WORDING[relation] ?? RELATION_WORDING.advice!)(DOMAIN_WORDING[domain] ?? domain);
}

export function designSurvey(
  roster: readonly RosterPerson[],
  respondents: readonly string[],
  ties: readonly TruthTie[],
  rng: Rng,
  opt: DesignOptions,
): SurveyDesign {
  const writer = new NameWriter(roster, rng);
  const byId = new Map(roster.map((p) => [p.id, p]));
  const pairs = [...new Set(ties.map((t) => `${t.relation}\u0000${t.domain}`))].sort().map((k) => k.split('\u0000') as [string, string]);
  const questions: Question[] = [];
  for (const [relation, domain] of pairs) {
    if (opt.gridFor(relation, domain)) {
      const targets = roster.map((p) => p.id);
      questions.push({
        kind: 'grid',
        base: `How often do you ${relation === 'collaboration' ? 'collaborate with' : 'go to for advice'} each colleague on ${DOMAIN_WORDING[domain] ?? domain}?`,
        relation,
        domain,
        targets,
      });
    } else questions.push({ kind: 'names', header: nameQuestionHeader(relation, domain), relation, domain });
  }
  if (opt.likert) {
    questions.push({
      kind: 'likert',
      header: 'I have a voice in decisions about teaching and learning at this school.',
      scale: 'agreement',
    });
    questions.push({ kind: 'likert', header: 'How much influence do teachers have over… [Curriculum]', scale: 'influence' });
  }
  if (opt.skills) questions.push({ kind: 'skills', header: 'Which skills, interests or passions could you share with colleagues?' });

  const planted = new Map<string, string | null>();
  const variantCounts: Record<string, number> = {};
  const expected: TruthTie[] = [];
  const rows: ResponseRow[] = [];
  let selfTies = 0;
  let minute = 0;
  const time = () => {
    minute += rng.int(3, 90);
    return new Date(opt.start.getTime() + minute * 60000).toISOString().slice(0, 19);
  };
  const order = rng.shuffled([...respondents].sort());
  const plantSelf = opt.plant ? order[1] : undefined;
  const plantOther = opt.plant ? order[2] : undefined;
  const plantShared = opt.plant ? 3 : 0;
  let sharedPlanted = 0;
  let unknownPlanted = false;

  for (const src of order) {
    const row: ResponseRow = { respondent: src, time: time(), names: new Map(), grid: new Map(), likert: new Map(), skills: new Map() };
    questions.forEach((q, qi) => {
      if (q.kind === 'names') {
        const mine = ties
          .filter((t) => t.source === src && t.relation === q.relation && t.domain === q.domain)
          .sort((a, b) => a.target.localeCompare(b.target));
        const texts: string[] = [];
        for (const t of mine) {
          const p = byId.get(t.target);
          if (!p) continue;
          let text: string, kind: VariantKind;
          const shared =
            sharedPlanted < plantShared && writer.firstIsShared(p.id) && rng.chance(0.5) ? writer.write(p, 'shared-first') : null;
          if (shared && (planted.get(shared) ?? p.id) === p.id && !planted.has(`${shared}\u0000other`)) {
            text = shared;
            kind = 'shared-first';
            planted.set(shared, p.id);
            sharedPlanted++;
          } else ({ text, kind } = writer.anyVariant(p));
          variantCounts[kind] = (variantCounts[kind] ?? 0) + 1;
          if (src === plantOther && texts.length === 1) text = `Other: ${text}`;
          texts.push(text);
          expected.push({ source: src, target: t.target, relation: q.relation, domain: q.domain, weight: 1 });
        }
        if (src === plantSelf && texts.length > 0 && !row.names.size) {
          texts.push(byId.get(src)!.name);
          selfTies++;
        }
        if (opt.plant && !unknownPlanted && texts.length > 0 && src !== plantSelf) {
          texts.push('Jo from the district office');
          planted.set('Jo from the district office', null);
          unknownPlanted = true;
        }
        if (texts.length) row.names.set(qi, texts);
      } else if (q.kind === 'grid') {
        const mine = ties.filter((t) => t.source === src && t.relation === q.relation && t.domain === q.domain);
        const cells = new Map<string, string>();
        for (const t of mine) {
          if (!byId.has(t.target) || t.target === src) continue;
          const w = Math.max(1, Math.min(5, Math.round(t.weight)));
          cells.set(t.target, Number.isInteger(t.weight) && FREQ_WORDS[w] ? FREQ_WORDS[w] : String(t.weight));
          expected.push({
            source: src,
            target: t.target,
            relation: q.relation,
            domain: q.domain,
            weight: Number.isInteger(t.weight) ? w : t.weight,
          });
        }
        for (const id of q.targets) if (!cells.has(id) && id !== src && rng.chance(0.3)) cells.set(id, 'Never');
        row.grid.set(qi, cells);
      } else if (q.kind === 'likert') {
        if (rng.chance(0.9))
          row.likert.set(
            qi,
            q.scale === 'agreement'
              ? rng.pick(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Agree', 'Strongly agree'])
              : rng.pick(['None', 'Little', 'Some', 'A lot', 'A great deal']),
          );
      } else if (rng.chance(0.8)) {
        row.skills.set(qi, rng.shuffled(SKILLS).slice(0, rng.int(1, 3)));
      }
    });
    rows.push(row);
  }
  const duplicated: string[] = [];
  if (opt.plant && rows.length > 3) {
    // an earlier, different response by the fourth respondent: the import keeps the later one
    const later = rows[3]!;
    const earlier: ResponseRow = {
      ...later,
      time: new Date(new Date(later.time + 'Z').getTime() - 86400000).toISOString().slice(0, 19),
      names: new Map([...later.names].map(([k, v]) => [k, v.slice(0, 1)])),
      grid: new Map(),
      likert: new Map(),
      skills: new Map(),
    };
    rows.splice(1, 0, earlier);
    duplicated.push(later.respondent);
  }
  return { questions, rows, expectedTies: expected, planted, selfTies, duplicated, variantCounts };
}
