import { loadDataset } from '../../../src/ingest/load-dataset.js';
import type { Dataset } from '../../../src/model/types.js';
import { datasetFile } from '../../helpers/datasets.js';

/** Loads one shared real network through the product's own ingest. */
export async function loadShared(name: string): Promise<Dataset> {
  const r = await loadDataset({ roster: datasetFile(name, 'roster.csv'), ties: datasetFile(name, 'ties.csv') });
  if (!r.ok) throw new Error(`could not load ${name}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}
