import { runIngest, type IngestInput } from '../jobs/ingest-task.js';
import { openQueue, QUEUES, type QueueOptions } from '../jobs/queue/pg-queue.js';
import { workQueue } from '../jobs/queue/work.js';
import { openStore } from '../store/index.js';
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
 * `leadmap worker`: takes ingest and view (analysis, export, report) jobs from the PostgreSQL
 * queue and runs them on this process's own store connection. Any number of workers on any
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
    runIngest({ ...(task as IngestInput), dataDir: o.dataDir, databaseUrl: o.url }, progress),
  );
  return {
    async stop(timeoutMs = 30_000) {
      await q.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      await store.close();
    },
  };
}
