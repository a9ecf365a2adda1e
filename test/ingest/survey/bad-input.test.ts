import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurveyExport } from '../../../src/ingest/survey/import.js';
import type { SurveyMapping } from '../../../src/ingest/survey/mapping.js';
import { peopleCsv } from '../../../src/ingest/survey/output.js';
import { ROSTER, tempDir, writeTemp } from './helpers.js';

const Q = 'Whom do you go to for advice about curriculum?';

async function imp(content: string | Uint8Array, name = 'survey.csv', mapping?: SurveyMapping) {
  const path = writeTemp(tempDir(), name, content);
  return parseSurveyExport(path, ROSTER, { mapping });
}
async function ok(content: string | Uint8Array, name?: string, mapping?: SurveyMapping) {
  const r = await imp(content, name, mapping);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('survey import rejects what is not a survey export', () => {
  it('says a tie list is a tie list', async () => {
    const r = await imp('source,target,relation,domain,weight\np01,p02,advice,curriculum,3\n', 'ties.csv');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'NOT_A_SURVEY_EXPORT', file: 'ties.csv', row: 1 });
    expect(r.problems[0]!.message).toMatch(/tie list/);
  });
  it('says a binary file is binary', async () => {
    const r = await imp(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), 'photo.csv');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'NOT_A_SURVEY_EXPORT' });
    expect(r.problems[0]!.message).toMatch(/PNG/);
  });
  it('says a roster is a roster, and an empty file is empty', async () => {
    const r = await imp('id,name,role,department\np01,Ana Ruiz,teacher,Math\n');
    expect(!r.ok && r.problems[0]!.message).toMatch(/roster/);
    expect((await imp('')).problems[0]!.code).toBe('EMPTY_FILE');
  });
  it('refuses duplicate headers, naming both columns', async () => {
    const r = await imp(`Timestamp,Email Address,${Q},${Q}\n`);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'DUPLICATE_HEADER', column: Q });
  });
});

describe('survey import keeps going on messy answers', () => {
  it('puts half-unmatched names on the review list without guessing', async () => {
    let csv = `Timestamp,Email Address,"${Q}"\n`;
    const emails = ROSTER.map((p) => p.email!);
    for (let i = 0; i < 200; i++) csv += `3/14/2025 9:${String(i % 60).padStart(2, '0')}:00,${emails[i % 6]},"Ana Ruiz, Zyx Qwv${i}"\n`;
    const r = await ok(csv);
    expect(r.review.filter((i) => i.status === 'unmatched')).toHaveLength(6); // latest response per respondent
    expect(r.ties.every((t) => t.target === 'p01')).toBe(true);
    expect(r.stats.duplicates).toHaveLength(194);
  });
  it('keeps the latest of duplicate responses by timestamp, not file order', async () => {
    const csv = `Timestamp,Email Address,"${Q}"\n3/15/2025 9:00:00,kate.lee@x.edu,Ana Ruiz\n3/14/2025 9:00:00,kate.lee@x.edu,Robert Odell\n`;
    const r = await ok(csv);
    expect(r.ties.map((t) => t.target)).toEqual(['p01']);
    expect(r.stats.duplicates).toEqual([{ respondent: 'p03', droppedRow: 3, keptRow: 2 }]);
    expect(r.problems.find((p) => p.code === 'DUPLICATE_RESPONDENT')).toMatchObject({ row: 3, column: 'Email Address' });
  });
  it('reports a respondent not on the roster and keeps their answers only when the mapping says so', async () => {
    const csv = `Timestamp,Email Address,"${Q}"\n3/15/2025 9:00:00,visitor@else.org,Ana Ruiz\n3/15/2025 9:00:00,kate.lee@x.edu,Ana Ruiz\n`;
    const r = await ok(csv);
    expect(r.review).toMatchObject([{ kind: 'respondent', row: 2, text: 'visitor@else.org' }]);
    expect(r.ties).toHaveLength(1);
    const kept = await ok(csv, undefined, { version: 1, respondents: { 'visitor@else.org': 'keep' } });
    expect(kept.review).toEqual([]);
    expect(kept.ties.map((t) => t.source).sort()).toEqual(['p03', 'visitor@else.org']);
    expect(kept.keptNonRoster).toEqual(['visitor@else.org']);
    const ignored = await ok(csv, undefined, { version: 1, respondents: { 'visitor@else.org': 'ignore' } });
    expect(ignored.ties.map((t) => t.source)).toEqual(['p03']);
  });
  it('reads mixed UTF-8 / Windows-1252 lines and strips control characters, reporting both', async () => {
    const head = new TextEncoder().encode(`Timestamp,Email Address,"${Q}"\n3/15/2025 9:00:00,kate.lee@x.edu,José Martínez\n`);
    const cp = new Uint8Array(
      [...'3/15/2025 9:00:00,ana.ruiz@x.edu,"Jos']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...' Mart'].map((c) => c.charCodeAt(0)),
          [0xed],
          [...'nez, Robert\u0007 Odell"\n'].map((c) => c.charCodeAt(0)),
        ),
    );
    const r = await ok(new Uint8Array([...head, ...cp]));
    expect(r.encoding).toBe('mixed utf-8 + windows-1252');
    expect(r.ties.map((t) => `${t.source}>${t.target}`).sort()).toEqual(['p01>p02', 'p01>p06', 'p03>p06']);
    expect(r.problems.find((p) => p.code === 'ENCODING_FALLBACK')).toMatchObject({ row: 3 });
    expect(r.problems.find((p) => p.code === 'CONTROL_CHARACTERS')).toMatchObject({
      row: 3,
      column: Q,
      value: 'José Martínez, Robert Odell',
    });
  });
  it('keeps formula-looking cells as text, never evaluated, and lists them for review', async () => {
    const f = '=HYPERLINK("mailto:ana.ruiz@x.edu","Ana Ruiz")';
    const csv = `Timestamp,Email Address,"${Q}",Which skills or interests could you share?\n3/15/2025 9:00:00,kate.lee@x.edu,"${f.replace(/"/g, '""')}","=1+2, Data analysis"\n`;
    const r = await ok(csv);
    expect(r.ties).toEqual([]);
    expect(r.review).toMatchObject([{ status: 'formula', text: f, row: 2 }]);
    expect(r.answers.get('p03')!.skills).toEqual(['=1+2', 'Data analysis']);
    expect(peopleCsv(ROSTER, r)).toContain("'=1+2; Data analysis");
    const resolved = await ok(csv, undefined, { version: 1, resolutions: { [f]: 'p01' } });
    expect(resolved.ties.map((t) => t.target)).toEqual(['p01']);
  });
  it('asks for a mapping when the wording names several domains, and uses it', async () => {
    const h = 'Whom do you go to for advice about assessment data?';
    const csv = `Timestamp,Email Address,${h}\n3/15/2025 9:00:00,kate.lee@x.edu,Ana Ruiz\n`;
    const r = await ok(csv);
    expect(r.review).toMatchObject([{ kind: 'column', column: h }]);
    expect(r.ties).toEqual([]);
    const m = await ok(csv, undefined, { version: 1, questions: { [h]: { kind: 'nameGenerator', relation: 'advice', domain: 'data' } } });
    expect(m.review).toEqual([]);
    expect(m.ties).toMatchObject([{ source: 'p03', target: 'p01', relation: 'advice', domain: 'data', weight: 1 }]);
  });
  it('drops and counts self-nominations, flags non-respondents', async () => {
    const csv = `Timestamp,Email Address,"${Q}"\n3/15/2025 9:00:00,kate.lee@x.edu,"Katherine Lee, Ana Ruiz"\n`;
    const r = await ok(csv);
    expect(r.stats.selfTiesDropped).toBe(1);
    expect(r.respondents).toEqual(['p03']);
    expect(
      peopleCsv(ROSTER, r)
        .split('\n')
        .filter((l) => l.endsWith(',no,,') || l.includes(',no,')).length,
    ).toBe(5);
  });
});

describe('a 30,000-row export', () => {
  it('streams through with every respondent read', async () => {
    const dir = tempDir();
    const path = `${dir}/big.csv`;
    const out = createWriteStream(path);
    out.write(`Timestamp,Staff ID,"${Q}",How often do you talk to… [Ana Ruiz]\n`);
    for (let i = 0; i < 30000; i++) {
      const ok = out.write(`2025-03-14 09:00:${String(i % 60).padStart(2, '0')},x${i},"Ana Ruiz, Odell, Robert",Weekly\n`);
      if (!ok) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    await new Promise<void>((res) => out.end(() => res()));
    const respondents = Array.from({ length: 30000 }, (_, i) => ({ ...ROSTER[0]!, id: `x${i}`, name: `Staff Member ${i}`, email: null }));
    const r = await parseSurveyExport(path, [...ROSTER, ...respondents], {});
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.value.stats.responses).toBe(30000);
    expect(r.value.ties).toHaveLength(90000);
    expect(r.value.review).toEqual([]);
  });
});
