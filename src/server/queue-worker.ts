import { link, rm } from 'node:fs/promises';
import { randomName } from '../store/files.js';
import { runIngest, type IngestInput, type IngestOutcome, type IngestProgress } from '../jobs/ingest-task.js';
import { LeadmapError } from '../model/errors.js';
import { openQueue, QUEUES, type QueueOptions } from '../jobs/queue/pg-queue.js';
import { watchForDeadWorkers, workQueue } from '../jobs/queue/work.js';
import { openStore } from '../store/index.js';
import { runSchoolTask, type SchoolTask } from '../jobs/batch/school-task.js';
import { runViewTask, type ViewResult, type ViewTask } from './views/task.js';

export interface QueueWorkerOptions extends QueueOptions {
  /** The PostgreSQL database of the store and the queue. */
  url: string;
  /** This machine's path to the data directory the servers share (uploaded files). */
  dataDir: string;
  /** Jobs of each queue run at the same time in this process (default 1). */
  concurrency?: number;
}

export interface RunningQueueWorker {
  /** Stops taking jobs, waits for those running (up to `timeoutMs`), closes connections. */
  stop(timeoutMs?: number): Promise<void>;
}

/** A view's result as stored in the job's output (JSON): the body in base64. */
export interface EncodedViewResult extends Omit<ViewResult, 'body'> {
  body64: string;
}
export function encodeViewResult(r: ViewResult): EncodedViewResult {
  return { ...r, body64: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength).toString('base64') };
}
export function decodeViewResult(value: unknown): ViewResult {
  const { body64, ...rest } = value as EncodedViewResult;
  return { ...rest, body: new Uint8Array(Buffer.from(body64, 'base64')) };
}

/**
 * `leadmap worker`: takes ingest, view (analysis, export, report) and batch (one school of `leadmap
 * batch`) jobs from the PostgreSQL queue and runs them on this process's own store connection. Any number of workers on any
 * number of machines share the queue.
 */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<RunningQueueWorker> {
  const { store } = await openStore({ kind: 'postgres', url: o.url, dataDir: o.dataDir }, { maxConnections: 4 });
  const q = await openQueue(o.url, o);
  const concurrency = o.concurrency ?? 1;
  await workQueue(q, QUEUES.view, concurrency, async (task, progress) =>
    encodeViewResult(await runViewTask(store, task as ViewTask, progress)),
  );
  await workQueue(q, QUEUES.ingest, concurrency, (task, progress) =>
    ingestRetryably({ ...(task as IngestInput), dataDir: o.dataDir, databaseUrl: o.url }, progress),
  );
  await workQueue(q, QUEUES.batch, concurrency, (task, progress) => runSchoolTask(task as SchoolTask, progress));
  const unwatch = watchForDeadWorkers(q);
  return {
    async stop(timeoutMs = 30_000) {
      unwatch();
      await q.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      await store.close();
    },
  };
}

/**
 * Runs an ingest so that a retry can start again from the received files: runIngest consumes
 * (moves, then deletes) a linked copy of each file, and the received files themselves are removed
 * only when the job has its answer — the dataset stored, or an error about the input. An attempt
 * that crashes or loses its worker leaves them for the next attempt.
 */
export async function ingestRetryably(
  input: IngestInput,
  progress: IngestProgress,
  ingest: (input: IngestInput, progress: IngestProgress) => Promise<IngestOutcome> = runIngest,
): Promise<IngestOutcome> {
  const staged = [];
  try {
    for (const f of input.files) {
      const tmpPath = `${f.tmpPath}.${randomName()}`;
      await link(f.tmpPath, tmpPath);
      staged.push({ ...f, tmpPath });
    }
  } catch (err) {
    for (const f of staged) await rm(f.tmpPath, { force: true });
    // Another attempt has the job's answer already (an attempt taken for dead that was only slow, then finished).
    if ((err as { code?: string }).code === 'ENOENT')
      throw new LeadmapError(
        'UPLOAD_GONE',
        'the uploaded files were already processed by an earlier attempt; check the wave, or upload again',
      );
    throw err;
  }
  try {
    const outcome = await ingest({ ...input, files: staged }, progress);
    await removeReceived(input);
    return outcome;
  } catch (err) {
    if (err instanceof LeadmapError) await removeReceived(input);
    throw err;
  } finally {
    for (const f of staged) await rm(f.tmpPath, { force: true });
  }
}

async function removeReceived(input: IngestInput): Promise<void> {
  for (const f of input.files) await rm(f.tmpPath, { force: true });
}
