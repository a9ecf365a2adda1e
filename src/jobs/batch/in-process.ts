import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LeadmapError } from '../../model/errors.js';
import type { TaskRunner } from '../task-runner.js';
import { WorkerPool } from '../worker-pool.js';
import type { SchoolResult } from './batch-folder.js';
import { runSchoolTask, type SchoolOutcome, type SchoolTask } from './school-task.js';

export interface InProcessOptions {
  /** Schools computed at once, each on its own worker thread (default 1). */
  threads: number;
  /** Attempts after the first for an unexpected failure (a thread that crashed or ran out of memory); default 2. Bad input is never retried. */
  retryLimit?: number;
  onResult: (result: SchoolResult) => void;
  onProgress?: (school: string, phase: string) => void;
  /** Runs each task; default worker threads (compiled), or this thread under the TypeScript test runner. */
  runner?: TaskRunner;
}

/**
 * The embedded way of `leadmap batch` (no DATABASE_URL): the schools run in this process on
 * `threads` worker threads, one school per thread at a time. A school whose thread fails unexpectedly
 * is tried again on a fresh thread (counted as retried); bad input fails the school at once.
 */
export async function runBatchInProcess(tasks: readonly SchoolTask[], o: InProcessOptions): Promise<SchoolResult[]> {
  const threads = Math.max(1, o.threads);
  const pool = o.runner ? null : schoolThreads(threads);
  const runner: TaskRunner = o.runner ??
    pool ?? { run: async <T>(task: unknown, p: Parameters<TaskRunner['run']>[1]) => (await runSchoolTask(task as SchoolTask, p)) as T };
  const results: SchoolResult[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      const result = await runOne(runner, task, o);
      results.push(result);
      o.onResult(result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(threads, tasks.length) }, lane));
  } finally {
    await pool?.close();
  }
  return results;
}

async function runOne(runner: TaskRunner, task: SchoolTask, o: InProcessOptions): Promise<SchoolResult> {
  const retryLimit = o.retryLimit ?? 2;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await runner.run<SchoolOutcome>(task, (phase) => o.onProgress?.(task.school, phase));
      return { school: task.school, status: 'done', outcome, attempts: attempt };
    } catch (err) {
      if (err instanceof LeadmapError)
        return { school: task.school, status: 'failed', error: { code: err.code, message: err.message }, attempts: attempt };
      if (attempt > retryLimit)
        return {
          school: task.school,
          status: 'failed',
          error: { code: 'INTERNAL', message: `failed on ${attempt} attempts (${(err as Error)?.message ?? 'unknown error'})` },
          attempts: attempt,
        };
    }
  }
}

/** Worker threads running src/jobs/batch/school-worker.js when compiled; null under the TypeScript test runner (no .js files). */
function schoolThreads(threads: number): WorkerPool | null {
  const url = new URL('./school-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? new WorkerPool(url, threads) : null;
}
