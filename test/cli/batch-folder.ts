import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo');

/** Copies one demo wave's roster, ties and respondents into `dest` (created). */
export function copyWave(school: string, wave: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const f of ['roster.csv', 'ties.csv', 'respondents.csv']) copyFileSync(join(DEMO, school, wave, f), join(dest, f));
}

/**
 * A batch folder of demo schools: lakeside (2025-26 with 2024-25 in previous/), riverside and highland
 * (2025-26 alone), and `broken` (lakeside's roster with a tie list whose third data row has weight
 * "often") when `broken` is true.
 */
export function demoBatch(root: string, o: { broken?: boolean } = {}): void {
  copyWave('lakeside', '2025-26', join(root, 'lakeside'));
  copyWave('lakeside', '2024-25', join(root, 'lakeside', 'previous'));
  copyWave('riverside', '2025-26', join(root, 'riverside'));
  copyWave('highland', '2025-26', join(root, 'highland'));
  if (o.broken) {
    copyWave('lakeside', '2025-26', join(root, 'broken'));
    const lines = readFileSync(join(root, 'broken', 'ties.csv'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,[^,]*$/, ',often');
    writeFileSync(join(root, 'broken', 'ties.csv'), lines.join('\n'));
  }
}
