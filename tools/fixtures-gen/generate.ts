/** All demo schools, each from its own seed (so changing one school never shifts another). */
import { lakeside } from './schools/lakeside.js';
import { riverside } from './schools/riverside.js';
import { highland } from './schools/highland.js';
import { pinewood } from './schools/pinewood.js';
import type { SchoolOutput } from './types.js';

export const DEMO_SEED = 20250901;

export function generateAll(seed: number = DEMO_SEED): SchoolOutput[] {
  return [lakeside(seed ^ 0x1a4e), riverside(seed ^ 0x2b5f), highland(seed ^ 0x3c60), pinewood(seed ^ 0x4d71)];
}
