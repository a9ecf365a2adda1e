import { openQueue, QUEUES } from '../jobs/queue/pg-queue.js';
import { QueueRunner } from '../jobs/queue/queue-runner.js';
import type { TaskRunner } from '../jobs/task-runner.js';
import { decodeViewResult } from './queue-worker.js';

export interface QueueRunners {
  view: TaskRunner;
  ingest: TaskRunner;
  close(): Promise<void>;
}

/** The server's side of the PostgreSQL queue: view and ingest tasks sent as jobs for `leadmap worker` processes. */
export async function queueRunners(url: string): Promise<QueueRunners> {
  const q = await openQueue(url);
  return {
    view: new QueueRunner(q, QUEUES.view, decodeViewResult),
    ingest: new QueueRunner(q, QUEUES.ingest),
    close: () => q.boss.stop({ graceful: false, wait: true, timeout: 5000 }),
  };
}
