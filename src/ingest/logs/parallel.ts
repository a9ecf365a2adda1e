import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Person } from '../../model/types.js';
import { CsvByteScanner, fieldText } from '../bytes/csv-bytes.js';
import { scanRange } from '../bytes/read-stream.js';
import { ProblemCollector } from '../problems.js';
import { resolveColumns } from './columns.js';
import type { LogOptions } from './options.js';
import type { RangeJob, RangeResult } from './range-worker.js';
import { emptyLogStats, logRows, type LogRows, type LogStats } from './row-reader.js';

/** E-mail logs at least this large are read in two byte ranges at once (below it one pass is quick). */
export const PARALLEL_LOG_MIN_BYTES = 64 * 2 ** 20;

export interface ParallelPlan {
  /** First byte of the second range: just after a newline near the middle of the file. */
  split: number;
  size: number;
  header: string[];
  workerUrl: URL;
}

/**
 * Whether (and where) to read a log in two byte ranges on two cores. Only when the result is certain
 * to equal one pass: e-mail logs (no channels) whose every weight is a whole number (splitWeight off,
 * broadcasts dropped) — sums of whole numbers do not depend on their order — of at least
 * parallelMinBytes, with a compiled worker and a second core. Null: read in one pass.
 */
export async function parallelPlan(path: string, o: LogOptions): Promise<ParallelPlan | null> {
  if (o.kind !== 'email' || o.splitWeight || o.broadcast !== 'drop' || availableParallelism() < 2) return null;
  const workerUrl = o.workerUrl ?? new URL('./range-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(workerUrl))) return null;
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size < (o.parallelMinBytes ?? PARALLEL_LOG_MIN_BYTES)) return null;
    const head = Buffer.allocUnsafe(Math.min(size, 1 << 16));
    await fh.read(head, 0, head.length, 0);
    let header: string[] | null = null;
    const first = new CsvByteScanner((buf, st, en, nf) => {
      header ??= Array.from({ length: nf }, (_, i) => fieldText(buf, st[i]!, en[i]!));
      first.stop();
    });
    first.feed(head, false);
    if (header === null) return null;
    const r = resolveColumns(o.kind, header);
    if (r.problems.length > 0 || r.index.channel !== undefined) return null;
    const probe = Buffer.allocUnsafe(Math.min(1 << 16, size - Math.floor(size / 2)));
    const at = Math.floor(size / 2);
    const { bytesRead } = await fh.read(probe, 0, probe.length, at);
    const nl = probe.subarray(0, bytesRead).indexOf(10);
    if (nl < 0) return null;
    return { split: at + nl + 1, size, header, workerUrl };
  } finally {
    await fh.close();
  }
}

/**
 * Reads [0, split) in this thread and [split, size) in a worker with the same row rules, then merges:
 * the worker's people are numbered after this thread's in their first-seen order (PeopleIndex.absorb),
 * its (window, pair) totals added in, its counts summed, the time spans joined — what one pass gives.
 * Returns null (the caller then reads in one pass) when the split fell inside a row or a quoted field,
 * or when either range met any problem, so problems keep their row numbers.
 */
export async function readInParallel(
  path: string,
  plan: ParallelPlan,
  o: LogOptions,
  file: string,
  roster: readonly Person[] | null,
): Promise<{ rows: LogRows; stats: LogStats; problems: ProblemCollector } | null> {
  const { onProgress: _p, signal: _s, workerUrl: _w, ...plain } = o;
  const job: RangeJob = {
    path,
    file,
    from: plan.split,
    to: plan.size,
    header: plan.header,
    options: plain,
    roster: roster ? [...roster] : null,
  };
  const worker = new Worker(plan.workerUrl, { workerData: job });
  const other = new Promise<RangeResult | null>((resolve) => {
    worker.once('message', (m: RangeResult | { error: string }) => resolve('error' in m ? null : m));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  try {
    const stats = emptyLogStats();
    const problems = new ProblemCollector();
    const rows = logRows(o, file, roster, stats, problems);
    const mine = await scanRange(path, rows.scanner, 0, plan.split, false, { onProgress: o.onProgress, signal: o.signal });
    if (mine.used !== plan.split || problems.list().length > 0 || rows.header() === null) return null;
    const theirs = await other;
    if (theirs === null || theirs.problems > 0) return null;
    const map = rows.people.absorb(theirs, roster?.length ?? 0);
    const { win, src, dst, wc } = theirs.pairs;
    for (let e = 0; e < win.length; e++) rows.pairs.add(win[e]!, map[src[e]!]!, map[dst[e]!]!, wc[2 * e]!, wc[2 * e + 1]!);
    const sums = stats as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(theirs.stats)) {
      const mineV = sums[k];
      if (typeof v === 'number' && typeof mineV === 'number') sums[k] = mineV + v;
    }
    if (theirs.span[0]! < rows.span[0]!) rows.span[0] = theirs.span[0]!;
    if (theirs.span[1]! > rows.span[1]!) rows.span[1] = theirs.span[1]!;
    const p = mine.progress;
    stats.progress = { ...p, bytesRead: plan.size, totalBytes: plan.size, rows: p.rows + theirs.rows };
    o.onProgress?.(stats.progress);
    return { rows, stats, problems };
  } finally {
    void worker.terminate();
  }
}
