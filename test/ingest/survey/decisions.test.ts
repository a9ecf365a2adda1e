import { describe, expect, it } from 'vitest';
import { completenessBanner, tieListCompleteness } from '../../../src/model/completeness.js';
import { carriedDecisions, decisionsToMapping, mergeMappings } from '../../../src/ingest/survey/decisions.js';

describe('the completeness banner', () => {
  const base = { answersRead: 100, answersUsed: 50, setAside: [], undecided: 3 };
  it('says what is missing in words', () => {
    expect(completenessBanner({ ...base, pending: { questions: 1, questionAnswers: 42, names: 2, respondents: 0 } })).toBe(
      '1 question (42 answers) and 2 names are not in these results yet — decide them',
    );
    expect(completenessBanner({ ...base, undecided: 1, pending: { questions: 0, questionAnswers: 0, names: 1, respondents: 0 } })).toBe(
      '1 name is not in these results yet — decide them',
    );
    expect(completenessBanner({ ...base, undecided: 4, pending: { questions: 2, questionAnswers: 1, names: 1, respondents: 1 } })).toBe(
      '2 questions (1 answer), 1 name and 1 respondent are not in these results yet — decide them',
    );
  });
  it('is absent when nothing waits for a decision', () => {
    expect(completenessBanner(tieListCompleteness(12))).toBeNull();
    expect(completenessBanner(null)).toBeNull();
  });
});

describe('decisions as a mapping file', () => {
  it('columns → questions, names → resolutions, respondents → respondents', () => {
    const m = decisionsToMapping([
      {
        kind: 'column',
        key: 'Who helps you with technology and data?',
        resolution: { kind: 'nameGenerator', relation: 'advice', domain: 'data' },
      },
      { kind: 'name', key: 'Chloe', resolution: 'LK014' },
      { kind: 'respondent', key: 'row 7', resolution: 'LK002' },
      { kind: 'respondent', key: 'sub@gmail.com', resolution: 'ignore' },
    ]);
    expect(m).toEqual({
      version: 1,
      questions: { 'Who helps you with technology and data?': { kind: 'nameGenerator', relation: 'advice', domain: 'data' } },
      resolutions: { Chloe: 'LK014' },
      respondents: { 'row 7': 'LK002', 'sub@gmail.com': 'ignore' },
    });
    // a row of last year's export means nothing in this year's: not carried
    expect(carriedDecisions(m).respondents).toEqual({ 'sub@gmail.com': 'ignore' });
  });
  it('later mappings win key by key', () => {
    expect(
      mergeMappings({ version: 1, resolutions: { Chloe: 'A', Jo: 'ignore' } }, null, { version: 1, resolutions: { Chloe: 'B' } })
        .resolutions,
    ).toEqual({ Chloe: 'B', Jo: 'ignore' });
  });
});
