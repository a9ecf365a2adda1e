import { LeadmapError } from '../../model/errors.js';
import type { ReportProgress } from '../jobs.js';
import { failSilentJobs, heartbeat, writeProgress, type JobOutput, type OpenQueue, type QueueName } from './pg-queue.js';

/**
 * Takes jobs of one queue, `concurrency` at a time, and runs `handle` on each: its value becomes
 * the job's output; a LeadmapError (bad input: retrying cannot mend it) is stored as the output
 * too; any other error fails the attempt, and pg-boss retries it with backoff. Progress is written
 * at most every 250 ms (and at the end of each phase).
 */
export async function workQueue(
  q: OpenQueue,
  queue: QueueName,
  concurrency: number,
  handle: (task: unknown, progress: ReportProgress) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < Math.max(1, concurrency); i++) {
    await q.boss.work<{ task: unknown }>(queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      let lastWrite = Date.now();
      let writing: Promise<void> = writeProgress(q, job!.id, 'starting', 0, 0).catch(() => {});
      const beat = setInterval(() => {
        writing = writing.then(() => heartbeat(q, job!.id)).catch(() => {});
      }, q.heartbeatSeconds * 1000);
      const progress: ReportProgress = (phase, done, total) => {
        const now = Date.now();
        if (now - lastWrite < 250 && done !== total) return;
        lastWrite = now;
        writing = writing.then(() => writeProgress(q, job!.id, phase, done, total)).catch(() => {});
      };
      try {
        const out: JobOutput = { ok: await handle(job!.data.task, progress) };
        return out;
      } catch (err) {
        if (err instanceof LeadmapError) {
          const out: JobOutput = { error: { code: err.code, message: err.message, details: err.details } };
          return out;
        }
        throw err;
      } finally {
        clearInterval(beat);
        await writing;
      }
    });
  }
}

/**
 * Every worker also watches the others: each heartbeat period it fails the jobs whose worker went
 * silent (failSilentJobs), and pg-boss retries them. Returns the function that stops watching.
 */
export function watchForDeadWorkers(q: OpenQueue): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    failSilentJobs(q)
      .catch(() => 0)
      .finally(() => (busy = false));
  }, q.heartbeatSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
