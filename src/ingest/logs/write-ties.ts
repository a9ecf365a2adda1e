import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { csvCell } from '../csv-safe.js';
import { ANY_DOMAIN } from '../../model/types.js';
import type { LogAggregate } from './aggregate.js';

/** Header of the canonical tie CSV the logs command writes (read back by the ties ingest). */
export const TIE_HEADER = 'source,target,relation,domain,weight,count,wave';

/**
 * Writes the ties of an aggregate as canonical CSV (source,target,relation,domain,weight,count,wave),
 * in (window, source, target) order, cells safe against formula injection, weights rounded to 1e-9.
 * Written to `path.part` and renamed, so a half-written file never looks complete. Returns the tie count.
 */
export function writeTiesCsv(aggregate: LogAggregate, path: string): number {
  const fd = openSync(path + '.part', 'w');
  let ties: number;
  try {
    ties = writeTies(aggregate, (s) => writeSync(fd, s));
  } finally {
    closeSync(fd);
  }
  renameSync(path + '.part', path);
  return ties;
}

/** Streams the CSV text in blocks of ~1 MB to `write` (stdout, a file, an HTTP response). */
export function writeTies(aggregate: LogAggregate, write: (block: string) => void): number {
  const cell = aggregate.ids.map((id) => csvCell(id));
  const relation = csvCell(aggregate.relation);
  let parts: string[] = [TIE_HEADER + '\n'];
  let size = 0;
  let ties = 0;
  let lastWave: string | null = null;
  let waveCell = '';
  aggregate.eachTie((wave, s, t, weight, count) => {
    if (wave !== lastWave) {
      lastWave = wave;
      waveCell = csvCell(wave);
    }
    const line = `${cell[s]},${cell[t]},${relation},${ANY_DOMAIN},${Math.round(weight * 1e9) / 1e9},${count},${waveCell}\n`;
    parts.push(line);
    size += line.length;
    ties++;
    if (size > 1_000_000) {
      write(parts.join(''));
      parts = [];
      size = 0;
    }
  });
  if (parts.length > 0) write(parts.join(''));
  return ties;
}
