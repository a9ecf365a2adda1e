import { parentPort } from 'node:worker_threads';
import type { CsrArrays } from '../graph/csr.js';
import { KernelJobs, type TaskSpec } from './jobs.js';

/**
 * Worker-thread entry (loaded as compiled JS from dist/fastpath/worker.js). Protocol:
 * main → {init: {graph, spec}}, then {job: k} repeatedly, then {finish: true};
 * worker → {ready: true} after each job, {result} after finish. Graph arrays arrive on
 * SharedArrayBuffers, so nothing is copied.
 */
let runner: KernelJobs | null = null;

parentPort?.on('message', (msg: { init?: { graph: CsrArrays; spec: TaskSpec }; job?: number; finish?: boolean }) => {
  try {
    if (msg.init) {
      runner = new KernelJobs(msg.init.graph, msg.init.spec);
      parentPort!.postMessage({ ready: true });
    } else if (msg.job !== undefined) {
      runner!.run(msg.job);
      parentPort!.postMessage({ ready: true });
    } else if (msg.finish) {
      parentPort!.postMessage({ result: runner!.result() });
      runner = null;
    }
  } catch (err) {
    parentPort!.postMessage({ error: String((err as Error)?.stack ?? err) });
  }
});
