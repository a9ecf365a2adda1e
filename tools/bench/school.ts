import { loadDataset } from '../../src/ingest/load-dataset.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { coreMetrics } from '../../src/metrics/core.js';
import { analyzeLeadership } from '../../src/metrics/analytics.js';

/**
 * The whole analysis of one school as a user runs it: load roster and ties, build the graph, core
 * metrics, then every analytics section (src/metrics/analytics.ts: leaders per domain, distribution,
 * formal/informal, E-I with permutation tests, risk, periphery, communities, brokerage, quality).
 */
export async function runSchool(tiesPath: string, rosterPath: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const loaded = await loadDataset({ ties: tiesPath, roster: rosterPath });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const t1 = performance.now();
  const core = coreMetrics(buildGraph(loaded.value, { relation: 'advice' }));
  const t2 = performance.now();
  const sections = Object.keys(analyzeLeadership(loaded.value)).length;
  const t3 = performance.now();
  return {
    ms: t3 - t0,
    loadMs: t1 - t0,
    coreMs: t2 - t1,
    analyticsMs: t3 - t2,
    people: core.people.length,
    ties: core.network.ties,
    sections,
  };
}
