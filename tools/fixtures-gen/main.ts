/**
 * Writes the demo schools: `node dist-tools/tools/fixtures-gen/main.js [outDir]` (default fixtures/demo).
 * Same seed, same bytes: see fixtures/demo/README.md for what each school and wave contains.
 */
import { resolve } from 'node:path';
import { generateAll } from './generate.js';
import { writeSchools } from './write.js';

const out = resolve(process.argv[2] ?? 'fixtures/demo');
const schools = generateAll();
const files = writeSchools(schools, out);
process.stdout.write(`wrote ${files} files for ${schools.length} schools to ${out}\n`);
