import { basename } from 'node:path';
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

/** What `leadmap analyze` passes for a large file. */
export interface LargeAnalyzeCliOptions {
  roster?: string;
  relation?: string;
  domain?: string;
  wave?: string;
  exact?: boolean;
  json?: boolean;
  top: number;
}

/**
 * `leadmap analyze` on the fast path: prints the text summary or one JSON document
 * {network, people, selection, betweennessMethod}; returns the exit code (0 ok, 2 bad input).
 * Leadership analytics sections need the full dataset and are not computed here (docs/performance.md).
 */
export async function analyzeLargeForCli(
  tiesPath: string,
  o: LargeAnalyzeCliOptions,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): Promise<number> {
  const { formatProblems } = await import('../ingest/problems.js');
  const { fastTextReport } = await import('./report-text.js');
  const { formatProgress } = await import('../ingest/bytes/read-stream.js');
  const label = basename(tiesPath);
  io.stderr(
    `leadmap analyze: large tie file — fast path (typed arrays, all cores)${o.exact ? '' : '; betweenness approximate above 5,000 people unless --exact'}\n`,
  );
  const r = await analyzeLargeTiesFile(tiesPath, {
    roster: o.roster,
    relation: o.relation,
    domain: o.domain,
    wave: o.wave,
    exact: o.exact,
    onProgress: (p) => io.stderr(`\r${formatProgress(label, p)}`),
  });
  io.stderr('\n');
  if (!r.ok) {
    io.stderr(`leadmap analyze: the input was not loaded (nothing was analysed):\n${formatProblems(r.problems)}\n`);
    return 2;
  }
  if (r.problems.length > 0) io.stderr(formatProblems(r.problems) + '\n');
  const selection = { relation: r.stats.relation, domain: (o.domain ?? 'any').toLowerCase(), wave: o.wave ?? null };
  if (o.json)
    io.stdout(
      JSON.stringify({
        network: r.metrics.network,
        people: r.metrics.people,
        selection,
        betweennessMethod: r.metrics.betweennessMethod,
        notes: r.metrics.notes,
      }) + '\n',
    );
  else io.stdout(fastTextReport(r.metrics, o.top, selection) + '\n');
  return 0;
}
