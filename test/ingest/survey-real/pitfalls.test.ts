import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedTies, importFile } from './harness.js';
import { writePitfallsMsForms } from './pitfalls/microsoft-forms.js';

/**
 * Exports written by hand from each tool's documented layout (pitfalls/README.md) with the pitfalls of issue 12:
 * help-seeking wording ("who helps you with", "who do you plan with", "who do you turn to"), a "Your name" column,
 * a question naming two domains, accented and decomposed (NFD) names and e-mail addresses, upper-case addresses.
 */
const DIR = resolve(import.meta.dirname, 'pitfalls');
const ROSTER = join(DIR, 'roster.csv');
const TWO_DOMAINS = 'Who do you turn to about technology and data?';

const exports: Record<string, () => Promise<string>> = {
  'google-forms': () => Promise.resolve(join(DIR, 'google-forms', 'survey.csv')),
  qualtrics: () => Promise.resolve(join(DIR, 'qualtrics', 'survey.csv')),
  surveymonkey: () => Promise.resolve(join(DIR, 'surveymonkey', 'survey.csv')),
  'microsoft-forms': async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'leadmap-pitfalls-')), 'Staff network survey(1-4).xlsx');
    await writePitfallsMsForms(p);
    return p;
  },
};

const all = expectedTies(DIR);
const decided = (t: string) => t.includes(',technology,');

describe.each(Object.keys(exports))('hand-written %s export with the pitfalls', (tool) => {
  it('without a mapping: every tie the wording settles, and only the two-domain question to decide', async () => {
    const r = await importFile(await exports[tool]!(), { json: true, roster: ROSTER });
    expect(r.code, r.stderr).toBe(3);
    expect(r.ties).toEqual(all.filter((t) => !decided(t)));
    const review = r.json!.review as Array<{ kind: string; status: string; column: string | null; choices?: string[] }>;
    expect(review.map((i) => `${i.kind} ${i.status} ${i.column}`)).toEqual([`column mapping needed ${TWO_DOMAINS}`]);
  });

  it('with the domain decided: exactly the expected ties, exit 0', async () => {
    const r = await importFile(await exports[tool]!(), { mapping: join(DIR, 'mapping.yaml'), roster: ROSTER });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.ties).toEqual(all);
  });
});
