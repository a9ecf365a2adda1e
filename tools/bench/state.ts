/**
 * The state benchmark (issue 20): a synthetic 500-school state (about 30,000 staff) through `leadmap
 * batch` on PostgreSQL with 1, 2 and 4 `leadmap worker` processes, and embedded on worker threads,
 * while 50 concurrent readers (autocannon) read a 400-person wave's analysis, graph, school list and
 * a domain analysis from a `leadmap serve` on the same PostgreSQL. Reports schools per minute and the
 * readers' latency per run, and writes them into docs/performance.md (between the STATE-BENCH markers,
 * which `npm run bench` keeps).
 *   npm run build && npm run build:tools && node dist-tools/tools/bench/state.js [--schools 500] [--workers 1,2,4] [--no-doc]
 * PostgreSQL: LEADMAP_BENCH_DATABASE_URL, else a temporary cluster as the tests start one (test/helpers/postgres.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signInCookie, startChildServer, stopGracefully } from '../harness/child-server.js';
import { syntheticRoster, syntheticTies } from '../harness/synthetic.js';
import { productRunJs, repoRoot } from '../repo-root.js';
import { startTestPostgres } from '../../test/helpers/postgres.js';
import { writeState } from './state-schools.js';

const { values } = parseArgs({
  options: { schools: { type: 'string' }, workers: { type: 'string' }, 'no-doc': { type: 'boolean' }, readers: { type: 'string' } },
});
const schools = Number(values.schools ?? 500);
const workerCounts = (values.workers ?? '1,2,4').split(',').map(Number);
const connections = Number(values.readers ?? 50);
const repo = repoRoot();
const bin = join(repo, 'dist', 'cli', 'bin.js');
const base = join(repo, 'temp', 'bench', 'state', String(schools));
const log = (s: string): void => void process.stderr.write(s + '\n');

interface Latency {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
}
interface BatchRun {
  label: string;
  seconds: number;
  summary: { schools: number; done: number; failed: number; retried: number };
  readers: Latency;
  load: [number, number];
}

function node(args: string[], env: NodeJS.ProcessEnv): ChildProcess & { done: Promise<{ code: number; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return Object.assign(child, { done });
}

async function startWorker(url: string, dataDir: string): Promise<ChildProcess> {
  const w = node(['worker', '--data-dir', dataDir], { DATABASE_URL: url });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    w.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker started')) resolve();
    });
    w.once('exit', (code) => reject(new Error(`worker exited (${code}) before starting`)));
  });
  return w;
}

/** Readers until `until` settles (or for `seconds`), then their latency. */
function readers(url: string, cookie: string, paths: string[], until: Promise<unknown> | number): Promise<Latency> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: typeof until === 'number' ? until : 24 * 3600,
        headers: { cookie },
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
      },
      (err, r) => {
        if (err) reject(err);
        else
          resolve({ p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, errors: r.non2xx + r.errors });
      },
    );
    if (typeof until !== 'number') void until.finally(() => instance.stop());
  });
}

/** One markdown row of the results table. */
function row(r: BatchRun): string {
  return `| ${r.label} | ${r.summary.done} / ${r.summary.schools} | ${r.seconds.toFixed(0)} | **${((r.summary.done / r.seconds) * 60).toFixed(0)}** | ${r.readers.requests} | ${r.readers.p50} | **${r.readers.p99}** | ${r.readers.max} | ${r.readers.errors} | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`;
}

async function main(): Promise<void> {
  if (!existsSync(bin) || !existsSync(productRunJs())) throw new Error('run npm run build first');
  const input = join(base, 'input');
  let staff: number;
  if (existsSync(join(base, 'staff.txt'))) staff = Number(readFileSync(join(base, 'staff.txt'), 'utf8'));
  else {
    rmSync(input, { recursive: true, force: true });
    staff = writeState(input, schools);
    writeFileSync(join(base, 'staff.txt'), String(staff));
  }
  log(`state: ${schools} schools, ${staff} staff in ${input}`);
  const given = process.env.LEADMAP_BENCH_DATABASE_URL;
  const pg = given ? null : await startTestPostgres();
  const url = given ?? (await pg!.freshSchemaUrl());
  const dataDir = join(base, `data-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const env = { DATABASE_URL: url };
  const runs: BatchRun[] = [];
  let alone: Latency;
  const setupWorker = await startWorker(url, dataDir);
  const srv = await startChildServer(productRunJs(), dataDir, env);
  try {
    const cookie = await signInCookie(srv.url, 'admin', 'crash-test-admin-pw');
    const call = async (method: string, path: string, body?: unknown): Promise<{ school?: { id: string }; wave?: { id: string } }> => {
      const init: RequestInit = { method, headers: { cookie } };
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      return (await (await fetch(srv.url + path, init)).json()) as { school?: { id: string }; wave?: { id: string } };
    };
    const school = (await call('POST', '/api/schools', { slug: 'readers', name: 'Readers' })).school!.id;
    const wave = (await call('POST', `/api/schools/${school}/waves`, { label: 'read' })).wave!.id;
    const form = new FormData();
    form.append('roster', new Blob([syntheticRoster(400)]), 'roster.csv');
    form.append('ties', new Blob([syntheticTies(400, 4000, 3)]), 'ties.csv');
    await call('POST', `/api/waves/${wave}/uploads?wait=1`, form);
    const paths = [
      `/api/waves/${wave}/analysis`,
      `/api/waves/${wave}/graph`,
      '/api/schools',
      `/api/waves/${wave}/analysis?domain=curriculum`,
    ];
    // Warm the server's view cache: each read answered 200 (computed by the worker) before the readers start.
    for (const p of paths)
      for (let t = 0; (await fetch(srv.url + p, { headers: { cookie } })).status !== 200; t++) {
        if (t > 600) throw new Error(`${p} never answered 200`);
        await new Promise((r) => setTimeout(r, 100));
      }
    await stopGracefully(setupWorker);
    await readers(srv.url, cookie, paths, 3);
    alone = await readers(srv.url, cookie, paths, 10);
    log(`readers alone: p99 ${alone.p99} ms`);

    const batch = async (label: string, batchEnv: NodeJS.ProcessEnv, extra: string[]): Promise<void> => {
      const out = join(base, `out-${label.replace(/\W+/g, '-')}-${Date.now()}`);
      const load0 = loadavg()[0]!;
      const started = Date.now();
      const child = node(['batch', input, '--out', out, '--json', '--no-district', '--wave', '2025-26', ...extra], batchEnv);
      const reading = readers(srv.url, cookie, paths, child.done);
      const r = await child.done;
      const seconds = (Date.now() - started) / 1000;
      const latency = await reading;
      if (r.stdout.trim() === '') throw new Error(`batch printed nothing: ${r.stderr.slice(-2000)}`);
      const summary = JSON.parse(r.stdout) as BatchRun['summary'];
      runs.push({ label, seconds, summary, readers: latency, load: [load0, loadavg()[0]!] });
      log(row(runs.at(-1)!));
      log(`${label}: ${seconds.toFixed(1)} s, ${((summary.done / seconds) * 60).toFixed(0)} schools/min, readers p99 ${latency.p99} ms`);
      rmSync(out, { recursive: true, force: true });
    };
    for (const n of workerCounts) {
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url, dataDir)));
      try {
        await batch(`PostgreSQL, ${n} leadmap worker process${n > 1 ? 'es' : ''}`, env, ['--wait']);
      } finally {
        await Promise.all(workers.map(stopGracefully));
      }
    }
    await batch('embedded, 2 worker threads (no DATABASE_URL)', { DATABASE_URL: '' }, ['--threads', '2']);
  } finally {
    await stopGracefully(setupWorker);
    await stopGracefully(srv.child);
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const md = `<!-- STATE-BENCH:BEGIN -->
### District and state scale: \`leadmap batch\` of ${schools} schools

Run on ${new Date().toISOString().slice(0, 10)} by \`node dist-tools/tools/bench/state.js\` (tools/bench/state.ts): a synthetic state of
${schools} schools and ${staff.toLocaleString('en')} staff (30–90 per school; roster, ties of 3 domains per respondent, respondents;
tools/bench/state-schools.ts), each school analysed (\`<school>.json\`) and reported (\`<school>.pdf\`) by
\`leadmap batch --wait --no-district\`; on PostgreSQL (a local cluster, fsync off) by 1, 2 and 4 \`leadmap worker\`
processes (one job at a time each), and embedded on 2 worker threads. Throughout each run ${connections} concurrent readers
(autocannon) read a 400-person wave's analysis, graph, school list and a domain analysis from \`leadmap serve\` on the
same PostgreSQL. Readers alone: p50 ${alone.p50} ms, p99 ${alone.p99} ms (${alone.requests} requests in 10 s).

**Machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, shared with other work
(load average in the last column).** Everything — PostgreSQL, the server, the readers, the batch command and the
workers — runs on these ${availableParallelism()} cores: past 2 workers no compute is added, and what a run gains comes from a larger
share of the shared cores (taken from the readers and from other work) and from overlapping waits on the database and disk;
workers on machines of their own were not measured.

| run | schools done | seconds | schools / min | reader requests | p50 ms | p99 ms | max ms | reader errors | load avg |
|---|---|---|---|---|---|---|---|---|---|
${runs.map(row).join('\n')}
<!-- STATE-BENCH:END -->`;
  process.stdout.write(md + '\n');
  const doc = join(repo, 'docs', 'performance.md');
  if (!values['no-doc']) {
    const text = readFileSync(doc, 'utf8');
    writeFileSync(
      doc,
      /<!-- STATE-BENCH:BEGIN -->[\s\S]*<!-- STATE-BENCH:END -->/.test(text)
        ? text.replace(/<!-- STATE-BENCH:BEGIN -->[\s\S]*<!-- STATE-BENCH:END -->/, md)
        : text.replace('\n## Notes on the committed run', `\n${md}\n\n## Notes on the committed run`),
    );
    log(`wrote ${doc}`);
  }
}

main().catch((err) => {
  process.stderr.write(String((err as Error)?.stack ?? err) + '\n');
  process.exit(1);
});
