import { statSync } from 'node:fs';
import type { Problem } from '../model/types.js';
import { fastCoreMetrics, type FastCoreMetrics, type FastCoreOptions } from './core.js';
import { readTiesCsr, type FastTiesOptions, type FastTiesStats } from './ingest-ties.js';

/**
 * Tie files at least this large (bytes; ~400,000 tie rows) are analysed on the fast path end to end:
 * streamed straight into typed arrays, never into graphology objects or Tie rows.
 */
export const FAST_PATH_MIN_BYTES = 16 * 1024 * 1024;

/** True when `leadmap analyze` should take the fast path for this tie file. */
export function shouldUseFastPath(tiesPath: string): boolean {
  return statSync(tiesPath).size >= FAST_PATH_MIN_BYTES;
}

export type LargeAnalyzeOptions = FastTiesOptions & FastCoreOptions;

export type LargeAnalyzeResult =
  | { ok: true; metrics: FastCoreMetrics; stats: FastTiesStats; problems: Problem[]; timings: Record<string, number> }
  | { ok: false; problems: Problem[] };

/**
 * Analyses a large tie file: stream → CSR (ids interned from bytes) → fastCoreMetrics.
 * Same selection rules (relation, domain, roster) and metric definitions as the graphology path;
 * betweenness is approximate above APPROX_BETWEENNESS_ABOVE_PEOPLE unless `exact` (the result says so).
 */
export async function analyzeLargeTiesFile(path: string, opts: LargeAnalyzeOptions = {}): Promise<LargeAnalyzeResult> {
  const t0 = performance.now();
  const read = await readTiesCsr(path, opts);
  if (!read.ok) return read;
  const t1 = performance.now();
  const metrics = await fastCoreMetrics(read.graph, opts);
  const t2 = performance.now();
  return { ok: true, metrics, stats: read.stats, problems: read.problems, timings: { ingestMs: t1 - t0, metricsMs: t2 - t1 } };
}
