import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedFile } from '../../src/jobs/ingest-task.js';
import { openQueue, QUEUES, type OpenQueue } from '../../src/jobs/queue/pg-queue.js';
import { QueueRunner } from '../../src/jobs/queue/queue-runner.js';
import { watchForDeadWorkers } from '../../src/jobs/queue/work.js';
import { decodeViewResult } from '../../src/server/queue-worker.js';
import type { ViewResult } from '../../src/server/views/task.js';
import { openStore } from '../../src/store/index.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { compileToTemp } from '../server/helpers/build.js';
import { tempDir } from '../store/helpers.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo');
const SCHOOLS = ['highland/2025-26', 'lakeside/2025-26', 'pinewood/2025-26', 'riverside/2025-26'];

/**
 * Three `leadmap worker` processes (the compiled command) share the queue; one is killed with
 * SIGKILL in the middle of a job. Every school's ingest and analysis must finish exactly once.
 */
describe.skipIf(skipPostgres())('leadmap worker processes, one killed mid-job', () => {
  let pg: TestPostgres;
  let compiled: { dist: string; root: string };
  let q: OpenQueue;
  let store: PostgresStore;
  let url: string;
  let stopWatching: () => void;
  const temp = tempDir();
  const dataDir = join(temp.path, 'data');
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    url = await pg.freshSchemaUrl();
    compiled = compileToTemp();
    store = (await openStore({ kind: 'postgres', url, dataDir })).store as PostgresStore;
    // This process watches for dead workers with a shorter silence limit than the workers' 5 minutes (above their 10 s heartbeat).
    q = await openQueue(url, { heartbeatSeconds: 1, staleAfterSeconds: 25, maintenanceIntervalSeconds: 2 });
    stopWatching = watchForDeadWorkers(q);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    stopWatching?.();
    await q?.boss.stop({ graceful: false, wait: true, timeout: 2000 });
    await store?.close();
    await pg?.stop();
    if (compiled) rmSync(compiled.root, { recursive: true, force: true });
    temp.remove();
  });

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [join(compiled.dist, 'cli', 'bin.js'), 'worker', '--data-dir', dataDir], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('worker started')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before starting`)));
    });
  }

  async function activeJobs(): Promise<number> {
    const r = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'active'`);
    return r.rows[0]!.n;
  }
  it('12 schools: 12 ingests and 12 analyses, each completed once, the killed job retried on another worker', async () => {
    const org = await store.ensureOrganisation('State');
    const ingest = new QueueRunner(q, QUEUES.ingest);
    const view = new QueueRunner(q, QUEUES.view, decodeViewResult);
    const received = (i: number, kind: 'roster' | 'ties', source: string): ReceivedFile => {
      const tmpPath = join(dataDir, 'tmp', `${i}-${kind}`);
      copyFileSync(source, tmpPath);
      return { kind, tmpPath, originalName: `${kind}.csv`, bytes: statSync(tmpPath).size, sha256: 'x' };
    };
    // School 0 is big (its ties repeated 400 times: seconds of reading), so the kill lands inside its job.
    const bigTies = join(temp.path, 'big-ties.csv');
    const [header, ...rows] = readFileSync(join(DEMO, SCHOOLS[0]!, 'ties.csv'), 'utf8')
      .trim()
      .split('\n');
    writeFileSync(bigTies, [header, ...Array.from({ length: 400 }, () => rows).flat()].join('\n') + '\n');

    const first = await startWorker();
    const schools = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const school = await store.createSchool(org.id, `s${i}`, `School ${i}`);
        const wave = await store.createWave(school.id, '2025-26', null);
        return { i, school, wave, folder: join(DEMO, SCHOOLS[i % 4]!) };
      }),
    );
    const run = async ({ i, school, wave, folder }: (typeof schools)[number]) => {
      const files = [received(i, 'roster', join(folder, 'roster.csv')), received(i, 'ties', i === 0 ? bigTies : join(folder, 'ties.csv'))];
      const outcome = await ingest.run<{ people: number; ties: number }>(
        { dataDir, schoolId: school.id, waveId: wave.id, files, uploadedBy: null },
        () => {},
      );
      const w = (await store.getWave(wave.id))!;
      const a = await view.run<ViewResult>(
        {
          kind: 'analysis',
          doc: 'analysis',
          wave: { id: w.id, label: w.label, dataHash: w.dataHash! },
          disclosure: 'named',
          minGroupSize: 5,
        },
        () => {},
      );
      return { outcome, analysis: JSON.parse(Buffer.from(a.body).toString()) as { analysis: { network: { people: number } } } };
    };
    const big = run(schools[0]!);
    // The first worker has taken the big ingest and is reading it: start two more, then kill the first.
    for (let t = 0; (await activeJobs()) === 0; t++) {
      if (t > 600) throw new Error('the first worker never started the big ingest');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([startWorker(), startWorker()]);
    const rest = schools.slice(1).map(run);
    first.kill('SIGKILL');
    const results = await Promise.all([big, ...rest]);

    for (const [k, r] of results.entries()) expect(r.analysis.analysis.network.people, `school ${k}`).toBe(r.outcome.people);
    expect(results[0].outcome.ties).toBeGreaterThan(400);
    const jobs = await store.pool.query<{ name: string; state: string; n: number; retried: number }>(
      `SELECT name, state, count(*)::int AS n, count(*) FILTER (WHERE retry_count > 0)::int AS retried FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(jobs.rows.map(({ name, state, n }) => ({ name, state, n }))).toEqual([
      { name: QUEUES.ingest, state: 'completed', n: 12 },
      { name: QUEUES.view, state: 'completed', n: 12 },
    ]);
    expect(jobs.rows.find((r) => r.name === QUEUES.ingest)!.retried).toBeGreaterThanOrEqual(1);
    const waves = await store.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM wave GROUP BY 1');
    expect(waves.rows).toEqual([{ status: 'ready', n: 12 }]);
    const files = await store.pool.query<{ stored_path: string }>('SELECT stored_path FROM upload_file');
    expect(files.rows).toHaveLength(24); // two per wave: no attempt stored twice
    for (const f of files.rows) expect(existsSync(join(dataDir, f.stored_path))).toBe(true);
  });
});
