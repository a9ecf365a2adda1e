import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import type { CsrArrays } from '../graph/csr.js';
import { arraysOf } from '../graph/csr-builder.js';
import { KernelJobs, type TaskResult, type TaskSpec } from './jobs.js';

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
    const runner = new KernelJobs(graph, spec);
    for (let j = 0; j < spec.jobs; j++) {
      if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the computation was cancelled');
      runner.run(j);
    }
    return [runner.result()];
  }
  const arrays = arraysOf(graph);
  let nextJob = 0;
  const workers: Worker[] = [];
  const failed = new Set<Worker>();
  try {
    return await Promise.all(
      Array.from(
        { length: threads },
        () =>
          new Promise<TaskResult>((resolve, reject) => {
            const w = acquire(url);
            workers.push(w);
            w.on('error', (err) => {
              failed.add(w);
              reject(err);
            });
            w.on('message', (msg: { ready?: boolean; result?: TaskResult; error?: string }) => {
              if (msg.error) {
                failed.add(w);
                return reject(new LeadmapError('WORKER_FAILED', msg.error));
              }
              if (msg.result) return resolve(msg.result);
              if (opts.signal?.aborted) {
                failed.add(w);
                return reject(new LeadmapError('CANCELLED', 'the computation was cancelled'));
              }
              if (nextJob < spec.jobs) w.postMessage({ job: nextJob++ });
              else w.postMessage({ finish: true });
            });
            w.postMessage({ init: { graph: arrays, spec } });
          }),
      ),
    );
  } catch (err) {
    for (const w of workers) failed.add(w);
    throw err;
  } finally {
    for (const w of workers) {
      if (failed.has(w)) void w.terminate();
      else release(url, w);
    }
  }
}

/**
 * Idle workers kept for the next task (approximate betweenness runs one task per round; starting a
 * worker costs ~50–100 ms). Idle workers are unref'd, so they never keep the process alive.
 */
const idle = new Map<string, Worker[]>();

function acquire(url: URL): Worker {
  const w = idle.get(url.href)?.pop();
  if (w) {
    w.ref();
    return w;
  }
  return new Worker(url);
}

function release(url: URL, w: Worker): void {
  w.removeAllListeners('message');
  w.removeAllListeners('error');
  w.unref();
  const list = idle.get(url.href) ?? [];
  list.push(w);
  idle.set(url.href, list);
}
