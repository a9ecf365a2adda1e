import { readFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import { absolutePath, type DataDir } from '../store/files.js';
import { csvLine } from '../ingest/csv-safe.js';
import { LeadmapError } from '../model/errors.js';
import type { Dataset, Person } from '../model/types.js';
import type { Store } from '../store/store.js';

/**
 * A school as a zip of its CSVs, in the same formats leadmap reads
 * (docs/data-formats.md): school.json (name, slug, waves) and per wave a folder
 * with roster.csv, ties.csv and (when known) respondents.csv, and the survey side's people.csv,
 * activities.csv and decisions.csv and the school outcomes (outcomes.csv) as they were uploaded (given the data directory). Re-importing it
 * reads the files through the ordinary ingest, so the analyses are identical.
 * Import: src/store/zip-unpack.ts (streamed, limited, in a worker thread).
 * Holds personal data: only admins and analysts may export it (audited).
 */
export interface SchoolManifest {
  format: 'leadmap-school';
  version: 1;
  slug: string;
  name: string;
  waves: Array<{ label: string; collectedOn: string | null; folder: string; hasRespondents: boolean }>;
}

const ROSTER_FIELDS: Array<[string, (p: Person) => string | number | null]> = [
  ['id', (p) => p.id],
  ['name', (p) => p.name],
  ['role', (p) => p.role],
  ['department', (p) => p.department],
  ['team', (p) => p.team],
  ['school', (p) => p.school],
  ['start_year', (p) => p.startYear],
  ['years_experience', (p) => p.yearsExperience],
  ['fte', (p) => p.fte],
  ['release_time', (p) => p.releaseTime],
  ['email', (p) => p.email],
];

/**
 * Cells are written with the formula guard (src/ingest/csv-safe.ts): a cell starting with = + - @
 * gets a leading apostrophe, so opening a CSV of the zip in a spreadsheet never runs a formula;
 * ingest removes the guard again (unguardCell), so a re-import reads back exactly what was stored.
 */
const line = csvLine;

export function datasetCsvs(ds: Dataset): { roster: string; ties: string; respondents: string | null } {
  const roster = ds.people.filter((p) => p.onRoster);
  const extra = [...new Set(roster.flatMap((p) => Object.keys(p.attributes)))];
  let r = line([...ROSTER_FIELDS.map(([h]) => h), ...extra]);
  for (const p of roster) r += line([...ROSTER_FIELDS.map(([, f]) => f(p)), ...extra.map((k) => p.attributes[k])]);
  let t = line(['source', 'target', 'relation', 'domain', 'weight', 'timestamp']);
  for (const x of ds.ties) t += line([x.source, x.target, x.relation, x.domain, x.weight, x.timestamp]);
  const respondents = ds.respondents === null ? null : line(['id']) + ds.respondents.map((id) => line([id])).join('');
  return { roster: r, ties: t, respondents };
}

/** The survey side's stored files and the school outcomes, kept as uploaded (they are read by their own readers on import). */
const SURVEY_KINDS = ['people', 'activities', 'decisions', 'outcomes'] as const;

export async function exportSchoolZip(store: Store, schoolId: string, dir: DataDir | null = null): Promise<Uint8Array> {
  const school = await store.getSchool(schoolId);
  if (!school) throw new LeadmapError('NOT_FOUND', 'no such school');
  const files: Record<string, Uint8Array> = {};
  const manifest: SchoolManifest = { format: 'leadmap-school', version: 1, slug: school.slug, name: school.name, waves: [] };
  for (const [i, w] of (await store.listWaves(school.id)).entries()) {
    const ds = await store.loadWaveDataset(w.id);
    if (!ds) continue;
    const folder = `wave-${i + 1}`;
    const csv = datasetCsvs(ds);
    files[`${folder}/roster.csv`] = strToU8(csv.roster);
    files[`${folder}/ties.csv`] = strToU8(csv.ties);
    if (csv.respondents !== null) files[`${folder}/respondents.csv`] = strToU8(csv.respondents);
    if (dir)
      for (const f of await store.listUploadFiles(w.id))
        if ((SURVEY_KINDS as readonly string[]).includes(f.kind))
          files[`${folder}/${f.kind}.csv`] = new Uint8Array(await readFile(absolutePath(dir, f.storedPath)));
    manifest.waves.push({ label: w.label, collectedOn: w.collectedOn, folder, hasRespondents: csv.respondents !== null });
  }
  files['school.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files, { level: 6 });
}
