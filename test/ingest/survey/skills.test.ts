import { describe, expect, it } from 'vitest';
import { parseSurveyExport } from '../../../src/ingest/survey/import.js';
import type { SurveyMapping } from '../../../src/ingest/survey/mapping.js';
import { peopleCsv } from '../../../src/ingest/survey/output.js';
import { ROSTER, tempDir, writeTemp } from './helpers.js';

const OFFER = 'What could you help colleagues with?';
const NEED = 'Where would you like support?';
const CSV = [
  `Timestamp,Email Address,${OFFER},${NEED}`,
  `3/15/2025 9:00:00,kate.lee@x.edu,"Data analysis, Classroom management","Technology in the classroom; Other: report writing"`,
  `3/15/2025 9:05:00,ana.ruiz@x.edu,,"Assessment design"`,
].join('\n');

async function imp(mapping?: SurveyMapping) {
  const r = await parseSurveyExport(writeTemp(tempDir(), 'survey.csv', CSV), ROSTER, { mapping });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('skills inventory: offered and needed', () => {
  it('reads each question as its side, with the domains its answers name', async () => {
    const r = await imp();
    expect(r.plan.columns.filter((c) => c.question.kind === 'skills').map((c) => [c.header, c.question.side])).toEqual([
      [OFFER, 'offered'],
      [NEED, 'needed'],
    ]);
    expect(r.answers.get('p03')).toMatchObject({
      skills: ['Data analysis', 'Classroom management'],
      skillDomains: ['data', 'behaviour'],
      needs: ['Technology in the classroom', 'report writing'],
      needDomains: ['technology'],
    });
    expect(r.answers.get('p01')).toMatchObject({ skills: [], needs: ['Assessment design'], needDomains: ['assessment'] });
  });
  it('writes needs and need_domains beside skills and skill_domains in the people file', async () => {
    const lines = peopleCsv(ROSTER, await imp())
      .trim()
      .split('\n');
    expect(lines[0]).toBe('id,name,department,responded,skills,skill_domains,needs,need_domains');
    expect(lines.find((l) => l.startsWith('p03,'))).toBe(
      // Cells holding ";" are quoted (spreadsheets set to ";" as separator keep them whole).
      'p03,Katherine Lee,Science,yes,"Data analysis; Classroom management","data; behaviour","Technology in the classroom; report writing",technology',
    );
    expect(lines.find((l) => l.startsWith('p01,'))).toBe('p01,Ana Ruiz,Math,yes,,,Assessment design,assessment');
  });
  it("the mapping's side overrides the wording", async () => {
    const r = await imp({ version: 1, questions: { [NEED]: { kind: 'skills', side: 'offered' } } });
    expect(r.answers.get('p01')).toMatchObject({ skills: ['Assessment design'], needs: [] });
  });
});
