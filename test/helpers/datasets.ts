import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folder of the shared real networks: $LEADMAP_DATASETS, else ../shared/datasets beside the repo. */
export function datasetsDir(): string {
  return process.env.LEADMAP_DATASETS ?? join(repoRoot, '..', 'shared', 'datasets');
}

/** Path of one dataset file, e.g. datasetFile('lazega_lawfirm', 'ties.csv'). */
export function datasetFile(name: string, file: string): string {
  return join(datasetsDir(), name, file);
}

export const datasetsAvailable = existsSync(join(datasetsDir(), 'lazega_lawfirm', 'ties.csv'));

/**
 * describe() over the shared datasets. A missing folder is a failure, never a skip (in CI or not): the
 * reference numbers are what these suites prove, and a suite that silently vanishes proves nothing.
 */
export function describeWithDatasets(name: string, fn: () => void): void {
  if (datasetsAvailable) {
    describe(name, fn);
  } else {
    describe(name, () => {
      throw new Error(`shared datasets not found at ${datasetsDir()} (set LEADMAP_DATASETS)`);
    });
  }
}

export { repoRoot };
