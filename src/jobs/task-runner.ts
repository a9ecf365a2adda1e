import type { ReportProgress } from './jobs.js';

/**
 * Where heavy tasks run: worker threads of this process (WorkerPool, the embedded default) or
 * worker processes on the PostgreSQL queue (QueueRunner). The task is plain data; the result is
 * what the task's handler returns.
 */
export interface TaskRunner {
  run<T>(task: unknown, progress: ReportProgress, signal?: AbortSignal): Promise<T>;
}
