import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, realDir } from './harness.js';

type Problem = { code: string; row: number | null; column: string | null; message: string };

describe('what each tool puts in its export', () => {
  it('Google Forms download: year-first timestamps with AM/PM and zone order duplicates; the latest response wins', async () => {
    const r = await importFile(join(realDir, 'google-forms', 'survey.csv'), { json: true });
    const problems = r.json!.problems as Problem[];
    expect(problems.filter((p) => p.code === 'BAD_TIMESTAMP')).toEqual([]);
    expect(r.json!.duplicates).toEqual([{ respondent: 'MG06', droppedRow: 5, keptRow: 6 }]);
    expect(r.json!.selfTiesDropped).toBe(1);
    expect(r.json!.tool).toBe('google-forms');
  });
  it('Qualtrics: previews and test responses left out and counted, incomplete responses kept and counted, anonymous-link rows reported', async () => {
    const r = await importFile(join(realDir, 'qualtrics', 'survey.csv'), { json: true });
    expect(r.json!.tool).toBe('qualtrics');
    expect(r.json!.previewRows).toEqual([4, 9]);
    expect(r.json!.incompleteRows).toEqual([7]);
    const problems = r.json!.problems as Problem[];
    expect(problems.filter((p) => p.code === 'MISSING_RESPONDENT').map((p) => p.row)).toEqual([10]);
    expect(problems.find((p) => p.code === 'NOT_A_RESPONSE')?.message).toMatch(/2 row\(s\).*rows 4, 9/);
    const text = await importFile(join(realDir, 'qualtrics', 'survey.csv'));
    expect(text.stdout).toContain('Survey previews and test responses left out: 2');
    expect(text.stdout).toContain('Responses stopped before the end (kept, answered questions used): 1');
  });
});

describe('Microsoft Forms workbook', () => {
  it('reads Excel-date times, reports the anonymous row, and names the Likert statements that need a question', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { writeMsFormsXlsx } = await import('./msforms-xlsx.js');
    const p = join(mkdtempSync(join(tmpdir(), 'leadmap-msforms-')), 'survey.xlsx');
    await writeMsFormsXlsx(p);
    const r = await importFile(p, { json: true });
    expect(r.json!.tool).toBe('microsoft-forms');
    const problems = r.json!.problems as Problem[];
    expect(problems.filter((x) => x.code === 'BAD_TIMESTAMP')).toEqual([]);
    expect(problems.filter((x) => x.code === 'MISSING_RESPONDENT').map((x) => x.row)).toEqual([4]);
    const text = await importFile(p);
    expect(text.stderr).toMatch(/question "Patrick O'Brien": the column is headed by a colleague's name only/);
  });
});

describe('Excel re-saved exports', () => {
  const variants: Array<[string, string, string, string, [number, number]]> = [
    // folder, file, encoding reported, delimiter, [dropped row, kept row] of the duplicate respondent
    ['excel-utf8-bom', 'survey.csv', 'utf-8 (BOM)', ',', [5, 6]],
    ['excel-cp1252', 'survey.csv', 'windows-1252', ',', [5, 6]],
    ['excel-unicode-text', 'survey.txt', 'utf-16le', '\t', [5, 6]],
    ['excel-semicolon-de', 'survey.csv', 'windows-1252', ';', [5, 6]],
    ['excel-date-serial', 'survey.csv', 'utf-8', ',', [6, 5]],
  ];
  it.each(variants)('%s: decoded, delimited and timed as saved', async (name, file, encoding, delimiter, [dropped, kept]) => {
    const r = await importFile(join(realDir, name, file), { json: true });
    expect(r.json!.encoding).toBe(encoding);
    expect(r.json!.delimiter).toBe(delimiter);
    const problems = r.json!.problems as Problem[];
    expect(problems.filter((x) => x.code === 'BAD_TIMESTAMP' || x.code === 'BAD_FREQUENCY' || x.code === 'BAD_SCALE_VALUE')).toEqual([]);
    expect(r.json!.duplicates).toEqual([{ respondent: 'MG06', droppedRow: dropped, keptRow: kept }]);
  });
});

describe('SurveyMonkey', () => {
  it('reads the two header rows: choice columns as one question, grid rows as "Question [colleague]"', async () => {
    const r = await importFile(join(realDir, 'surveymonkey', 'survey.csv'), { json: true });
    expect(r.json!.tool).toBe('surveymonkey');
    const cols = r.json!.columns as Array<{ header: string; kind: string }>;
    expect(cols.find((c) => c.header.endsWith('[Robert Van der Berg]'))?.kind).toBe('nameGenerator');
    expect(cols.find((c) => c.header.endsWith("teaching practice? [Patrick O'Brien]"))?.kind).toBe('grid');
    expect((r.json!.problems as Problem[]).filter((p) => p.code === 'MISSING_RESPONDENT')).toEqual([]);
  });
});

describe('exports leadmap cannot read by itself say so', () => {
  it('two questions with the same title (Google Forms keeps both headers): exit 2, naming both columns and the fix', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'leadmap-dup-')), 'responses.csv');
    writeFileSync(
      p,
      '"Timestamp","Email Address","Whom do you go to for advice?","Whom do you go to for advice?"\n"2025/03/10 8:02:11 AM GMT-5","hannah.schmidt@maplegrove.k12.us","Ana Ruiz-López","Fatima"\n',
    );
    const r = await importFile(p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/responses\.csv row 1, column "Whom do you go to for advice\?"/);
    expect(r.stderr).toMatch(/columns 3 \(C\) and 4 \(D\)/);
    expect(r.stderr).toMatch(/rename one of the questions/i);
  });
  it('a roster passed as the export, and a tie list, say what was expected', async () => {
    const { ROSTER } = await import('./harness.js');
    const roster = await importFile(ROSTER);
    expect(roster.code).toBe(2);
    expect(roster.stderr).toMatch(/roster\.csv.*looks like a roster.*pass it with --roster/s);
  });
});
