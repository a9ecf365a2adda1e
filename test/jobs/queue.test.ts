import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedFile } from '../../src/jobs/ingest-task.js';
import { failSilentJobs, jobIdOf, openQueue, QUEUES, type OpenQueue, type QueueOptions } from '../../src/jobs/queue/pg-queue.js';
import { QueueRunner } from '../../src/jobs/queue/queue-runner.js';
import { watchForDeadWorkers, workQueue } from '../../src/jobs/queue/work.js';
import { LeadmapError } from '../../src/model/errors.js';
import { decodeViewResult, ingestRetryably, startQueueWorker, type RunningQueueWorker } from '../../src/server/queue-worker.js';
import { runIngest } from '../../src/jobs/ingest-task.js';
import { runViewTask, type ViewResult, type ViewTask } from '../../src/server/views/task.js';
import { openStore, type Store } from '../../src/store/index.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir, tinyDataset } from '../store/helpers.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo', 'riverside', '2025-26');

describe.skipIf(skipPostgres())('jobs on the PostgreSQL queue (pg-boss)', () => {
  let server: TestPostgres;
  const temp = tempDir();
  const cleanups: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  afterAll(async () => {
    await server.stop();
    temp.remove();
  });

  /** A store on a fresh schema, a queue in its own pg-boss schema, and the options a worker needs to join it. */
  async function setup(limits?: QueueOptions['limits']) {
    const url = await server.freshSchemaUrl();
    const dataDir = join(temp.path, randomBytes(4).toString('hex'));
    const { store } = await openStore({ kind: 'postgres', url, dataDir });
    cleanups.push(() => store.close());
    const opts: QueueOptions = { schema: `boss_${randomBytes(4).toString('hex')}`, limits, maintenanceIntervalSeconds: 1 };
    const q = await openQueue(url, opts);
    cleanups.push(() => q.boss.stop({ graceful: false, wait: true, timeout: 1000 }));
    return { url, dataDir, store, q, opts };
  }
  async function worker(url: string, dataDir: string, opts: QueueOptions): Promise<RunningQueueWorker> {
    const w = await startQueueWorker({ url, dataDir, ...opts });
    cleanups.push(() => w.stop(5000));
    return w;
  }
  async function readyWave(store: Store) {
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North');
    const wave = await store.createWave(school.id, '2025', null);
    return { school, wave: await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(12), files: [], uploadedBy: null }) };
  }
  const analysisTask = (wave: { id: string; label: string; dataHash: string | null }): ViewTask => ({
    kind: 'analysis',
    doc: 'analysis',
    wave: { id: wave.id, label: wave.label, dataHash: wave.dataHash! },
    disclosure: 'named',
    minGroupSize: 3,
  });
  async function jobCount(q: OpenQueue, id: string): Promise<number> {
    const r = await q.boss.getDb().executeSql(`SELECT count(*)::int AS n FROM ${q.schema}.job WHERE id = $1`, [id]);
    return r.rows[0]!.n;
  }

  it('an analysis runs on a worker process and gives the body computed in process, with progress', async () => {
    const { url, dataDir, store, q, opts } = await setup();
    await worker(url, dataDir, opts);
    const { wave } = await readyWave(store);
    const task = analysisTask(wave);
    const seen: string[] = [];
    const runner = new QueueRunner(q, QUEUES.view, decodeViewResult);
    const result = await runner.run<ViewResult>(task, (phase) => seen.push(phase));
    const direct = await runViewTask(store, task, () => {});
    expect(Buffer.from(result.body).toString()).toBe(Buffer.from(direct.body).toString());
    expect(result.selection).toEqual(direct.selection);
    expect(JSON.parse(Buffer.from(result.body).toString())).toHaveProperty('analysis');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('the same input is one job: concurrent and later requests share it (idempotent, keyed by the input hash)', async () => {
    const { url, dataDir, store, q, opts } = await setup();
    const { wave } = await readyWave(store);
    const task = analysisTask(wave);
    const runner = new QueueRunner(q, QUEUES.view, decodeViewResult);
    const pending = [
      runner.run<ViewResult>(task, () => {}),
      runner.run<ViewResult>(task, () => {}),
      runner.run<ViewResult>(task, () => {}),
    ];
    await new Promise((r) => setTimeout(r, 300));
    expect(await jobCount(q, jobIdOf(QUEUES.view, task))).toBe(1); // queued once, before any worker runs
    await worker(url, dataDir, opts);
    const bodies = (await Promise.all(pending)).map((r) => Buffer.from(r.body).toString());
    expect(new Set(bodies).size).toBe(1);
    const again = await runner.run<ViewResult>(task, () => {});
    expect(Buffer.from(again.body).toString()).toBe(bodies[0]);
    const job = await q.boss.getJobById(QUEUES.view, jobIdOf(QUEUES.view, task));
    expect(job).toMatchObject({ state: 'completed', retryCount: 0 });
  });

  it('an upload is ingested by a worker into the wave, all or nothing; a bad file fails once, without retries', async () => {
    const { url, dataDir, store, q, opts } = await setup();
    await worker(url, dataDir, opts);
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'riverside', 'Riverside');
    const wave = await store.createWave(school.id, '2025-26', null);
    const received = (kind: ReceivedFile['kind'], name: string): ReceivedFile => {
      const tmpPath = join(dataDir, 'tmp', `${kind}-${randomBytes(4).toString('hex')}`);
      copyFileSync(join(DEMO, name), tmpPath);
      return {
        kind,
        tmpPath,
        originalName: name,
        bytes: statSync(tmpPath).size,
        sha256: createHash('sha256').update(readFileSync(tmpPath)).digest('hex'),
      };
    };
    const runner = new QueueRunner(q, QUEUES.ingest);
    const phases = new Set<string>();
    const outcome = await runner.run<{ people: number; ties: number }>(
      {
        dataDir,
        schoolId: school.id,
        waveId: wave.id,
        files: [received('roster', 'roster.csv'), received('ties', 'ties.csv')],
        uploadedBy: null,
      },
      (phase) => phases.add(phase),
    );
    const stored = (await store.getWave(wave.id))!;
    expect(phases.has('reading') || phases.has('storing')).toBe(true);
    expect(stored).toMatchObject({ status: 'ready', people: outcome.people, ties: outcome.ties });
    expect(outcome.people).toBeGreaterThan(10);
    expect(await store.listUploadFiles(wave.id)).toHaveLength(2);

    const badTmp = join(dataDir, 'tmp', 'bad');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(badTmp, 'nothing,useful\n1,2\n');
    const bad = {
      dataDir,
      schoolId: school.id,
      waveId: wave.id,
      files: [{ kind: 'ties' as const, tmpPath: badTmp, originalName: 'ties.csv', bytes: 18, sha256: 'x' }],
      uploadedBy: null,
    };
    const err = await runner.run(bad, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeadmapError);
    expect((err as LeadmapError).code).toBe('INGEST_FAILED');
    expect(await q.boss.getJobById(QUEUES.ingest, jobIdOf(QUEUES.ingest, bad))).toMatchObject({ state: 'completed', retryCount: 0 });
    expect((await store.getWave(wave.id))!.dataHash).toBe(stored.dataHash);
  });

  it('a failing attempt is retried with backoff; an attempt past its time limit is failed, retried, and reported as JOB_TIMEOUT', async () => {
    const { q } = await setup({ [QUEUES.view]: { retryLimit: 1, retryDelaySeconds: 1, expireInSeconds: 1 } });
    const attempts: Array<{ task: string; at: number }> = [];
    await workQueue(q, QUEUES.view, 2, async (task) => {
      const t = (task as { t: string }).t;
      attempts.push({ task: t, at: Date.now() });
      if (t === 'flaky' && attempts.filter((a) => a.task === 'flaky').length === 1) throw new Error('transient');
      if (t === 'slow') await new Promise((r) => setTimeout(r, 3000));
      return `done ${t}`;
    });
    const runner = new QueueRunner(q, QUEUES.view);
    expect(await runner.run({ t: 'flaky' }, () => {})).toBe('done flaky');
    const flaky = attempts.filter((a) => a.task === 'flaky');
    expect(flaky).toHaveLength(2);
    expect(flaky[1]!.at - flaky[0]!.at).toBeGreaterThanOrEqual(900); // the retry waited its delay
    expect(await q.boss.getJobById(QUEUES.view, jobIdOf(QUEUES.view, { t: 'flaky' }))).toMatchObject({ state: 'completed', retryCount: 1 });

    await expect(runner.run({ t: 'slow' }, () => {})).rejects.toMatchObject({ code: 'JOB_TIMEOUT' });
    expect(attempts.filter((a) => a.task === 'slow')).toHaveLength(2);
  });

  it('an ingest attempt that dies after consuming its files is retried from the received files, storing the dataset once', async () => {
    const { url, dataDir, store } = await setup();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'riverside', 'Riverside');
    const wave = await store.createWave(school.id, '2025-26', null);
    const files = (['roster', 'ties'] as const).map((kind): ReceivedFile => {
      const tmpPath = join(dataDir, 'tmp', `${kind}-upload`);
      copyFileSync(join(DEMO, `${kind}.csv`), tmpPath);
      return { kind, tmpPath, originalName: `${kind}.csv`, bytes: statSync(tmpPath).size, sha256: 'x' };
    });
    const input = { dataDir, databaseUrl: url, schoolId: school.id, waveId: wave.id, files, uploadedBy: null };
    // First attempt: the files are read and moved, then the worker dies before the job gets its answer.
    await expect(
      ingestRetryably(
        input,
        () => {},
        async (i, p) => {
          await runIngest(i, p);
          throw new Error('worker died');
        },
      ),
    ).rejects.toThrow('worker died');
    expect(files.every((f) => existsSync(f.tmpPath))).toBe(true);
    const first = (await store.getWave(wave.id))!;
    const outcome = await ingestRetryably(input, () => {});
    expect(outcome).toMatchObject({ people: first.people, ties: first.ties, dataHash: first.dataHash });
    expect(await store.listUploadFiles(wave.id)).toHaveLength(2); // the retry's files, not both attempts'
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
    const stored = readdirSync(join(dataDir, 'files', school.id, wave.id));
    expect(stored).toHaveLength(2);
  });

  it('a job whose worker died before its first progress write (no progress row) is failed once silent, not left to its time limit', async () => {
    const { url, opts } = await setup({ [QUEUES.view]: { retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 120 } });
    const q = await openQueue(url, { ...opts, heartbeatSeconds: 1, staleAfterSeconds: 2 });
    cleanups.push(() => q.boss.stop({ graceful: false, wait: true, timeout: 1000 }));
    const id = await q.boss.send(QUEUES.view, { t: 'fetched, never started' });
    // A worker takes it (state "active") and is killed before writing any progress.
    const [taken] = await q.boss.fetch(QUEUES.view);
    expect(taken!.id).toBe(id);
    expect(await failSilentJobs(q)).toBe(0); // not silent yet
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await failSilentJobs(q)).toBe(1);
    expect(await q.boss.getJobById(QUEUES.view, id!)).toMatchObject({ state: 'failed' });
  });

  it('a job whose worker stopped mid-job is taken by another worker once its heartbeat stops, long before its time limit, and finishes once', async () => {
    const { url, opts } = await setup({ [QUEUES.view]: { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 120 } });
    const beats = { ...opts, heartbeatSeconds: 1, staleAfterSeconds: 3 };
    const q = await openQueue(url, beats);
    cleanups.push(() => q.boss.stop({ graceful: false, wait: true, timeout: 1000 }));
    const dead = await openQueue(url, beats);
    const runs: string[] = [];
    let started!: () => void;
    const taken = new Promise<void>((r) => (started = r));
    await workQueue(dead, QUEUES.view, 1, async () => {
      runs.push('dead');
      started();
      await new Promise(() => {}); // never answers: the process is gone
    });
    const runner = new QueueRunner(q, QUEUES.view);
    const result = runner.run({ t: 'orphaned' }, () => {});
    await taken;
    await dead.boss.stop({ graceful: false, wait: false, close: true }); // the worker vanishes without completing or failing the job
    const t0 = Date.now();
    cleanups.push(watchForDeadWorkers(q));
    await workQueue(q, QUEUES.view, 1, () => {
      runs.push('alive');
      return Promise.resolve('done by the second worker');
    });
    expect(await result).toBe('done by the second worker');
    expect(runs).toEqual(['dead', 'alive']);
    expect(Date.now() - t0).toBeLessThan(30_000); // not the 120 s time limit
    const job = await q.boss.getJobById(QUEUES.view, jobIdOf(QUEUES.view, { t: 'orphaned' }));
    expect(job).toMatchObject({ state: 'completed', retryCount: 1, output: { ok: 'done by the second worker' } });
  });
});
