import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEmailLog, writeNetwork, type NetworkSpec } from './generate.js';
import { runInterleaved, summarise, type RepeatPlan, type StepSummary } from './harness.js';
import { STEPS_PY } from './python.js';
import { renderReport, type BenchRow } from './report.js';
import { repoRoot } from '../repo-root.js';
import { syntheticRoster, syntheticTies } from '../harness/synthetic.js';

/**
 * `npm run bench [-- --quick] [-- --reps 5]`: generates seeded school/district networks and an e-mail
 * log under temp/bench (reused when present), then measures leadmap, igraph and networkx on the same
 * files in one run, each step a child process (median time, peak RSS), leadmap and igraph interleaved
 * repetition by repetition with the machine's load recorded beside every run, and writes the table
 * with ratios, their spread and a verdict (yes / no / unsure when the spread crosses the target) to
 * docs/performance.md (quick runs: temp/bench/performance-quick.md).
 * `--only district,logs` runs only those rows (keys: ingest, betweenness, closeness, pagerank, louvain,
 * approx, approxcloseness, district, logs, school, analyze, change, survey, report; no API load test) and writes temp/bench/<size>/performance-only.md,
 * never docs/performance.md.
 */
const repo = repoRoot();
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsArg = args.indexOf('--reps');
/** At least 5 repetitions per row (3 for a step whose first run takes 10 s or more): a verdict needs a spread. */
const reps = repsArg >= 0 ? Math.max(1, Number(args[repsArg + 1])) : 5;
const longReps = Math.min(reps, 3);
const onlyArg = args.indexOf('--only');
const only =
  onlyArg >= 0
    ? new Set(
        (args[onlyArg + 1] ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
    : null;
const dir = join(repo, 'temp', 'bench', quick ? 'quick' : 'full');
const log = (s: string) => process.stderr.write(s + '\n');

const SIZES = quick
  ? {
      big: { people: 20_000, ties: 400_000 },
      mid: { people: 2_000, ties: 40_000 },
      district: { people: 7_500, ties: 100_000 },
      logRows: 1_000_000,
      logPeople: 5_000,
    }
  : {
      big: { people: 100_000, ties: 2_000_000 },
      mid: { people: 10_000, ties: 200_000 },
      district: { people: 75_000, ties: 1_000_000 },
      logRows: 25_000_000,
      logPeople: 20_000,
    };

const REPORT_WAVE = { people: 20_000, ties: 200_000 };

function spec(s: { people: number; ties: number }, seed: number, schoolSize = 500): NetworkSpec {
  return { ...s, seed, schoolSize: Math.min(schoolSize, s.people), deptSize: 15 };
}

/** Writes the whitespace-separated twin (source target weight) igraph's Read_Ncol reads. */
async function ncolTwin(csv: string): Promise<string> {
  const out = csv.replace(/\.csv$/, '.ncol');
  if (existsSync(out)) return out;
  await new Promise<void>((done, fail) => {
    const w = createWriteStream(out + '.part');
    let first = true;
    let rest = '';
    const r = createReadStream(csv, { encoding: 'utf8' });
    r.on('data', (chunk) => {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      if (first) {
        lines.shift();
        first = false;
      }
      w.write(
        lines
          .map((l) => {
            const c = l.split(',');
            return `${c[0]} ${c[1]} ${c[c.length - 1]}`;
          })
          .join('\n') + '\n',
      );
    });
    r.on('end', () => {
      if (rest) {
        const c = rest.split(',');
        w.write(`${c[0]} ${c[1]} ${c[c.length - 1]}\n`);
      }
      w.end(() => done());
    });
    r.on('error', fail);
  });
  spawnSync('mv', [out + '.part', out]);
  return out;
}

function pythonWith(module: string): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', `import ${module}`]).status === 0) return py;
  }
  return null;
}

function ensureIgraph(): string | null {
  let py = pythonWith('igraph');
  if (py) return py;
  log('igraph not found: apt-get install -y python3-igraph');
  spawnSync('apt-get', ['install', '-y', 'python3-igraph'], { stdio: 'inherit' });
  py = pythonWith('igraph');
  return py;
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  log(`leadmap bench (${quick ? 'quick' : 'full'}, ${reps} repetition(s)) in ${dir}`);
  const f = (name: string) => join(dir, name);
  log('generating data (seeded; reused when present)…');
  /** True when one of these rows runs (generation and the Python twins are skipped for rows left out by --only). */
  const want = (...keys: string[]) => only === null || keys.some((k) => only.has(k));
  if (want('ingest', 'pagerank', 'louvain')) writeNetwork(spec(SIZES.big, 11), f('big-roster.csv'), f('big-ties.csv'));
  if (want('betweenness', 'closeness', 'approx', 'analyze')) writeNetwork(spec(SIZES.mid, 7), f('mid-roster.csv'), f('mid-ties.csv'));
  if (want('district', 'approxcloseness')) writeNetwork(spec(SIZES.district, 23), f('district-roster.csv'), f('district-ties.csv'));
  if (want('school'))
    writeNetwork({ people: 150, ties: 1500, seed: 5, schoolSize: 150, deptSize: 12 }, f('school-roster.csv'), f('school-ties.csv'), [
      'curriculum',
      'behaviour',
      'assessment',
      'technology',
    ]);
  // The report's wave: the synthetic 20,000-person / 200,000-tie wave of the load tests, in quick and full runs alike.
  if (want('report') && !existsSync(f('report-ties.csv'))) {
    writeFileSync(f('report-roster.csv'), syntheticRoster(REPORT_WAVE.people));
    writeFileSync(f('report-ties.csv'), syntheticTies(REPORT_WAVE.people, REPORT_WAVE.ties));
  }
  if (want('logs')) writeEmailLog(spec({ people: SIZES.logPeople, ties: SIZES.logPeople * 20 }, 31), SIZES.logRows, 12, f('email-log.csv'));
  const bigN = want('ingest', 'pagerank', 'louvain') ? await ncolTwin(f('big-ties.csv')) : '';
  const midN = want('betweenness', 'closeness', 'analyze') ? await ncolTwin(f('mid-ties.csv')) : '';
  const schoolN = want('school') ? await ncolTwin(f('school-ties.csv')) : '';
  const py = join(dir, 'steps.py');
  writeFileSync(py, STEPS_PY);
  const igraphPy = want('ingest', 'betweenness', 'closeness', 'pagerank', 'louvain', 'school', 'analyze') ? ensureIgraph() : null;
  const nxPy = pythonWith('networkx');
  const node = process.execPath;
  const step = join(dirname(fileURLToPath(import.meta.url)), 'step.js');
  const timeout = quick ? 300_000 : 900_000;
  let current = '';
  /** Names the row whose steps run next (for --only). */
  const at = (key: string): string => {
    current = key;
    return key;
  };
  const plan = (n: number): RepeatPlan => ({ reps: n, longReps: Math.min(n, longReps), timeoutMs: timeout });
  const skip = () => only !== null && !only.has(current);
  const run = (label: string, argv: string[] | null, n = reps, side = 'leadmap'): StepSummary | null => {
    if (argv === null || skip()) return null;
    log(`  ${label}`);
    return runInterleaved([{ label: side, argv }], plan(n), log)[0]!;
  };
  /** leadmap and igraph on the same step, interleaved run by run (networkx, when given, once afterwards). */
  const pair = (
    label: string,
    lmArgv: string[],
    igArgv: string[] | null,
    nxArgv: string[] | null = null,
  ): Pick<BenchRow, 'leadmap' | 'igraph' | 'networkx'> => {
    if (skip()) return { leadmap: null, igraph: null, networkx: null };
    log(`  ${label}: leadmap and igraph interleaved`);
    const [leadmap, igraph] = runInterleaved(
      [
        { label: 'leadmap', argv: lmArgv },
        { label: 'igraph', argv: igArgv },
      ],
      plan(reps),
      log,
    );
    const networkx = nxArgv === null ? null : run(`${label}: networkx`, nxArgv, 1, 'networkx');
    return { leadmap: leadmap ?? null, igraph: igraph ?? null, networkx };
  };
  const lm = (task: string, ...a: string[]) => [node, step, task, ...a];
  const ig = (task: string, ...a: string[]) => (igraphPy ? [igraphPy, py, 'igraph', task, ...a] : null);
  const nx = (task: string, ...a: string[]) => (nxPy ? [nxPy, py, 'networkx', task, ...a] : null);
  const sizeOf = (s: { people: number; ties: number }) =>
    `${(s.people / 1000).toLocaleString('en-US')}k people / ${(s.ties / 1e6).toLocaleString('en-US')}M tie rows`;
  const rows: BenchRow[] = [];

  rows.push({
    key: at('ingest'),
    title: 'Ingest tie CSV',
    size: sizeOf(SIZES.big),
    ...pair('ingest (igraph Read_Ncol)', lm('ingest', f('big-ties.csv')), ig('ingest', bigN), nx('ingest', bigN)),
    target: { ratio: 0.5, rssMb: 300 },
  });
  const exactFile = f('mid-betweenness.f64');
  at('betweenness');
  const bcPair = pair('exact betweenness', lm('betweenness', f('mid-ties.csv'), exactFile), ig('betweenness', midN));
  const bc = bcPair.leadmap;
  rows.push({
    key: at('betweenness'),
    title: 'Exact betweenness',
    size: sizeOf(SIZES.mid),
    ...bcPair,
    target: { ratio: 0.6 },
  });
  rows.push({
    key: at('closeness'),
    title: 'Exact closeness (incoming)',
    size: sizeOf(SIZES.mid),
    ...pair('exact closeness', lm('closeness', f('mid-ties.csv')), ig('closeness', midN)),
    target: { ratio: 0.25 },
  });
  rows.push({
    key: at('pagerank'),
    title: 'PageRank (α 0.85, L1 tol 1e-10)',
    size: sizeOf(SIZES.big),
    ...pair('pagerank (igraph prpack)', lm('pagerank', f('big-ties.csv')), ig('pagerank', bigN), nx('pagerank', bigN)),
    target: { ratio: 1.0 },
  });
  rows.push({
    key: at('louvain'),
    title: 'Louvain communities',
    size: sizeOf(SIZES.big),
    ...pair('louvain (igraph multilevel)', lm('louvain', f('big-ties.csv')), ig('louvain', bigN), quick ? nx('louvain', bigN) : null),
    target: { ratio: 0.8 },
  });
  const approxRuns: StepSummary[] = [];
  at('approx');
  if (bc?.ms !== null && bc !== null && (only === null || only.has('approx'))) {
    for (let seed = 1; seed <= 10; seed++) {
      const s = run(`approx betweenness seed ${seed}`, lm('approx', f('mid-ties.csv'), exactFile, String(seed)), 1);
      if (s) approxRuns.push(s);
    }
  }
  rows.push({
    key: at('approx'),
    title: 'Approximate betweenness (10 seeds)',
    size: sizeOf(SIZES.mid),
    leadmap: mergeRuns(approxRuns),
    igraph: null,
    networkx: null,
    target: { ofExact: 0.3 },
    approx: approxRuns.flatMap((s) => s.runs.map((r) => r.extra)),
  });
  const clRuns: StepSummary[] = [];
  at('approxcloseness');
  if (only === null || only.has('approxcloseness')) {
    for (let seed = 1; seed <= 3; seed++) {
      const s = run(`approx closeness seed ${seed} (and exact)`, lm('approx-closeness', f('district-ties.csv'), String(seed)), 1);
      if (s) clRuns.push(s);
    }
  }
  const clMerged = mergeRuns(clRuns);
  const clExactMs = clMerged ? Number(clMerged.runs[0]!.extra.exactMs) : NaN;
  rows.push({
    key: at('approxcloseness'),
    title: 'Approximate closeness (4,096 sampled sources, 3 seeds) beside exact',
    size: sizeOf(SIZES.district),
    leadmap: clMerged,
    igraph: null,
    networkx: null,
    target: { ofExact: 0.3 },
    exactMs: clExactMs,
    approx: clRuns.flatMap((s) => s.runs.map((r) => r.extra)),
  });
  rows.push({
    key: at('district'),
    title: 'District: ingest + all core metrics (betweenness and closeness approximate, with their errors) + every analytics section',
    size: sizeOf(SIZES.district),
    leadmap: run('district leadmap', lm('district', f('district-ties.csv'), f('district-roster.csv'))),
    igraph: null,
    networkx: null,
    target: { seconds: 30, rssMb: 1536 },
  });
  rows.push({
    key: at('logs'),
    title: 'E-mail log → monthly weighted ties',
    size: `${(SIZES.logRows / 1e6).toLocaleString('en-US')}M rows`,
    leadmap: run('email log leadmap', lm('logs', f('email-log.csv'), f('email-ties.csv'))),
    igraph: null,
    networkx: null,
    target: { seconds: 30, rssMb: 800 },
  });
  rows.push({
    key: at('school'),
    title: 'School: load + core metrics + all analytics sections',
    size: '150 people / 1,500 tie rows',
    ...pair('school (igraph: core centralities only)', lm('school', f('school-ties.csv'), f('school-roster.csv')), ig('school', schoolN)),
    networkx: run('school networkx (core centralities only)', nx('school', schoolN), reps, 'networkx'),
    target: { seconds: 1 },
  });
  // Exact first: igraph's core centralities are exact, so this is the like-for-like row; then the default
  // (betweenness estimated above 5,000 people, with its error stated), which is what a user gets unasked.
  rows.push({
    key: at('analyze'),
    title:
      '`leadmap analyze --json --exact`: load + exact core metrics + every analytics section + the district sections (igraph: exact core centralities only)',
    size: sizeOf(SIZES.mid),
    ...pair(
      'analyze --json --exact (igraph: core centralities only)',
      lm('analyze', f('mid-ties.csv'), f('mid-roster.csv'), 'exact'),
      ig('school', midN),
    ),
    target: { ratio: 0.5 },
  });
  rows.push({
    key: at('analyze'),
    title:
      '`leadmap analyze --json` as a user runs it (betweenness estimated above 5,000 people, its error stated): every section (igraph: exact core centralities only)',
    size: sizeOf(SIZES.mid),
    ...pair(
      'analyze --json (igraph: core centralities only)',
      lm('analyze', f('mid-ties.csv'), f('mid-roster.csv'), 'default'),
      ig('school', midN),
    ),
    target: { ratio: 0.5 },
  });
  rows.push({
    key: at('change'),
    title: 'Change between two waves: all staff and stable core, 1,000 bootstrap replicates',
    size: '150 people, two waves',
    leadmap: run('change leadmap', lm('change', '1000')),
    igraph: null,
    networkx: null,
    target: { seconds: 2 },
  });

  for (const edition of ['named', 'anonymised'])
    rows.push({
      key: at('report'),
      title: `Annual report PDF, ${edition} edition (leadmap report: load, analysis, report, PDF)`,
      size: `${REPORT_WAVE.people.toLocaleString('en-US')} people / ${REPORT_WAVE.ties.toLocaleString('en-US')} tie rows`,
      leadmap: run(
        `report leadmap (${edition})`,
        lm('report', f('report-roster.csv'), f('report-ties.csv'), edition, f(`report-${edition}.pdf`)),
      ),
      igraph: null,
      networkx: null,
      target: { seconds: 20, rssMb: 1024 },
    });

  if (only === null || only.has('survey')) {
    const { writeSurveyExport } = await import('./survey.js');
    await writeSurveyExport(30_000, f('survey-export-30k.csv'), f('survey-export-30k-roster.csv'));
  }
  rows.push({
    key: at('survey'),
    title: 'Survey export import (Google Forms shape: e-mail + name identity, 3 name questions, accents, NFD)',
    size: '30,000 rows / 30,000 roster',
    leadmap: run('survey import leadmap', lm('survey', f('survey-export-30k.csv'), f('survey-export-30k-roster.csv'))),
    igraph: null,
    networkx: null,
    target: { seconds: 10 },
  });

  const loadApi = only === null ? await runLoadApi(log) : null;
  const machine =
    `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ` +
    `load average (1 min) ${loadStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine slows both sides, and takes the second core from leadmap's worker threads)`;
  const report = renderReport({
    rows: only === null ? rows : rows.filter((r) => only.has(r.key)),
    quick,
    reps,
    machine,
    minutes: (Date.now() - started) / 60000,
    loadApi,
  });
  const outPath =
    only !== null ? join(dir, 'performance-only.md') : quick ? join(dir, 'performance-quick.md') : join(repo, 'docs', 'performance.md');
  // The state benchmark's section (tools/bench/state.ts, minutes of its own) is carried over from the file being replaced.
  const kept = existsSync(outPath) ? /<!-- STATE-BENCH:BEGIN -->[\s\S]*<!-- STATE-BENCH:END -->/.exec(readFileSync(outPath, 'utf8')) : null;
  writeFileSync(outPath, kept ? `${report.trimEnd()}\n\n${kept[0]}\n` : report);
  log(`\nwrote ${outPath}`);
  process.stdout.write(report.slice(report.indexOf('## Results')));
}

function mergeRuns(list: StepSummary[]): StepSummary | null {
  const runs = list.flatMap((s) => s.runs).filter((r) => r.ok);
  return runs.length === 0 ? null : summarise(runs);
}

/** The API load test (tools/bench/load-api.ts, by the server's developer), when it is built. */
async function runLoadApi(logLine: (s: string) => void): Promise<string | null> {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'load-api.js');
  if (!existsSync(path)) return null;
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    const fn = Object.values(mod).find((v): v is (o: object) => Promise<unknown> => typeof v === 'function');
    if (!fn) return null;
    logLine('  API load test');
    const result = await fn({ quick, dir });
    return typeof result === 'string' ? result : '```json\n' + JSON.stringify(result, null, 2) + '\n```';
  } catch (err) {
    return `API load test failed: ${(err as Error).message}`;
  }
}

main().catch((err) => {
  process.stderr.write(String((err as Error)?.stack ?? err) + '\n');
  process.exit(1);
});
