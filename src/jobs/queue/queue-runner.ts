import { setTimeout as sleep } from 'node:timers/promises';
import { LeadmapError } from '../../model/errors.js';
import type { ReportProgress } from '../jobs.js';
import type { TaskRunner } from '../task-runner.js';
import { jobIdOf, readProgress, type JobOutput, type OpenQueue, type QueueName } from './pg-queue.js';

/**
 * Runs tasks on the queue instead of on this process's threads: `run` sends the task as a job
 * (or joins the job of the same input already queued, running or done), reports the progress the
 * worker writes, and resolves with the job's output. A job that failed earlier is replaced by a
 * new attempt; cancelling (signal) cancels the job.
 */
export class QueueRunner implements TaskRunner {
  constructor(
    private readonly q: OpenQueue,
    private readonly queue: QueueName,
    private readonly decode: (value: unknown) => unknown = (v) => v,
    private readonly pollMs = 200,
  ) {}

  async run<T>(task: unknown, progress: ReportProgress, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw cancelled();
    const { boss } = this.q;
    const id = jobIdOf(this.queue, task);
    const existing = await boss.getJobById(this.queue, id);
    if (existing && (existing.state === 'failed' || existing.state === 'cancelled')) await boss.deleteJob(this.queue, id);
    if (!existing || existing.state === 'failed' || existing.state === 'cancelled') await boss.send(this.queue, { task }, { id });
    const onAbort = (): void => void boss.cancel(this.queue, id).catch(() => {});
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let last = '';
      for (;;) {
        const job = await boss.getJobById<{ task: unknown }>(this.queue, id, { includeArchive: true });
        if (!job) throw new LeadmapError('JOB_LOST', 'the job disappeared from the queue');
        const p = await readProgress(this.q, id);
        const key = p ? `${p.phase}:${p.done}:${p.total}` : '';
        if (p && key !== last) {
          last = key;
          progress(p.phase, p.done, p.total);
        }
        if (job.state === 'completed') {
          const out = job.output as JobOutput;
          if ('error' in out) throw new LeadmapError(out.error.code, out.error.message, out.error.details);
          return this.decode(out.ok) as T;
        }
        if (job.state === 'cancelled') throw cancelled();
        if (job.state === 'failed') {
          const timedOut = /exceeded|timeout/i.test(JSON.stringify(job.output ?? null));
          throw timedOut
            ? new LeadmapError('JOB_TIMEOUT', 'the job ran past its time limit on every attempt')
            : new Error(`queued job failed after ${job.retryCount + 1} attempt(s)`);
        }
        await sleep(this.pollMs);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function cancelled(): LeadmapError {
  return new LeadmapError('CANCELLED', 'the job was cancelled');
}
