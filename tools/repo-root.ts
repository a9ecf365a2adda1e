import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this file holding package.json. Tools run both from
 * source (vitest) and compiled (dist-tools/tools/…), so a fixed number of '..' would be wrong in one of them.
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** The product's compiled server entry (npm run build writes dist/). */
export const productRunJs = (): string => join(repoRoot(), 'dist', 'server', 'run.js');
