import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import type { IngestInput, IngestOutcome, IngestProgress } from './ingest-task.js';

const WORKER_URL = new URL('./ingest-worker.js', import.meta.url);

/**
 * Runs an ingest in a worker thread when the compiled worker is available
 * (always in production: dist/jobs/ingest-worker.js), else inline (TypeScript
 * sources under the test runner, or LEADMAP_INGEST_INLINE=1).
 */
export function ingestInBackground(input: IngestInput, progress: IngestProgress, signal?: AbortSignal): Promise<IngestOutcome> {
  const workerFile = fileURLToPath(WORKER_URL);
  if (process.env.LEADMAP_INGEST_INLINE === '1' || !import.meta.url.endsWith('.js') || !existsSync(workerFile)) {
    // Inline: a cancel stops at the next progress report (inside the storing transaction it rolls back).
    const checked: IngestProgress = (phase, done, total) => {
      if (signal?.aborted) throw new LeadmapError('CANCELLED', 'the upload was cancelled');
      progress(phase, done, total);
    };
    return import('./ingest-task.js').then((m) => m.runIngest(input, checked));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    let settled = false;
    // Cancelled: the worker is stopped; a transaction it had open is rolled back by SQLite, files it had moved are swept at the next start.
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new LeadmapError('CANCELLED', 'the upload was cancelled'));
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on(
      'message',
      (m: {
        type: string;
        phase?: 'reading' | 'storing';
        done?: number;
        total?: number;
        outcome?: IngestOutcome;
        code?: string;
        message?: string;
        details?: unknown;
        name?: string;
        errCode?: string | null;
      }) => {
        if (m.type === 'progress') progress(m.phase!, m.done!, m.total!);
        else if (m.type === 'done') {
          settled = true;
          resolve(m.outcome!);
        } else if (m.type === 'failed') {
          settled = true;
          if (m.code === 'INTERNAL') {
            const e = new Error(`ingest worker failed (${m.name ?? 'Error'}${m.errCode ? ` ${m.errCode}` : ''})`);
            reject(e);
          } else reject(new LeadmapError(m.code!, m.message!, m.details));
        }
      },
    );
    worker.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`ingest worker exited with code ${code}`));
      }
    });
  });
}
