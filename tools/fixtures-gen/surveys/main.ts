/**
 * Generates the survey-export fixtures under fixtures/surveys/: one export per demo school (latest
 * wave, from fixtures/demo/<slug>/<wave>/{roster,ties,respondents}.csv, when present) and one
 * small export per tool shape from a built-in roster, each in a different tool's shape, with the ties, review
 * items and mapping an import must reproduce. Seeded: the same inputs always give the same files.
 *
 *   npm run build:tools && node dist-tools/tools/fixtures-gen/surveys/main.js [repoRoot]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import YAML from 'yaml';
import { designSurvey, type SurveyDesign, type TruthTie } from './design.js';
import { Rng } from './rng.js';
import type { RosterPerson } from './variants.js';
import { encode, layout, type ExportShape } from './writers.js';

export const SMALL_ROSTER: RosterPerson[] = [
  ['S01', 'Ana Ruiz', 'Mathematics'],
  ['S02', 'Robert Odell', 'Administration'],
  ['S03', 'José Martínez', 'Science'],
  ['S04', 'Katherine Lee', 'English'],
  ['S05', 'Samantha Park', 'Mathematics'],
  ['S06', 'Samuel Okafor', 'Science'],
  ['S07', 'Zoë Nguyen', 'English'],
  ['S08', 'Beatriz Nakamura', 'Arts'],
  ['S09', 'Michael Brennan', 'Mathematics'],
  ['S10', 'Chloé Dubois', 'Languages'],
  ['S11', 'Chloe Adeyemi', 'Science'],
  ['S12', 'William Fraser', 'Administration'],
  ['S13', 'Renée Castillo', 'Arts'],
  ['S14', 'Thomas Whitfield', 'English'],
].map(([id, name, department]) => ({
  id: id!,
  name: name!,
  department: department!,
  email: `${name!
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ /g, '.')}@northfield.example.org`,
}));

function smallTies(rng: Rng, respondents: string[], decimals: boolean): TruthTie[] {
  const ties: TruthTie[] = [];
  const ids = SMALL_ROSTER.map((p) => p.id);
  for (const s of respondents) {
    for (const domain of ['curriculum', 'behaviour', 'technology']) {
      for (const t of rng.shuffled(ids.filter((x) => x !== s)).slice(0, rng.int(0, 3)))
        ties.push({ source: s, target: t, relation: 'advice', domain, weight: 1 });
    }
    for (const t of rng.shuffled(ids.filter((x) => x !== s)).slice(0, rng.int(1, 4))) {
      ties.push({
        source: s,
        target: t,
        relation: 'collaboration',
        domain: 'instruction',
        weight: decimals && rng.chance(0.4) ? rng.int(1, 9) / 2 : rng.int(1, 5),
      });
    }
  }
  return ties;
}

function readCsv(path: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/** A cell as a survey tool's export writes it: RFC 4180 quoting only, no formula guard (these files stand for what vendors send). */
const vendorCell = (v: string | number) => (typeof v === 'string' && /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
const csv = (rows: Array<Array<string | number>>) => rows.map((r) => r.map(vendorCell).join(',')).join('\n') + '\n';

async function writeExport(
  outDir: string,
  roster: RosterPerson[],
  rosterCsvText: string,
  design: SurveyDesign,
  shape: ExportShape,
  meta: Record<string, unknown>,
): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const table = layout(design, roster, shape);
  const file = await encode(table, shape);
  writeFileSync(join(outDir, file.name), file.bytes);
  writeFileSync(join(outDir, 'roster.csv'), rosterCsvText);
  const ties = [...design.expectedTies].sort(
    (a, b) =>
      a.relation.localeCompare(b.relation) ||
      a.domain.localeCompare(b.domain) ||
      a.source.localeCompare(b.source) ||
      a.target.localeCompare(b.target),
  );
  writeFileSync(
    join(outDir, 'expected-ties.csv'),
    csv([['source', 'target', 'relation', 'domain', 'weight'], ...ties.map((t) => [t.source, t.target, t.relation, t.domain, t.weight])]),
  );
  // review items the import must list: planted texts in rows that are kept
  const dropped = new Set<number>();
  for (const id of design.duplicated) {
    const mine = design.rows
      .map((r, i) => ({ r, i }))
      .filter((x) => x.r.respondent === id)
      .sort((a, b) => a.r.time.localeCompare(b.r.time));
    mine.slice(0, -1).forEach((x) => dropped.add(x.i));
  }
  const review: Array<{ row: number; column: string; text: string; intended: string | null }> = [];
  design.rows.forEach((r, i) => {
    if (dropped.has(i)) return;
    design.questions.forEach((q, qi) => {
      if (q.kind !== 'names') return;
      (r.names.get(qi) ?? []).forEach((raw, k) => {
        const text = raw.replace(/^Other:\s*/, '');
        if (design.planted.has(text))
          review.push({
            row: table.headerRows + i + 1,
            column: shape === 'qualtrics' ? `${q.header} - ${k + 1}` : q.header,
            text,
            intended: design.planted.get(text)!,
          });
      });
    });
  });
  writeFileSync(join(outDir, 'expected-review.json'), JSON.stringify(review, null, 2) + '\n');
  const resolutions = Object.fromEntries([...design.planted].sort().map(([t, id]) => [t, id ?? 'not on roster']));
  // A typed name identifies the respondent ("Your name"): two rows with the same name go to review (two people,
  // or one answering twice?); the reviewer decides each row.
  const typedName = shape === 'excel-unicode-text';
  const respondentReview: Array<{ row: number; respondent: string }> = [];
  if (typedName)
    design.rows.forEach((r, i) => {
      if (design.duplicated.includes(r.respondent)) respondentReview.push({ row: table.headerRows + i + 1, respondent: r.respondent });
    });
  const respondents = Object.fromEntries(respondentReview.map((x) => [`row ${x.row}`, x.respondent]));
  writeFileSync(
    join(outDir, 'mapping.yaml'),
    '# Resolutions a reviewer made for this export (leadmap import --mapping).\n' +
      YAML.stringify({ version: 1, resolutions, ...(respondentReview.length ? { respondents } : {}) }),
  );
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify(
      {
        ...meta,
        shape,
        export: file.name,
        roster: 'roster.csv',
        headerRows: table.headerRows,
        responses: design.rows.length - dropped.size,
        rows: design.rows.length,
        selfTies: design.selfTies,
        duplicated: design.duplicated,
        ...(respondentReview.length ? { respondentReview } : {}),
        expectedTies: ties.length,
        reviewItems: review.length,
        variants: design.variantCounts,
      },
      null,
      2,
    ) + '\n',
  );
}

function rosterCsv(people: RosterPerson[]): string {
  return csv([['id', 'name', 'role', 'department', 'email'], ...people.map((p) => [p.id, p.name, 'teacher', p.department, p.email ?? ''])]);
}

const DEMO_SHAPES: Record<string, ExportShape> = {
  lakeside: 'google-forms',
  riverside: 'microsoft-forms',
  highland: 'qualtrics',
  pinewood: 'excel-utf8-bom',
};

export async function generateSurveyFixtures(root: string): Promise<string[]> {
  const outRoot = join(root, 'fixtures', 'surveys');
  const written: string[] = [];
  // small built-in roster, every tool shape
  const small: Array<[string, ExportShape, number]> = [
    ['northfield-cp1252', 'excel-cp1252', 11],
    ['northfield-semicolon', 'excel-semicolon', 12],
    ['northfield-unicode-text', 'excel-unicode-text', 13],
    ['northfield-msforms', 'microsoft-forms', 14],
    ['northfield-qualtrics', 'qualtrics', 15],
    ['northfield-utf8-bom', 'excel-utf8-bom', 16],
    ['northfield-google', 'google-forms', 17],
  ];
  for (const [name, shape, seed] of small) {
    const rng = new Rng(seed);
    const respondents = SMALL_ROSTER.map((p) => p.id).filter((id) => id !== 'S14' && id !== 'S09');
    const ties = smallTies(rng, respondents, shape === 'excel-semicolon');
    const design = designSurvey(SMALL_ROSTER, respondents, ties, rng, {
      gridFor: (r) => r === 'collaboration',
      plant: true,
      likert: true,
      skills: true,
      start: new Date('2026-03-16T08:00:00Z'),
    });
    await writeExport(join(outRoot, name), SMALL_ROSTER, rosterCsv(SMALL_ROSTER), design, shape, {
      school: 'Northfield (built-in roster)',
      wave: '2025-26',
      seed,
    });
    written.push(name);
  }
  // one export per demo school, latest wave
  const demo = join(root, 'fixtures', 'demo');
  if (existsSync(demo)) {
    for (const slug of readdirSync(demo, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()) {
      const waves = readdirSync(join(demo, slug))
        .filter((w) => existsSync(join(demo, slug, w, 'ties.csv')))
        .sort();
      const wave = waves[waves.length - 1];
      if (!wave) continue;
      const dir = join(demo, slug, wave);
      const rosterText = readFileSync(join(dir, 'roster.csv'), 'utf8');
      const roster = readCsv(join(dir, 'roster.csv')).map((r) => ({
        id: r.id!,
        name: r.name!,
        email: r.email || null,
        department: r.department ?? '',
      }));
      const ids = new Set(roster.map((p) => p.id));
      const ties = readCsv(join(dir, 'ties.csv'))
        .map((t) => ({
          source: t.source!,
          target: t.target!,
          relation: t.relation ?? 'advice',
          domain: t.domain ?? 'any',
          weight: Number(t.weight ?? 1),
        }))
        .filter((t) => t.source !== t.target && ids.has(t.source) && ids.has(t.target));
      const respondents = existsSync(join(dir, 'respondents.csv'))
        ? readCsv(join(dir, 'respondents.csv'))
            .map((r) => r.id!)
            .filter((id) => ids.has(id))
        : [...new Set(ties.map((t) => t.source))];
      const seed = [...slug].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
      const rng = new Rng(seed);
      const design = designSurvey(roster, respondents, ties, rng, {
        gridFor: (r) => r === 'collaboration',
        plant: true,
        likert: true,
        skills: true,
        start: new Date('2026-04-14T07:30:00Z'),
      });
      await writeExport(join(outRoot, slug), roster, rosterText, design, DEMO_SHAPES[slug] ?? 'google-forms', {
        school: slug,
        wave,
        seed,
        source: `fixtures/demo/${slug}/${wave}`,
      });
      written.push(slug);
    }
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith(join('fixtures-gen', 'surveys', 'main.js'))) {
  const root = resolve(process.argv[2] ?? '.');
  await generateSurveyFixtures(root).then((w) => console.log(`survey fixtures written: ${w.join(', ')}`));
}
