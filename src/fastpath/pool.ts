import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import { arraysOf, type CsrArrays } from './csr-graph.js';
import { TaskRunner, type TaskResult, type TaskSpec } from './jobs.js';

export interface PoolOptions {
  /** Threads to use (default: every core, os.availableParallelism()). 1 runs in the calling thread. */
  threads?: number;
  /** Compiled worker script; default dist/fastpath/worker.js beside this module (env LEADMAP_WORKER overrides). */
  workerUrl?: URL;
  signal?: AbortSignal;
}

/** The compiled worker next to this module, or null when running from TypeScript sources. */
export function defaultWorkerUrl(): URL | null {
  const env = process.env.LEADMAP_WORKER;
  if (env) return new URL(`file://${env}`);
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** How many threads a task will use. */
export function threadCount(opts: PoolOptions): number {
  return Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
}

/**
 * Runs the `spec.jobs` jobs of a task over a pool of worker threads (jobs handed out one at a time,
 * so a slow job never idles the other threads) and returns each thread's accumulator.
 * Without a compiled worker script (e.g. tests from TypeScript) or with threads = 1, runs in this thread.
 */
export async function runTask(graph: CsrArrays, spec: TaskSpec, opts: PoolOptions = {}): Promise<TaskResult[]> {
  const threads = Math.min(threadCount(opts), spec.jobs);
  const url = opts.workerUrl ?? defaultWorkerUrl();
  if (threads <= 1 || url === null) {
    const runner = new TaskRunner(graph, spec);
    for (let j = 0; j < spec.jobs; j++) {
      if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the computation was cancelled');
      runner.run(j);
    }
    return [runner.result()];
  }
  const arrays = arraysOf(graph);
  let nextJob = 0;
  const workers: Worker[] = [];
  try {
    return await Promise.all(
      Array.from({ length: threads }, () => new Promise<TaskResult>((resolve, reject) => {
        const w = new Worker(url);
        workers.push(w);
        w.on('error', reject);
        w.on('message', (msg: { ready?: boolean; result?: TaskResult; error?: string }) => {
          if (msg.error) return reject(new LeadmapError('WORKER_FAILED', msg.error));
          if (msg.result) return resolve(msg.result);
          if (opts.signal?.aborted) return reject(new LeadmapError('CANCELLED', 'the computation was cancelled'));
          if (nextJob < spec.jobs) w.postMessage({ job: nextJob++ });
          else w.postMessage({ finish: true });
        });
        w.postMessage({ init: { graph: arrays, spec } });
      })),
    );
  } finally {
    for (const w of workers) void w.terminate();
  }
}
