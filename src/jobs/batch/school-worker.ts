/**
 * Worker-thread entry for one school of `leadmap batch` (src/jobs/worker-pool.ts protocol): { task } in;
 * { progress } … then { done } or { failed } out.
 */
import { parentPort } from 'node:worker_threads';
import { LeadmapError } from '../../model/errors.js';
import { runSchoolTask, type SchoolTask } from './school-task.js';

const port = parentPort!;
port.on('message', (msg: { task: SchoolTask }) => {
  void (async () => {
    try {
      const outcome = await runSchoolTask(msg.task, (phase, done, total) => port.postMessage({ progress: [phase, done, total] }));
      port.postMessage({ done: outcome });
    } catch (err) {
      port.postMessage({
        failed:
          err instanceof LeadmapError
            ? { code: err.code, message: err.message, details: err.details }
            : { code: 'INTERNAL', message: 'school failed', name: (err as Error)?.name, errCode: (err as { code?: string })?.code ?? null },
      });
    }
  })();
});
