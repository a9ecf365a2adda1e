import { readFileSync, writeFileSync } from 'node:fs';
import { readTiesCsr } from '../../src/fastpath/ingest-ties.js';
import { exactBetweenness, fastCloseness } from '../../src/fastpath/paths.js';
import { approxBetweenness } from '../../src/fastpath/approx-betweenness.js';
import { approxClosenessAndSpectral } from '../../src/fastpath/approx-closeness.js';
import { pageRankGaussSeidel } from '../../src/fastpath/kernels/pagerank-gs.js';
import { louvain } from '../../src/fastpath/kernels/louvain.js';
import { analyzeLargeTiesFile } from '../../src/fastpath/analyze-large.js';
import { readInteractionLog, writeTiesCsv } from '../../src/ingest/logs/index.js';
import type { Csr } from '../../src/graph/csr.js';
import { defaultWorkerUrl } from '../../src/fastpath/pool.js';

/**
 * One measured benchmark step, run as its own process by the harness (so peak RSS is the step's):
 *   node dist-tools/tools/bench/step.js <task> <args…>
 * Prints one JSON line {"ms": <time of the measured work>, …extras}. The file read is included in
 * "ingest", "district" and "logs" and excluded from the algorithm steps (as for igraph and networkx).
 */
async function load(path: string): Promise<Csr> {
  const r = await readTiesCsr(path);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.graph;
}

function topOverlap(exact: Float64Array, est: Float64Array, k: number): number {
  const top = (a: Float64Array) =>
    Array.from(a.keys())
      .sort((x, y) => a[y]! - a[x]!)
      .slice(0, k);
  const truth = new Set(top(exact));
  return top(est).filter((i) => truth.has(i)).length;
}

function medianRelError(exact: Float64Array, est: Float64Array, k: number): number {
  const order = Array.from(exact.keys())
    .sort((x, y) => exact[y]! - exact[x]!)
    .slice(0, k);
  const errs = order.map((i) => Math.abs(est[i]! - exact[i]!) / exact[i]!).sort((a, b) => a - b);
  return errs[Math.floor(errs.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  // Without the compiled worker script the kernels fall back to this one thread: measure what users run.
  if (defaultWorkerUrl() === null) throw new Error('src/fastpath/worker.ts is not built into dist-tools (tools/tsconfig.json include)');
  const t0 = performance.now();
  let out: Record<string, unknown>;
  switch (task) {
    case 'ingest': {
      const g = await load(args[0]!);
      out = { ms: performance.now() - t0, n: g.n, m: g.m };
      break;
    }
    case 'betweenness': {
      const g = await load(args[0]!);
      const t = performance.now();
      const bc = await exactBetweenness(g);
      out = { ms: performance.now() - t, n: g.n, m: g.m };
      if (args[1]) writeFileSync(args[1], Buffer.from(bc.buffer, bc.byteOffset, bc.byteLength));
      break;
    }
    case 'closeness': {
      const g = await load(args[0]!);
      const t = performance.now();
      await fastCloseness(g);
      out = { ms: performance.now() - t };
      break;
    }
    case 'pagerank': {
      const g = await load(args[0]!);
      const t = performance.now();
      const pr = pageRankGaussSeidel(g, 0.85, 1e-10);
      out = { ms: performance.now() - t, sweeps: pr.sweeps };
      break;
    }
    case 'louvain': {
      const g = await load(args[0]!);
      const t = performance.now();
      const r = louvain(g, 1);
      out = { ms: performance.now() - t, communities: r.count, modularity: r.modularity };
      break;
    }
    case 'approx': {
      const g = await load(args[0]!);
      const seed = Number(args[2] ?? 1);
      const t = performance.now();
      const a = await approxBetweenness(g, { seed });
      const ms = performance.now() - t;
      const raw = readFileSync(args[1]!);
      const exact = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
      out = {
        ms,
        samples: a.samples,
        seed,
        top10: topOverlap(exact, a.values, 10),
        top100: topOverlap(exact, a.values, 100),
        medianRelError100: medianRelError(exact, a.values, 100),
        reportedTopRelError: a.topRelativeError,
      };
      break;
    }
    case 'approx-closeness': {
      // Source-sampled closeness against exact closeness of the same network: time of each, and how
      // good the estimate and its stated error are.
      const g = await load(args[0]!);
      const seed = Number(args[1] ?? 1);
      const t = performance.now();
      const exact = await fastCloseness(g);
      const exactMs = performance.now() - t;
      const t2 = performance.now();
      const { closeness: a } = await approxClosenessAndSpectral(g, { seed, spectral: false });
      const ms = performance.now() - t2;
      let covered = 0;
      let reached = 0;
      for (let v = 0; v < g.n; v++) {
        if (exact[v] === 0 && a.values[v] === 0) continue;
        reached++;
        if (Math.abs(a.values[v]! - exact[v]!) <= a.halfWidth95[v]!) covered++;
      }
      out = {
        ms,
        exactMs,
        samples: a.samples,
        seed,
        top10: topOverlap(exact, a.values, 10),
        top100: topOverlap(exact, a.values, 100),
        medianRelError100: medianRelError(exact, a.values, 100),
        maxAbsError: Math.max(...Array.from(exact.keys()).map((i) => Math.abs(a.values[i]! - exact[i]!))),
        maxValue: Math.max(...exact),
        coverage95: covered / Math.max(1, reached),
        reportedTopRelError: a.topRelativeError,
      };
      break;
    }
    case 'district': {
      const r = await analyzeLargeTiesFile(args[0]!, { roster: args[1], sections: true });
      if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
      const parts = Object.fromEntries(Object.entries(r.metrics.timingsMs).map(([k, v]) => [`${k}Ms`, Math.round(v)]));
      out = {
        ms: performance.now() - t0,
        ingestMs: Math.round(r.timings.ingestMs!),
        sectionsMs: Math.round(r.timings.sectionsMs ?? 0),
        schools: r.district?.schools.length ?? 0,
        ...parts,
        n: r.metrics.network.people,
        m: r.metrics.network.ties,
        betweennessMethod: r.metrics.betweennessMethod,
        closenessMethod: r.metrics.closenessMethod,
      };
      break;
    }
    case 'logs': {
      const r = await readInteractionLog(args[0]!, { kind: 'email', window: 'month' });
      if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
      const ties = writeTiesCsv(r.aggregate, args[1]!);
      out = { ms: performance.now() - t0, rows: r.stats.rowsRead, pairs: r.aggregate.pairs.size, ties };
      break;
    }
    case 'school': {
      const { runSchool } = await import('./school.js');
      out = await runSchool(args[0]!, args[1]!);
      break;
    }
    case 'analyze': {
      const { runAnalyzeBench } = await import('./analyze-step.js');
      out = await runAnalyzeBench(args[0]!, args[1]!, args[2] === 'exact');
      break;
    }
    case 'survey': {
      const { runSurveyBench } = await import('./survey.js');
      out = await runSurveyBench(args[0]!, args[1]!);
      break;
    }
    case 'report': {
      const { runReportBench } = await import('./report-step.js');
      out = await runReportBench(args[0]!, args[1]!, args[2]!, args[3]!);
      break;
    }
    case 'change': {
      const { runChangeBench } = await import('./change-waves.js');
      out = runChangeBench(Number(args[0] ?? 1000));
      break;
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String((err as Error)?.stack ?? err) + '\n');
    process.exit(1);
  },
);
