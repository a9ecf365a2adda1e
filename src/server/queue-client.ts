import { openQueue, QUEUES } from '../jobs/queue/pg-queue.js';
import { QueueRunner } from '../jobs/queue/queue-runner.js';
import type { TaskRunner } from '../jobs/task-runner.js';
import type { JobLedger } from '../jobs/jobs.js';
import { pgJobLedger } from '../jobs/queue/job-ledger.js';
import { decodeViewResult } from './queue-worker.js';

export interface QueueRunners {
  view: TaskRunner;
  ingest: TaskRunner;
  /** The jobs of every server on this database, so any server can answer for a job another started. */
  ledger: JobLedger;
  close(): Promise<void>;
}

/** The server's side of the PostgreSQL queue: view and ingest tasks sent as jobs for `leadmap worker` processes. */
export async function queueRunners(url: string): Promise<QueueRunners> {
  const q = await openQueue(url);
  return {
    view: new QueueRunner(q, QUEUES.view, decodeViewResult),
    ingest: new QueueRunner(q, QUEUES.ingest),
    ledger: pgJobLedger(q),
    close: () => q.boss.stop({ graceful: false, wait: true, timeout: 5000 }),
  };
}
