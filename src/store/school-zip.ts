import { strToU8, strFromU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { LeadmapError } from '../model/errors.js';
import type { Dataset, Person } from '../model/types.js';
import type { Store } from './store.js';

/**
 * A school as a zip of its CSVs, in the same formats leadmap reads
 * (docs/data-formats.md): school.json (name, slug, waves) and per wave a folder
 * with roster.csv, ties.csv and (when known) respondents.csv. Re-importing it
 * reads the files through the ordinary ingest, so the analyses are identical.
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

/** Plain RFC 4180 quoting for a data file (a re-import must read back exactly what was stored). */
function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: Array<string | number | boolean | null | undefined>): string => cells.map(cell).join(',') + '\n';

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

export async function exportSchoolZip(store: Store, schoolId: string): Promise<Uint8Array> {
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
    manifest.waves.push({ label: w.label, collectedOn: w.collectedOn, folder, hasRespondents: csv.respondents !== null });
  }
  files['school.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files, { level: 6 });
}

/** Limits against zip bombs: total and per-file uncompressed size, number of entries. */
export interface ZipLimits {
  maxTotalBytes: number;
  maxEntries: number;
}

export function readSchoolZip(zip: Uint8Array, limits: ZipLimits): { manifest: SchoolManifest; files: Unzipped } {
  let total = 0,
    entries = 0,
    tooBig = false;
  let files: Unzipped;
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        if (entries > limits.maxEntries || total > limits.maxTotalBytes) tooBig = true;
        return !tooBig && /^(school\.json|wave-\d{1,4}\/(roster|ties|respondents)\.csv)$/.test(f.name);
      },
    });
  } catch {
    throw new LeadmapError('INVALID_UPLOAD', 'the file is not a readable zip archive');
  }
  if (tooBig) throw new LeadmapError('PAYLOAD_TOO_LARGE', 'the zip archive unpacks to more than the allowed size or number of files');
  const raw = files['school.json'];
  if (!raw) throw new LeadmapError('INVALID_UPLOAD', 'the zip has no school.json; is it a leadmap school export?');
  let manifest: SchoolManifest;
  try {
    manifest = JSON.parse(strFromU8(raw)) as SchoolManifest;
  } catch {
    throw new LeadmapError('INVALID_UPLOAD', 'school.json is not valid JSON');
  }
  if (manifest?.format !== 'leadmap-school' || manifest.version !== 1 || !Array.isArray(manifest.waves)) {
    throw new LeadmapError('INVALID_UPLOAD', 'school.json is not a leadmap school export (format/version)');
  }
  for (const w of manifest.waves) {
    if (typeof w.label !== 'string' || typeof w.folder !== 'string' || !files[`${w.folder}/ties.csv`]) {
      throw new LeadmapError('INVALID_UPLOAD', `school.json lists a wave whose files are missing (${String(w.folder).slice(0, 20)})`);
    }
  }
  return { manifest, files };
}
