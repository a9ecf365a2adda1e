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
 * describe() that runs only where the shared datasets exist. In CI (env CI set) a missing folder is a
 * failure, not a skip: the suite must prove the numbers there.
 */
export function describeWithDatasets(name: string, fn: () => void): void {
  if (datasetsAvailable) {
    describe(name, fn);
  } else if (process.env.CI) {
    describe(name, () => {
      throw new Error(`shared datasets not found at ${datasetsDir()} (set LEADMAP_DATASETS)`);
    });
  } else {
    describe.skip(`${name} [skipped: shared datasets not found at ${datasetsDir()}; set LEADMAP_DATASETS]`, fn);
  }
}

export { repoRoot };
