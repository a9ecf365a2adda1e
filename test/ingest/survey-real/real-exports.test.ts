import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedReview, expectedTies, importFile, realDir, surveyFile } from './harness.js';

const cases = readdirSync(realDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(realDir, d.name, 'expected-ties.csv'))).map((d) => d.name).sort();

describe.each(cases)('real-shape export %s', (name) => {
  const dir = join(realDir, name);
  it('without a mapping: no tie the answers do not mean, exactly the expected review items (exit 3)', async () => {
    const want = expectedReview(dir);
    const r = await importFile(surveyFile(dir), { json: true });
    expect(r.code, r.stderr).toBe(want.length ? 3 : 0);
    const expected = new Set(expectedTies(dir));
    const extra = r.ties.filter((t) => !expected.has(t));
    expect(extra, 'ties no human reading of the export gives (silent guesses)').toEqual([]);
    const review = (r.json!.review as Array<{ kind: string; status: string; text: string; candidates: Array<{ id: string }> }>);
    const got = [...new Set(review.filter((i) => i.kind !== 'column').map((i) => `${i.kind}|${i.status}|${i.text}`))].sort();
    expect(got).toEqual(want.map((w) => `${w.kind}|${w.status}|${w.text}`).sort());
    for (const w of want.filter((x) => x.candidates)) {
      const item = review.find((i) => i.text === w.text)!;
      expect(item.candidates.map((c) => c.id).sort(), w.text).toEqual([...w.candidates!].sort());
    }
    expect(review.filter((i) => i.kind === 'column'), 'every question understood without a mapping').toEqual([]);
  });
  it('with the reviewer\'s mapping: exactly the expected ties, exit 0', async () => {
    const mapping = join(dir, 'mapping.yaml');
    const r = await importFile(surveyFile(dir), existsSync(mapping) ? { mapping } : {});
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ties).toEqual(expectedTies(dir));
  });
});
