import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../../src/ingest/load-dataset.js';
import type { Dataset } from '../../../src/model/types.js';
import { repoRoot } from '../../helpers/datasets.js';

export const demoDir = join(repoRoot, 'fixtures', 'demo');

/** The demo waves written by the generator: fixtures/demo/<school>/<wave>/{roster,ties,respondents}.csv + planted.json. */
export function demoWaveDirs(): { school: string; wave: string; dir: string }[] {
  if (!existsSync(demoDir)) return [];
  const out: { school: string; wave: string; dir: string }[] = [];
  for (const school of readdirSync(demoDir).sort()) {
    const sdir = join(demoDir, school);
    if (!statSync(sdir).isDirectory()) continue;
    for (const wave of readdirSync(sdir).sort()) {
      const dir = join(sdir, wave);
      if (!statSync(dir).isDirectory()) continue;
      if (existsSync(join(dir, 'planted.json')) && existsSync(join(dir, 'ties.csv'))) out.push({ school, wave, dir });
    }
  }
  return out;
}

export interface PlantedFile {
  hiddenLeaders: { id: string; domains: string[] }[];
  silos: { grouping: string; group: string }[];
  keyPeople: { id: string; domain: string; dependents: string[] }[];
  overloadedLeaders: { id: string }[];
  isolatedNewcomers: { id: string }[];
  nominalLeaders: { id: string }[];
}

/** Loads one demo wave through the product's ingest; the wave label is the folder name (e.g. "2025-26"). */
export async function loadDemoWave(dir: string, wave: string): Promise<{ dataset: Dataset; planted: PlantedFile }> {
  const r = await loadDataset({ roster: join(dir, 'roster.csv'), ties: join(dir, 'ties.csv'), respondents: join(dir, 'respondents.csv') });
  if (!r.ok) throw new Error(`could not load ${dir}: ${r.problems.map((p) => p.message).join('; ')}`);
  const dataset: Dataset = { ...r.value, wave: r.value.wave ?? { id: wave, label: wave, schoolId: '', collectedOn: null } };
  return { dataset, planted: JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as PlantedFile };
}
