import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedReview, expectedTies, importFile, realDir, surveyFile } from './harness.js';
import { writeMsFormsXlsx } from './msforms-xlsx.js';

/** Exports written by a script rather than committed (binary formats). */
const generated: Record<string, () => Promise<string>> = {
  'microsoft-forms': async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'leadmap-msforms-')), 'Staff network survey(1-6).xlsx');
    await writeMsFormsXlsx(p);
    return p;
  },
};

const cases = readdirSync(realDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(realDir, d.name, 'expected-ties.csv')))
  .map((d) => d.name)
  .sort();

const key = (i: { kind: string; status: string; text: string; column?: string | null }) =>
  `${i.kind}|${i.status}|${i.kind === 'column' ? i.column : i.text}`;

describe.each(cases)('real-shape export %s', (name) => {
  const dir = join(realDir, name);
  const survey = () => (generated[name] ? generated[name]() : Promise.resolve(surveyFile(dir)));
  it('without a mapping: no tie the answers do not mean, exactly the expected review items (exit 3)', async () => {
    const want = expectedReview(dir);
    const r = await importFile(await survey(), { json: true });
    expect(r.code, r.stderr).toBe(want.length ? 3 : 0);
    const expected = new Set(expectedTies(dir));
    const extra = r.ties.filter((t) => !expected.has(t));
    expect(extra, 'ties no human reading of the export gives (silent guesses)').toEqual([]);
    const review = r.json!.review as Array<{
      kind: string;
      status: string;
      text: string;
      column: string | null;
      candidates: Array<{ id: string }>;
    }>;
    expect([...new Set(review.map(key))].sort()).toEqual(want.map((w) => key({ ...w, column: w.text })).sort());
    for (const w of want.filter((x) => x.candidates)) {
      const item = review.find((i) => i.text === w.text)!;
      expect(item.candidates.map((c) => c.id).sort(), w.text).toEqual([...w.candidates!].sort());
    }
  });
  it("with the reviewer's mapping: exactly the expected ties, exit 0", async () => {
    const mapping = join(dir, 'mapping.yaml');
    const r = await importFile(await survey(), existsSync(mapping) ? { mapping } : {});
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ties).toEqual(expectedTies(dir));
  });
});
