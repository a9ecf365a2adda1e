import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import type { Dataset } from '../../src/model/types.js';
import { repoRoot } from '../helpers/datasets.js';

export const highlandDir = join(repoRoot, 'fixtures', 'demo', 'highland');

export interface Planted {
  hiddenLeaders: { id: string; name: string; domains: string[] }[];
  silos: { group: string }[];
  keyPeople: { id: string; name: string; domain: string; dependents: string[] }[];
  overloadedLeaders: { id: string; name: string }[];
  isolatedNewcomers: { id: string; name: string }[];
  nominalLeaders: { id: string; name: string }[];
}

/** One Highland High demo wave through the product's ingest, with its planted story. */
export async function highlandWave(
  wave: string,
): Promise<{ dataset: Dataset; planted: Planted; files: { roster: string; ties: string; respondents: string } }> {
  const dir = join(highlandDir, wave);
  const files = { roster: join(dir, 'roster.csv'), ties: join(dir, 'ties.csv'), respondents: join(dir, 'respondents.csv') };
  const r = await loadDataset(files);
  if (!r.ok) throw new Error(`could not load ${dir}: ${r.problems.map((p) => p.message).join('; ')}`);
  return { dataset: r.value, planted: JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as Planted, files };
}

/** Every roster name of a wave (what must never appear in an anonymised report). */
export function rosterNames(d: Dataset): string[] {
  return d.people.map((p) => p.name).filter((n) => n.trim().length > 0);
}
