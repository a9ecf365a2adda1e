import { describe, expect, it } from 'vitest';
import { createNameMatcher } from '../../../src/ingest/names/matcher.js';
import { emailKey, findEmail } from '../../../src/ingest/names/normalize.js';
import { parseSurveyExport } from '../../../src/ingest/survey/import.js';
import type { SurveyMapping } from '../../../src/ingest/survey/mapping.js';
import { person, ROSTER, tempDir, writeTemp } from './helpers.js';

const NFD = (s: string) => s.normalize('NFD');

async function read(csv: string, mapping?: SurveyMapping, roster = ROSTER) {
  const r = await parseSurveyExport(writeTemp(tempDir(), 'survey.csv', csv), roster, { mapping });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const tieKeys = (r: Awaited<ReturnType<typeof read>>) => r.ties.map((t) => `${t.source}>${t.target} ${t.relation}/${t.domain}`).sort();

describe('self-identification columns are identity, never questions', () => {
  it('"Your name" beside the e-mail is not a name question; the e-mail decides', async () => {
    const r = await read(
      [
        'Timestamp,Email Address,Your name,Who helps you with assessment?',
        '3/14/2025 9:05:12,kate.lee@x.edu,Katherine Lee,Ana Ruiz',
        '3/14/2025 9:06:12,ana.ruiz@x.edu,Ana Ruiz,Robert Odell',
      ].join('\n'),
    );
    expect(r.plan.columns.map((c) => c.header)).toEqual(['Who helps you with assessment?']);
    expect(r.plan.identity).toEqual(['Your name']);
    expect(tieKeys(r)).toEqual(['p01>p02 advice/assessment', 'p03>p01 advice/assessment']);
    expect(r.review).toEqual([]);
  });
  it('"Who are you?" and "Your e-mail (optional)" are identity too', async () => {
    const r = await read(['Who are you?,Your e-mail (optional),Who do you plan with?', 'Katherine Lee,,Ana Ruiz'].join('\n'));
    expect(r.plan.respondent?.header).toBe('Who are you?');
    expect(r.plan.columns.map((c) => c.header)).toEqual(['Who do you plan with?']);
    expect(tieKeys(r)).toEqual(['p03>p01 collaboration/any']);
  });
  it('the name is the fallback when the e-mail is blank or not on the roster', async () => {
    const r = await read(
      [
        'Email Address,Full name,Who do you turn to about data?',
        ',Katherine Lee,Ana Ruiz',
        'kl.personal@gmail.com,Robert Odell,Ana Ruiz',
      ].join('\n'),
    );
    expect(tieKeys(r)).toEqual(['p02>p01 advice/data', 'p03>p01 advice/data']);
  });
  it('an e-mail and a name that are two people go to review, answers held', async () => {
    const r = await read(['Email Address,Your name,Who helps you with assessment?', 'kate.lee@x.edu,Ana Ruiz,Robert Odell'].join('\n'));
    expect(r.ties).toEqual([]);
    expect(r.review).toHaveLength(1);
    expect(r.review[0]).toMatchObject({ kind: 'respondent', status: 'conflict', row: 2, text: 'kate.lee@x.edu' });
    expect(r.review[0]!.candidates.map((c) => c.id).sort()).toEqual(['p01', 'p03']);
    expect(r.review[0]!.reason).toMatch(/Katherine Lee.*Ana Ruiz/);
    expect(r.completeness.setAside).toEqual([{ reason: 'respondent not decided', count: 1 }]);
    // decided: the e-mail's person
    const d = await read(['Email Address,Your name,Who helps you with assessment?', 'kate.lee@x.edu,Ana Ruiz,Robert Odell'].join('\n'), {
      version: 1,
      respondents: { 'kate.lee@x.edu': 'p03' },
    });
    expect(tieKeys(d)).toEqual(['p03>p02 advice/assessment']);
    expect(d.decided.map((i) => `${i.kind} ${i.row} ${JSON.stringify(i.resolution)}`)).toEqual(['respondent 2 "p03"']);
  });
});

describe('Unicode-safe matching', () => {
  const roster = [
    person('p01', 'José Núñez', 'Math', 'josé.núñez@école.fr'),
    person('p02', 'Zoë Çelik', 'Science', 'ZOE.celik@x.edu'),
    person('p03', 'Ana Ruiz', 'Math', 'ana.ruiz@x.edu'),
  ];
  it('e-mails compare NFC-normalised and case-folded, non-ASCII local parts included', () => {
    expect(findEmail(`<${NFD('JOSÉ.NÚÑEZ@ÉCOLE.FR')}>`)).toBe('josé.núñez@école.fr');
    expect(emailKey(NFD('José.Núñez@école.fr'))).toBe(emailKey('josé.núñez@école.fr'));
    const m = createNameMatcher(roster);
    expect(m.match(NFD('José.Núñez@École.fr'))).toMatchObject({ status: 'matched', id: 'p01', rule: 'email' });
    expect(m.match('zoe.celik@x.edu')).toMatchObject({ status: 'matched', id: 'p02', rule: 'email' });
  });
  it('names compare NFC/NFD-insensitive', () => {
    const m = createNameMatcher(roster.map((p) => ({ ...p, name: NFD(p.name) })));
    expect(m.match('José Núñez')).toMatchObject({ status: 'matched', id: 'p01', rule: 'exact' });
    const m2 = createNameMatcher(roster);
    expect(m2.match(NFD('José Núñez'))).toMatchObject({ status: 'matched', id: 'p01', rule: 'exact' });
    expect(m2.match(NFD('Çelik, Zoë'))).toMatchObject({ status: 'matched', id: 'p02', rule: 'last-first' });
  });
  it('an accented respondent e-mail keeps its answers (decomposed in the export, composed on the roster)', async () => {
    const r = await read(
      [
        'Email Address,Who helps you with technology?',
        `${NFD('José.Núñez@école.fr')},Ana Ruiz`,
        `zoe.celik@x.edu,${NFD('José Núñez')}`,
      ].join('\n'),
      undefined,
      roster,
    );
    expect(tieKeys(r)).toEqual(['p01>p03 advice/technology', 'p02>p01 advice/technology']);
    expect(r.review).toEqual([]);
    expect(r.completeness).toMatchObject({ answersRead: 2, answersUsed: 2, setAside: [], undecided: 0 });
  });
});

describe('a question naming two domains is read and held, never dropped', () => {
  const csv = [
    'Email Address,Who helps you with technology and data?,Whom do you go to for advice about assessment?',
    'kate.lee@x.edu,"Ana Ruiz, Robert Odell",Ana Ruiz',
    'ana.ruiz@x.edu,"Robert Odell, Chloe",Robert Odell',
  ].join('\n');
  it('holds its ties, lists exactly its domains and "any", and counts its answers', async () => {
    const r = await read(csv);
    const col = r.review.find((i) => i.kind === 'column')!;
    expect(col).toMatchObject({
      column: 'Who helps you with technology and data?',
      choices: ['data', 'technology', 'any'],
      answers: 4,
      suggestion: { kind: 'nameGenerator', relation: 'advice', domain: null },
    });
    expect(r.heldTies.get('Who helps you with technology and data?')).toHaveLength(3);
    expect(tieKeys(r)).toEqual(['p01>p02 advice/assessment', 'p03>p01 advice/assessment']);
    // the unknown name in the held question is still read and listed
    expect(r.review.filter((i) => i.kind === 'name').map((i) => i.text)).toEqual(['Chloe']);
    expect(r.completeness).toMatchObject({
      answersRead: 6,
      answersUsed: 2,
      undecided: 2,
      pending: { questions: 1, questionAnswers: 4, names: 1, respondents: 0 },
    });
  });
  it('once a domain is picked, the held ties are in the results', async () => {
    const r = await read(csv, {
      version: 1,
      questions: { 'Who helps you with technology and data?': { kind: 'nameGenerator', relation: 'advice', domain: 'technology' } },
      resolutions: { Chloe: 'not on roster' },
    });
    expect(r.review).toEqual([]);
    expect(tieKeys(r)).toContain('p03>p01 advice/technology');
    expect(r.ties).toHaveLength(5);
    expect(r.decided.filter((i) => i.kind === 'column').map((i) => i.column)).toEqual(['Who helps you with technology and data?']);
  });
});

describe('bad input: identity that cannot be settled goes to review with the reason', () => {
  it('only a "Your name" column: exact names identify; a nickname or a first name alone does not', async () => {
    const r = await read(
      ['Your name,Who do you ask about data?', 'Katherine Lee,Ana Ruiz', 'Kate Lee,Ana Ruiz', 'Robert,Ana Ruiz'].join('\n'),
    );
    expect(tieKeys(r)).toEqual(['p03>p01 advice/data']);
    expect(r.review.map((i) => `${i.kind} ${i.status} ${i.row}`)).toEqual(['respondent ambiguous 3', 'respondent ambiguous 4']);
    expect(r.review[0]!.reason).toMatch(/only a typed name identifies this respondent/);
  });
  it('two respondents typing the same name: both rows to review, neither guessed', async () => {
    const r = await read(['Your name,Who do you ask about data?', 'Ana Ruiz,Robert Odell', 'Ana Ruiz,Katherine Lee'].join('\n'));
    expect(r.ties).toEqual([]);
    expect(r.stats.duplicates).toEqual([]);
    expect(r.review.map((i) => `${i.status} ${i.key}`)).toEqual(['duplicate row 2', 'duplicate row 3']);
    expect(r.review[0]!.reason).toMatch(/rows 2, 3 give the same name/);
    const d = await read(['Your name,Who do you ask about data?', 'Ana Ruiz,Robert Odell', 'Ana Ruiz,Katherine Lee'].join('\n'), {
      version: 1,
      respondents: { 'row 2': 'p01', 'row 3': 'p04' },
    });
    expect(tieKeys(d)).toEqual(['p01>p02 advice/data', 'p04>p03 advice/data']);
  });
  it('a roster with two people of the same name: respondent and answers go to review with both ids', async () => {
    const roster = [...ROSTER, person('p07', 'Ana Ruiz', 'Art', 'ana.ruiz2@x.edu')];
    const r = await read(
      ['Your name,Who do you ask about data?', 'Ana Ruiz,Robert Odell', 'Robert Odell,Ana Ruiz'].join('\n'),
      undefined,
      roster,
    );
    expect(r.ties).toEqual([]);
    const resp = r.review.find((i) => i.kind === 'respondent')!;
    expect(resp.candidates.map((c) => c.id).sort()).toEqual(['p01', 'p07']);
    expect(resp.reason).toMatch(/two people of that name/);
    const name = r.review.find((i) => i.kind === 'name')!;
    expect(name).toMatchObject({ status: 'ambiguous', text: 'Ana Ruiz' });
    expect(name.candidates.map((c) => c.id).sort()).toEqual(['p01', 'p07']);
  });
});
