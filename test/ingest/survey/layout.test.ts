import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inferDomain, inferRelation } from '../../../src/ingest/survey/infer.js';
import { parseSurveyExport } from '../../../src/ingest/survey/import.js';
import { cellText } from '../../../src/ingest/survey/rows.js';
import { parseTimestamp } from '../../../src/ingest/survey/timestamps.js';
import { ROSTER, tempDir, writeTemp } from './helpers.js';

async function ok(csv: string | Uint8Array, name = 'survey.csv') {
  const r = await parseSurveyExport(writeTemp(tempDir(), name, csv), ROSTER, {});
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('reading question wording', () => {
  it('infers one domain and one relation, or asks', () => {
    expect(inferDomain('Whom do you go to for advice about student behavior?').value).toBe('behaviour');
    expect(inferDomain('…about discipline').value).toBe('behaviour');
    expect(inferDomain('…about social-emotional learning (SEL)?').value).toBe('wellbeing');
    expect(inferDomain('Whom do you go to for advice?').value).toBe('any');
    expect(inferDomain('…about assessment data').value).toBeNull();
    expect(inferRelation('Whom do you go to for advice about curriculum?').value).toBe('advice');
    expect(inferRelation('Who keeps you informed about technology?').value).toBe('information');
    expect(inferRelation('How often do you talk to… ').value).toBe('information');
    expect(inferRelation('Which colleagues do you collaborate with?').value).toBe('collaboration');
    expect(inferRelation('Who influences your thinking about assessment?').value).toBe('influence');
    expect(inferRelation('Whom do you ask?').value).toBe('advice');
    expect(inferRelation('Which colleagues are on your team?').value).toBeNull();
  });
  it("parses the tools' timestamps", () => {
    expect(parseTimestamp('3/14/2025 9:05:12', 'mdy')).toBe('2025-03-14T09:05:12');
    expect(parseTimestamp('3/14/25 9:05:12 PM', 'mdy')).toBe('2025-03-14T21:05:12');
    expect(parseTimestamp('14.03.2025 09:05', 'dmy')).toBe('2025-03-14T09:05:00');
    expect(parseTimestamp('2025-03-14 09:05:12', 'mdy')).toBe('2025-03-14T09:05:12');
    expect(parseTimestamp('soon', 'mdy')).toBeNull();
  });
});

describe('question shapes', () => {
  it('reads numbered name columns, roster-row questions and grids with numbers', async () => {
    const csv = [
      'Timestamp,Email Address,Whom do you go to for advice about technology? [Name 1],Whom do you go to for advice about technology? [Name 2],Whom do you go to for advice? [Curriculum],Whom do you go to for advice? [Assessment],How often do you talk to… [Ana Ruiz],How often do you talk to… [Robert Odell]',
      '3/14/2025 9:05:12,kate.lee@x.edu,Ana Ruiz,"Odell, Robert",Ms Ruiz,J. Martinez,2,Weekly',
    ].join('\n');
    const r = await ok(csv);
    const kinds = r.plan.columns.map((c) => c.question.kind);
    expect(kinds).toEqual(['nameGenerator', 'nameGenerator', 'rosterRow', 'rosterRow', 'grid', 'grid']);
    expect(r.ties.map((t) => `${t.target} ${t.relation}/${t.domain} ${t.weight}`).sort()).toEqual([
      'p01 advice/curriculum 1',
      'p01 advice/technology 1',
      'p01 information/any 2',
      'p02 advice/technology 1',
      'p02 information/any 4',
      'p06 advice/assessment 1',
    ]);
  });
  it('keeps Likert answers per person on the agreement and influence scales', async () => {
    const csv =
      'Name,I feel trusted to lead.,How much influence do teachers have over… [Assessment],Whom do you go to for advice about data?\nKatherine Lee,Strongly agree,A great deal,Ana Ruiz\nAna Ruiz,neutral,Some,\n';
    const r = await ok(csv);
    expect(r.answers.get('p03')!.likert).toEqual({
      'I feel trusted to lead.': 5,
      'How much influence do teachers have over… [Assessment]': 5,
    });
    expect(r.answers.get('p01')!.likert).toEqual({
      'I feel trusted to lead.': 3,
      'How much influence do teachers have over… [Assessment]': 3,
    });
  });
  it('reads semicolon CSV with decimal commas', async () => {
    const r = await ok('Staff ID;How often do you talk to… [Ana Ruiz]\np03;2,5\n');
    expect(r.delimiter).toBe(';');
    expect(r.ties[0]!.weight).toBe(2.5);
  });
  it('returns xlsx formulas as formula text, never their result', () => {
    expect(cellText({ formula: 'HYPERLINK("x","Ana Ruiz")', result: 'Ana Ruiz' })).toBe('=HYPERLINK("x","Ana Ruiz")');
    expect(cellText({ richText: [{ text: 'Ana ' }, { text: 'Ruiz' }] })).toBe('Ana Ruiz');
    expect(cellText(new Date('2025-03-14T09:05:12Z'))).toBe('2025-03-14 09:05:12');
  });
  it('reads an xlsx workbook with a formula answer as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Whom do you go to for advice about curriculum?']);
    ws.addRow([
      1,
      new Date('2025-03-14T09:00:00Z'),
      new Date('2025-03-14T09:05:00Z'),
      'kate.lee@x.edu',
      'Katherine Lee',
      'Ana Ruiz;Robert Odell;',
    ]);
    ws.addRow([
      2,
      new Date('2025-03-14T10:00:00Z'),
      new Date('2025-03-14T10:05:00Z'),
      'ana.ruiz@x.edu',
      'Ana Ruiz',
      { formula: 'HYPERLINK("mailto:kate.lee@x.edu","Kate Lee")', result: 'Kate Lee' },
    ]);
    const r = await ok(new Uint8Array(await wb.xlsx.writeBuffer()), 'survey.xlsx');
    expect(r.tool).toBe('microsoft-forms');
    expect(r.ties.map((t) => `${t.source}>${t.target}`)).toEqual(['p03>p01', 'p03>p02']);
    expect(r.ties[0]!.timestamp).toBe('2025-03-14T09:05:00');
    expect(r.review).toMatchObject([{ status: 'formula', text: '=HYPERLINK("mailto:kate.lee@x.edu","Kate Lee")' }]);
  });
});
