import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../src/ingest/roster.js';
import { loadMapping } from '../../../src/ingest/survey/mapping.js';
import { parseSurveyExport } from '../../../src/ingest/survey/import.js';
import { repoRoot } from '../../helpers/datasets.js';

const root = join(repoRoot, 'fixtures', 'surveys');
const dirs = existsSync(root)
  ? readdirSync(root)
      .filter((d) => existsSync(join(root, d, 'manifest.json')))
      .sort()
  : [];

interface Manifest {
  shape: string;
  export: string;
  selfTies: number;
  duplicated: string[];
  responses: number;
  expectedTies: number;
  /** Rows whose respondent is only a typed name shared by two rows: to review, answers held. */
  respondentReview?: Array<{ row: number; respondent: string }>;
}
interface Expected {
  row: number;
  column: string;
  text: string;
  intended: string | null;
}

const key = (t: { source: string; target: string; relation: string; domain: string }) =>
  `${t.source}>${t.target} ${t.relation}/${t.domain}`;
function expectedTies(dir: string): Map<string, number> {
  const lines = readFileSync(join(dir, 'expected-ties.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.map((l) => {
      const [source, target, relation, domain, weight] = l.split(',');
      return [key({ source: source!, target: target!, relation: relation!, domain: domain! }), Number(weight)];
    }),
  );
}

describe('survey exports round-trip to the ties they were generated from', () => {
  it('has the generated fixtures (one per tool shape)', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of dirs) {
    const dir = join(root, name);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const review = JSON.parse(readFileSync(join(dir, 'expected-review.json'), 'utf8')) as Expected[];
    const load = async (withMapping: boolean) => {
      const roster = await readRoster(join(dir, 'roster.csv'));
      if (!roster.ok) throw new Error(JSON.stringify(roster.problems));
      const mapping = withMapping ? await loadMapping(join(dir, 'mapping.yaml')) : null;
      if (mapping && !mapping.ok) throw new Error(JSON.stringify(mapping.problems));
      const r = await parseSurveyExport(join(dir, manifest.export), roster.value, { mapping: mapping?.mapping });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.value;
    };

    it(`${name} (${manifest.shape}): no silent guesses; every planted ambiguity is on the review list with its candidates`, async () => {
      const r = await load(false);
      const expected = expectedTies(dir);
      for (const t of r.ties) expect(expected.get(key(t)), `unexpected tie ${key(t)}`).toBe(t.weight);
      const got = r.review
        .filter((i) => i.kind === 'name')
        .map((i) => `${i.row}|${i.column}|${i.text}`)
        .sort();
      expect(got).toEqual(review.map((e) => `${e.row}|${e.column}|${e.text}`).sort());
      const held = manifest.respondentReview ?? [];
      expect(r.review.filter((i) => i.kind !== 'name').map((i) => `${i.kind} ${i.status} ${i.key}`)).toEqual(
        held.map((h) => `respondent duplicate row ${h.row}`),
      );
      for (const e of review) {
        const item = r.review.find((i) => i.row === e.row && i.text === e.text)!;
        if (e.intended) expect(item.candidates.map((c) => c.id)).toContain(e.intended);
      }
      // what is missing is exactly what waits for review
      const produced = new Set(r.ties.map(key));
      const heldIds = new Set(held.map((h) => h.respondent));
      const missing = [...expected.keys()].filter((k) => !produced.has(k) && !heldIds.has(k.split('>')[0]!));
      expect(missing.length).toBe(review.filter((e) => e.intended).length);
      expect(r.stats.selfTiesDropped).toBe(manifest.selfTies);
      expect(r.stats.duplicates.map((d) => d.respondent)).toEqual(manifest.duplicated.filter((d) => !heldIds.has(d)));
      expect(r.stats.responses).toBe(manifest.responses - heldIds.size);
      // every answer read is used or set aside with a reason
      const c = r.completeness;
      expect(c.answersUsed + c.setAside.reduce((n, x) => n + x.count, 0)).toBe(c.answersRead);
      expect(c.undecided).toBe(r.review.length);
    });

    it(`${name} (${manifest.shape}): the reviewed mapping reproduces the expected ties exactly`, async () => {
      const r = await load(true);
      expect(r.review).toEqual([]);
      const expected = expectedTies(dir);
      expect(new Map(r.ties.map((t) => [key(t), t.weight]))).toEqual(expected);
      expect(r.ties.every((t) => t.count === 1)).toBe(true);
      expect(r.stats.resolvedOut.notOnRoster).toBe(review.filter((e) => e.intended === null).length);
      const again = await load(true);
      expect(again.ties).toEqual(r.ties);
    });
  }
});
