import { parentPort, workerData } from 'node:worker_threads';
import type { Person } from '../../model/types.js';
import { scanRange } from '../bytes/read-stream.js';
import { ProblemCollector } from '../problems.js';
import type { LogOptions } from './options.js';
import { emptyLogStats, logRows } from './row-reader.js';

/** What the main thread sends: the byte range after the first one, and the header read there. */
export interface RangeJob {
  path: string;
  file: string;
  from: number;
  to: number;
  header: string[];
  options: LogOptions;
  roster: Person[] | null;
}

/** What the worker sends back (typed arrays transferred). */
export interface RangeResult {
  problems: number;
  rows: number;
  ids: string[];
  unknown: string[];
  stats: Record<string, number | string | null>;
  span: Float64Array;
  pairs: { win: Int32Array; src: Int32Array; dst: Int32Array; wc: Float64Array };
}

/** Reads the rows of one byte range of an interaction log with the same rules as the main thread (row-reader.ts). */
async function main(job: RangeJob): Promise<void> {
  const stats = emptyLogStats();
  const problems = new ProblemCollector();
  const rows = logRows(job.options, job.file, job.roster, stats, problems, job.header);
  await scanRange(job.path, rows.scanner, job.from, job.to, true);
  const pairs = rows.pairs.exportEntries();
  const { progress: _progress, ...counts } = stats;
  const result: RangeResult = {
    problems: problems.list().length,
    rows: rows.scanner.rows,
    ids: rows.people.ids,
    unknown: rows.people.unknownSpellings(),
    stats: counts,
    span: rows.span,
    pairs,
  };
  parentPort!.postMessage(result, [pairs.win.buffer, pairs.src.buffer, pairs.dst.buffer, pairs.wc.buffer] as ArrayBuffer[]);
}

main(workerData as RangeJob).catch((err: unknown) => {
  parentPort!.postMessage({ error: String((err as Error)?.message ?? err) });
});
