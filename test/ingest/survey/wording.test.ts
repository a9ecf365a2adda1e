import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferRelation, RELATION_PHRASES, SKILL_PHRASES, skillSide } from '../../../src/ingest/survey/infer.js';
import { identityKind } from '../../../src/ingest/survey/layout.js';
import { repoRoot } from '../../helpers/datasets.js';

/** One question per help-seeking phrase of the issue, as a principal would write it, and the relation it means. */
const QUESTIONS: Array<[string, string]> = [
  ['Who helps you with assessment?', 'advice'],
  ['Who do you turn to when a lesson goes wrong?', 'advice'],
  ['Who do you ask about using student data?', 'advice'],
  ['Who supports you with technology in the classroom?', 'advice'],
  ['From whom do you get ideas about curriculum?', 'advice'],
  ['Whose advice do you value most on behaviour?', 'advice'],
  ['Who do you rely on for wellbeing questions?', 'advice'],
  ['Whom do you go to for advice about curriculum?', 'advice'],
  ['Who do you work with on instruction?', 'collaboration'],
  ['Who do you plan with?', 'collaboration'],
  ['Who do you co-teach with?', 'collaboration'],
  ['Which colleagues do you collaborate with?', 'collaboration'],
  ['Who do you talk to about student wellbeing?', 'information'],
  ['Who keeps you informed about school decisions?', 'information'],
  ['Who do you go to for information about assessment?', 'information'],
];

describe('relation from help-seeking wording', () => {
  for (const [q, relation] of QUESTIONS) {
    it(`"${q}" → ${relation}`, () => {
      expect(inferRelation(q).value).toBe(relation);
    });
  }
  it('two relations named → review, never a guess', () => {
    expect(inferRelation('Whom do you go to for advice and information?').value).toBeNull();
    expect(inferRelation('Who do you ask and work with on data?').value).toBeNull();
  });
  it('docs/surveys.md shows exactly the table the code uses', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'surveys.md'), 'utf8');
    const block = doc.split('<!-- relation-phrases:start -->')[1]!.split('<!-- relation-phrases:end -->')[0]!;
    const rows = block
      .trim()
      .split('\n')
      .slice(2)
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(rows).toEqual(RELATION_PHRASES.map((p) => [p.phrase, p.relation, p.strength]));
  });
});

/** One question per phrase of the skills table (in its order), and the side it asks for. */
const SKILL_QUESTIONS: Array<[string, 'offered' | 'needed']> = [
  ['Which skills, interests or passions could you share with colleagues?', 'offered'],
  ['In which knowledge areas are you confident?', 'offered'],
  ['What could you help colleagues with?', 'offered'],
  ['What could you offer to the team this year?', 'offered'],
  ['Where would you like support?', 'needed'],
  ['In what do you need some help this term?', 'needed'],
  ['What would you like to learn more about?', 'needed'],
  ['Your areas for growth', 'needed'],
  ['What do you want to get better at?', 'needed'],
];

function docTable(marker: string): string[][] {
  const doc = readFileSync(join(repoRoot, 'docs', 'surveys.md'), 'utf8');
  const block = doc.split(`<!-- ${marker}:start -->`)[1]!.split(`<!-- ${marker}:end -->`)[0]!;
  return block
    .trim()
    .split('\n')
    .slice(2)
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

describe('skills offered and needed from the wording', () => {
  it('one question per phrase, each read by its own phrase', () => {
    expect(SKILL_QUESTIONS).toHaveLength(SKILL_PHRASES.length);
    SKILL_QUESTIONS.forEach(([q], i) => expect(SKILL_PHRASES[i]!.re.test(q.toLowerCase())).toBe(true));
  });
  for (const [q, side] of SKILL_QUESTIONS)
    it(`"${q}" → ${side}`, () => {
      expect(skillSide(q)).toBe(side);
    });
  it('wording about support wanted wins over the inventory words', () => {
    expect(skillSide('Which skills would you like to develop?')).toBe('needed');
    expect(skillSide('Which strengths would you like support to build?')).toBe('needed');
  });
  it('a name question or a comment box is not a skills question', () => {
    expect(skillSide('Who could help colleagues with assessment?')).toBeNull();
    expect(skillSide('Whose expertise do you rely on?')).toBeNull();
    expect(skillSide('Any other comments?')).toBeNull();
  });
  it('docs/surveys.md shows exactly the table the code uses', () => {
    expect(docTable('skill-phrases')).toEqual(SKILL_PHRASES.map((p) => [p.phrase, p.side]));
  });
});

describe('self-identification columns', () => {
  const cases: Array<[string, string | null]> = [
    ['Your name', 'name'],
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Your full name (optional)', 'name'],
    ['What is your name?', 'name'],
    ['Who are you?', 'name'],
    ['Your name *', 'name'],
    ['Your e-mail', 'email'],
    ['Your school email address (optional)', 'email'],
    ['Email Address', 'email'],
    ['Staff ID', 'id'],
    ['Your staff ID (required)', 'id'],
    ['Who helps you with assessment?', null],
    ['Whom do you go to for advice about data?', null],
    ['Names of colleagues you plan with', null],
  ];
  for (const [header, kind] of cases)
    it(`"${header}" → ${kind ?? 'a question'}`, () => {
      expect(identityKind(header)).toBe(kind);
    });
});
